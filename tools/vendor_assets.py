"""Vendor the browser files our pages load, from the npm registry, by pinned version and sha256.

District networks block CDNs, so GraphiQL, Swagger UI and ReDoc ship inside the package
(docs/decisions/0016-offline-assets.md). Each folder holding vendored files has a
`manifest.json` naming every package, its version, its licence and, per file taken from its
tarball, that file's sha256. This tool is the one way those files change:

    python -m tools.vendor_assets           # fetch every listed file again, check its sha256
    python -m tools.vendor_assets --pin     # after editing a version: take the new files and
                                            # write their sha256 into the manifest (review it)
    python -m tools.vendor_assets --check   # no network: the files on disk match the manifest

`npm pack` fetches each tarball (npm checks it against the registry's integrity hash); a file
is written as `<name>-<version>/<its base name>` beside the manifest, with a README.md listing
what is there. Stale package folders are removed, so a version bump leaves no old copy."""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
MANIFESTS = (
    ROOT / "app" / "api" / "pages" / "static" / "vendor" / "manifest.json",
    ROOT / "tests" / "e2e" / "vendor" / "manifest.json",
)
README = "README.md"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    license: str
    files: dict[str, str]  # path inside the tarball's package/ -> sha256

    @property
    def folder(self) -> str:
        """The folder it is served from: versioned, so a browser may cache it for good."""
        return f"{self.name.lstrip('@').replace('/', '+')}-{self.version}"

    def target(self, inside: str) -> str:
        return f"{self.folder}/{PurePosixPath(inside).name}"


def load(manifest: Path) -> list[Package]:
    document = json.loads(manifest.read_text(encoding="utf-8"))
    return [
        Package(p["name"], p["version"], p["license"], dict(p["files"]))
        for p in document["packages"]
    ]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def readme(packages: list[Package]) -> str:
    rows = [
        f"| {p.name} | {p.version} | {p.license} | `{p.target(inside)}` | `{digest}` |"
        for p in packages
        for inside, digest in p.files.items()
    ]
    return "\n".join(
        [
            "# Vendored files",
            "",
            "Written by `python -m tools.vendor_assets` from the npm registry; do not edit by hand",
            "(`manifest.json` pins each version and sha256; `--check` verifies them offline).",
            "Each package's licence file lies in its folder.",
            "",
            "| package | version | licence | file | sha256 |",
            "| --- | --- | --- | --- | --- |",
            *rows,
            "",
        ]
    )


def _pack(package: Package, into: Path) -> dict[str, bytes]:
    """The listed files of the package's tarball, fetched by `npm pack`."""
    done = subprocess.run(
        [
            "npm",
            "pack",
            "--json",
            "--pack-destination",
            str(into),
            f"{package.name}@{package.version}",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    tarball = into / json.loads(done.stdout)[0]["filename"]
    found: dict[str, bytes] = {}
    with tarfile.open(tarball, "r:gz") as archive:
        for inside in package.files:
            member = archive.extractfile(f"package/{inside}")
            if member is None:
                raise SystemExit(f"{package.name}@{package.version} has no file {inside}")
            found[inside] = member.read()
    return found


def fetch(manifest: Path, *, pin: bool) -> None:
    """Write every listed file beside the manifest; with `pin`, record new sha256 values."""
    packages = load(manifest)
    folder = manifest.parent
    with tempfile.TemporaryDirectory() as scratch:
        fetched = {p.folder: _pack(p, Path(scratch)) for p in packages}
    mismatched = [
        f"{p.name}@{p.version} {inside}: sha256 {sha256(data)}, manifest {p.files[inside]}"
        for p in packages
        for inside, data in fetched[p.folder].items()
        if sha256(data) != p.files[inside]
    ]
    if mismatched and not pin:
        raise SystemExit("refusing files whose sha256 differs:\n" + "\n".join(mismatched))
    if pin:
        packages = [
            Package(
                p.name, p.version, p.license, {i: sha256(d) for i, d in fetched[p.folder].items()}
            )
            for p in packages
        ]
        document = json.loads(manifest.read_text(encoding="utf-8"))
        for entry, package in zip(document["packages"], packages, strict=True):
            entry["files"] = package.files
        manifest.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    for stale in _package_folders(folder) - {p.folder for p in packages}:
        shutil.rmtree(folder / stale)
    for package in packages:
        shutil.rmtree(folder / package.folder, ignore_errors=True)
        (folder / package.folder).mkdir()
        for inside, data in fetched[package.folder].items():
            (folder / package.target(inside)).write_bytes(data)
    (folder / README).write_text(readme(packages), encoding="utf-8")


def _package_folders(folder: Path) -> set[str]:
    return {child.name for child in folder.iterdir() if child.is_dir()}


def check(manifest: Path) -> list[str]:
    """What on disk differs from the manifest (missing, changed or unlisted files, a stale
    README), without the network."""
    packages = load(manifest)
    folder = manifest.parent
    problems: list[str] = []
    listed = {p.target(inside): digest for p in packages for inside, digest in p.files.items()}
    for target, digest in listed.items():
        path = folder / target
        if not path.is_file():
            problems.append(f"{target} is missing")
        elif sha256(path.read_bytes()) != digest:
            problems.append(f"{target} differs from its sha256 in the manifest")
    on_disk = {
        path.relative_to(folder).as_posix()
        for name in _package_folders(folder)
        for path in (folder / name).rglob("*")
        if path.is_file()
    }
    problems.extend(f"{extra} is not in the manifest" for extra in sorted(on_disk - set(listed)))
    readme_path = folder / README
    if not readme_path.is_file() or readme_path.read_text(encoding="utf-8") != readme(packages):
        problems.append(f"{README} is not the one the manifest writes")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.vendor_assets", description=__doc__)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="verify the files offline")
    mode.add_argument("--pin", action="store_true", help="record the fetched files' sha256")
    options = parser.parse_args(argv)
    if options.check:
        problems = [f"{m.parent.relative_to(ROOT)}: {p}" for m in MANIFESTS for p in check(m)]
        print("\n".join(problems) or "every vendored file matches its manifest")
        return 1 if problems else 0
    for manifest in MANIFESTS:
        fetch(manifest, pin=options.pin)
        print(f"wrote {manifest.parent.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
