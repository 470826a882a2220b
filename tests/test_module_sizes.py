"""A module holds one idea: none under app/ passes 400 lines, and each port module (a few
Protocols of one area) stays under 150. A module that grows past its limit is split by idea,
not exempted here."""

from __future__ import annotations

from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"
MODULE_LIMIT = 400
PORT_LIMIT = 150


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def _too_long(paths: list[Path], limit: int) -> dict[str, int]:
    sizes = {str(p.relative_to(APP.parent)): _lines(p) for p in paths}
    return {name: n for name, n in sorted(sizes.items()) if n > limit}


def test_no_module_under_app_passes_400_lines() -> None:
    modules = list(APP.rglob("*.py"))
    assert len(modules) > 150  # the walk found the package, not an empty folder
    assert _too_long(modules, MODULE_LIMIT) == {}


def test_every_port_module_is_under_150_lines() -> None:
    ports = list((APP / "ports").glob("*.py"))
    assert len(ports) > 10
    assert _too_long(ports, PORT_LIMIT - 1) == {}
