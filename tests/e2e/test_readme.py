"""The README as a script (issue #12, finding 2): every ```sh and ```bash block of README.md
runs, in order, with bash (every ```python block with the project's Python, the typed client
installed), against a live `mastery dev` (what `make run` runs) started on a free
loopback port over a fresh state folder and database, from the repository's root, as a reader
who ran `make run` and then pasted each block into one shell would.

- Each block runs under `set -euo pipefail`, so a command that fails or a variable that nothing
  set fails the block; `curl` fails on an HTTP error answer too (`--fail-with-body`), since an
  example that answers 4xx does not work as written. What a block exports carries over to the
  next block, as in one shell; a Python block reads that environment and leaves it unchanged.
- A line `# {...}` in a block is output the block shows: it must be found in what the block
  printed, whitespace aside, `…` standing for any text.
- A block that cannot run here (it starts the server itself, needs PostgreSQL, or reaches a
  host other than 127.0.0.1) has `<!-- readme-test: skip REASON -->` on the line above its
  fence; the test says how many it skipped and why."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.e2e.launcher import Server, bearer, e2e_env, launch

# One worker runs the module: its tests share one server (the second restarts it).
pytestmark = pytest.mark.xdist_group("readme")

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
_FENCE = re.compile(r"^(?P<indent>\s*)```(?P<lang>\w*)\s*$")  # in a list item too
_SKIP = re.compile(r"^<!--\s*readme-test:\s*skip\s+(?P<reason>\S.*?)\s*-->$")
_SHELLS = frozenset({"sh", "bash"})
_RUN = _SHELLS | {"python"}
_PRELUDE = """set -euo pipefail
curl() { command curl --fail-with-body --silent --show-error --max-time 120 "$@"; }
"""


@dataclass(frozen=True)
class Block:
    line: int  # of the opening fence, 1-based
    code: str
    skip: str | None
    lang: str = "sh"  # or "python"


def shell_blocks(text: str) -> list[Block]:
    """The README's sh/bash/python blocks with their skip reasons, in order."""
    lines = text.splitlines()
    found: list[Block] = []
    n = 0
    while n < len(lines):
        opened = _FENCE.match(lines[n])
        if not opened:
            n += 1
            continue
        end = next(i for i in range(n + 1, len(lines)) if lines[i].lstrip().startswith("```"))
        if opened.group("lang") in _RUN:
            above = next((lines[i] for i in range(n - 1, -1, -1) if lines[i].strip()), "")
            marked = _SKIP.match(above.strip())
            indent = len(opened.group("indent"))
            code = "\n".join(line[indent:] for line in lines[n + 1 : end]) + "\n"
            reason = marked.group("reason") if marked else None
            lang = "python" if opened.group("lang") == "python" else "sh"
            found.append(Block(n + 1, code, reason, lang))
        n = end + 1
    return found


def shown_outputs(code: str) -> list[str]:
    return [line.removeprefix("# ") for line in code.splitlines() if line.startswith("# {")]


def shows(expected: str, printed: str) -> bool:
    pattern = ".*?".join(re.escape(part) for part in re.sub(r"\s+", "", expected).split("…"))
    return re.search(pattern, re.sub(r"\s+", "", printed)) is not None


def test_the_blocks_are_found_with_their_skips() -> None:
    text = """Intro
<!-- readme-test: skip starts the server itself -->
```sh
make run
```
```json
{"a": 1}
```

```bash
echo hi
# {"a": …, "b": 2}
```
- in a list:
  ```sh
  echo one |
    cat
  ```
```python
print({"a": 1})
```
"""
    assert shell_blocks(text) == [
        Block(3, "make run\n", "starts the server itself"),
        Block(10, 'echo hi\n# {"a": …, "b": 2}\n', None),
        Block(15, "echo one |\n  cat\n", None),
        Block(19, 'print({"a": 1})\n', None, "python"),
    ]
    assert shown_outputs(shell_blocks(text)[1].code) == ['{"a": …, "b": 2}']
    assert shows('{"a": …, "b": 2}', 'x {"a": 17,\n "b": 2} y')
    assert not shows('{"a": …, "b": 2}', '{"a": 17, "b": 3}')


