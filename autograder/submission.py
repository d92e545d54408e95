"""Finding the assignments in what was handed in: a folder like assignments/, one assignment folder, or a .zip.

Zips are unpacked by the grader (never by student code) into a temporary folder, refusing absolute paths,
`..`, links, and archives that unpack to more than a size limit.
"""
from __future__ import annotations

import shutil
import stat
import tempfile
import zipfile
from pathlib import Path

MAX_UNZIPPED_BYTES = 200 * 1024**2
MAX_FILES = 5000


class UnusableSubmission(Exception):
    """The input cannot be graded at all (the grader exits with status 2 and this one-line message)."""


def unpack_zip(path: Path, into: Path) -> Path:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnusableSubmission(f"{path} is not a readable zip file ({exc})") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_FILES or sum(m.file_size for m in members) > MAX_UNZIPPED_BYTES:
            raise UnusableSubmission(f"{path} unpacks to more than {MAX_FILES} files or "
                                     f"{MAX_UNZIPPED_BYTES // 1024**2} MiB")
        for m in members:
            name = Path(m.filename)
            if name.is_absolute() or ".." in name.parts or stat.S_ISLNK(m.external_attr >> 16):
                continue  # never write outside the folder, never follow links
            target = into / name
            if m.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(m) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
    return into


def _copy_clean(src: Path, dst: Path) -> None:
    """Copy a submission folder without links or caches (the worker sees only this copy)."""
    shutil.copytree(src, dst, symlinks=True, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))
    for p in list(dst.rglob("*")):
        if p.is_symlink():
            p.unlink()


def locate(path: str, known: list[str], workdir: Path) -> tuple[Path, list[str]]:
    """Copy the submission into `workdir`; return (folder holding the assignment folders, names found)."""
    source = Path(path)
    if not source.exists():
        raise UnusableSubmission(f"no such file or folder: {path}")
    if source.is_file():
        if source.suffix != ".zip":
            raise UnusableSubmission(f"{path} is not a folder or a .zip file")
        source = unpack_zip(source, Path(tempfile.mkdtemp(dir=workdir, prefix="unzipped-")))
        # a zip of one folder (assignments/ or a single assignment): look inside it
        entries = [p for p in source.iterdir() if not p.name.startswith((".", "__MACOSX"))]
        if len(entries) == 1 and entries[0].is_dir() and entries[0].name not in known:
            source = entries[0]
    root = workdir / "submission"
    root.mkdir()
    if source.name in known:  # a single assignment folder
        _copy_clean(source, root / source.name)
        return root, [source.name]
    found = [name for name in known if (source / name).is_dir()]
    if not found:
        raise UnusableSubmission(f"{path} is not a submission: it holds none of the assignment folders "
                                 f"({', '.join(known)})")
    for name in found:
        _copy_clean(source / name, root / name)
    return root, found
