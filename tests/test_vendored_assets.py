"""The vendored browser files are the ones their manifests pin (tools/vendor_assets.py), checked
without the network."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.vendor_assets import MANIFESTS, check, load, readme


@pytest.mark.parametrize("manifest", MANIFESTS, ids=lambda m: m.parent.name)
def test_every_vendored_file_matches_its_manifest(manifest: Path) -> None:
    assert check(manifest) == []


@pytest.mark.parametrize("manifest", MANIFESTS, ids=lambda m: m.parent.name)
def test_every_vendored_package_carries_its_licence(manifest: Path) -> None:
    for package in load(manifest):
        assert "LICENSE" in package.files, package.name
        assert package.license in {"MIT", "Apache-2.0", "MPL-2.0"}, package.name


def test_a_changed_missing_or_unlisted_file_and_a_stale_readme_are_reported(
    tmp_path: Path,
) -> None:
    shutil.copytree(MANIFESTS[0].parent, tmp_path / "vendor")
    folder = tmp_path / "vendor"
    (folder / "react-18.2.0" / "react.production.min.js").write_bytes(b"window.React = {}")
    (folder / "redoc-2.5.4" / "LICENSE").unlink()
    (folder / "redoc-2.5.4" / "redoc.standalone.js.map").write_text("{}")
    (folder / "README.md").write_text("# edited by hand\n")
    assert check(folder / "manifest.json") == [
        "react-18.2.0/react.production.min.js differs from its sha256 in the manifest",
        "redoc-2.5.4/LICENSE is missing",
        "redoc-2.5.4/redoc.standalone.js.map is not in the manifest",
        "README.md is not the one the manifest writes",
    ]


def test_the_readme_lists_each_file_with_its_version_and_sha256() -> None:
    text = readme(load(MANIFESTS[0]))
    assert (
        "| graphiql | 3.8.3 | MIT | `graphiql-3.8.3/graphiql.min.js` | "
        "`22faab94067b695e5f7959619fbe686ebcc8955002a0c97d986bcbba4ad4bc2c` |"
    ) in text