@dataclass
class Demo:
    server: Server
    env: dict[str, str]
    state: Path


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("readme")
    env = e2e_env(f"sqlite+aiosqlite:///{folder / 'mastery.db'}", folder)
    demo = Demo(launch(env, command=("dev",), seconds=600), env, Path(env["MASTERY_STATE_DIR"]))
    try:
        yield demo
    finally:
        demo.server.stop()  # the one running now: a test may have started it again


def _run(block: Block, env: dict[str, str], folder: Path) -> tuple[str, dict[str, str]]:
    """The block in bash with `env`: what it printed, and the environment it leaves."""
    if block.lang == "python":
        return _run_python(block, env), env
    left = folder / "env"
    script = f'{_PRELUDE}cd "$README_ROOT"\n{block.code}\nenv -0 > "$README_ENV_OUT"\n'
    done = subprocess.run(
        ["bash", "-c", script],
        env={**env, "README_ROOT": str(ROOT), "README_ENV_OUT": str(left)},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, (
        f"README.md line {block.line}: exit {done.returncode}\n{block.code}\n"
        f"stdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    )
    pairs = (item.partition("=") for item in left.read_text().split("\0") if item)
    kept = {k: v for k, _, v in pairs if not k.startswith(("README_", "BASH_FUNC_"))}
    return done.stdout, kept


def _run_python(block: Block, env: dict[str, str]) -> str:
    """The block as a Python script from the repository's root: what it printed."""
    done = subprocess.run(
        [sys.executable, "-"],
        input=block.code,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, (
        f"README.md line {block.line}: exit {done.returncode}\n{block.code}\n"
        f"stdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    )
    return done.stdout


def test_every_shell_block_of_the_readme_runs_as_written(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = shell_blocks(README.read_text())
    skipped = [b for b in blocks if b.skip]
    ran = 0
    env = demo.env
    for block in blocks:
        if block.skip:
            continue
        printed, env = _run(block, env, tmp_path)
        ran += 1
        for expected in shown_outputs(block.code):
            assert shows(expected, printed), (
                f"README.md line {block.line} shows {expected}\nbut printed:\n{printed}"
            )
    with capsys.disabled():
        print(f"\nREADME: ran {ran} shell blocks, skipped {len(skipped)}:")
        for block in skipped:
            print(f"  line {block.line}: {block.skip}")
    # Skipping is for what cannot run here, not a way out: the README had 17 runnable blocks
    # and 5 marked ones when this test was written (6: the job queue needs PostgreSQL).
    assert ran >= 17
    assert len(skipped) <= 6


def test_make_run_writes_a_private_sourceable_file_and_keeps_the_secret(demo: Demo) -> None:
    """`mastery dev` again over the same state: the same client and secret (a shell that sourced
    the file keeps working), and the file readable by its owner only."""
    before = _exports(demo.state / "demo.env")
    assert before["MASTERY_URL"] == demo.server.base
    assert stat.S_IMODE(os.stat(demo.state / "demo.env").st_mode) == 0o600
    demo.server.stop()
    demo.server = launch(demo.env, command=("dev",), seconds=600)
    after = _exports(demo.state / "demo.env")
    assert (after["CLIENT_ID"], after["CLIENT_SECRET"]) == (
        before["CLIENT_ID"],
        before["CLIENT_SECRET"],
    )
    assert after["MASTERY_URL"] == demo.server.base
    # The kept secret still gets a token from the new server, as does the file's new token.
    bearer(
        demo.server.base,
        {"client_id": before["CLIENT_ID"], "client_secret": before["CLIENT_SECRET"]},
    )
    orgs = httpx.get(
        f"{demo.server.base}/v1/orgs",
        headers={"Authorization": f"Bearer {after['TOKEN']}"},
        timeout=30,
    )
    assert orgs.status_code == 200


def _exports(path: Path) -> dict[str, str]:
    """What sourcing the file sets, as bash sees it."""
    done = subprocess.run(
        ["bash", "-c", 'set -eu; source "$1"; env -0', "bash", str(path)],
        env={"PATH": os.environ["PATH"]},
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return dict(item.partition("=")[::2] for item in done.stdout.split("\0") if item)
