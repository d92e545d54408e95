"""Finding the assignments in what was handed in: a folder like assignments/, one assignment folder, the
graded files loose, or a .zip of any of these, inside a wrapper folder or zip or two (see locate).

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


def _visible(folder: Path) -> list[Path]:
    """What a folder holds, never through a link: a link to the references is not a submission."""
    return sorted(p for p in folder.iterdir()
                  if not p.name.startswith((".", "__MACOSX", "__pycache__")) and not p.is_symlink())


def _is_folder(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def _holds_assignments(folder: Path, files: dict[str, list[str]]) -> bool:
    """An assignment folder itself, or a folder like assignments/ that holds some."""
    return folder.name in files or any(_is_folder(folder / name) for name in files)


def _loose_files(folder: Path, files: dict[str, list[str]]) -> dict[str, Path]:
    """`<assignment>/<file>` -> path, for the graded files lying loose in `folder` (optimizers.py at the top)."""
    owner = {f: name for name, fs in files.items() for f in fs}
    return {f"{owner[p.name]}/{p.name}": p for p in _visible(folder) if p.is_file() and p.name in owner}


def _find(folder: Path, files: dict[str, list[str]], workdir: Path, wrappers: int) -> list[Path]:
    """Folders within `wrappers` levels of `folder` (sub-folders or zips, unpacked) that hold assignments or
    graded files, the shallowest level that has any."""
    if _holds_assignments(folder, files) or _loose_files(folder, files):
        return [folder]
    if wrappers == 0:
        return []
    found = []
    for entry in _visible(folder):
        if entry.is_file() and entry.suffix == ".zip":
            entry = unpack_zip(entry, Path(tempfile.mkdtemp(dir=workdir, prefix="unzipped-")))
        if entry.is_dir():
            found += _find(entry, files, workdir, wrappers - 1)
    return found


def locate(path: str, files: dict[str, list[str]], workdir: Path, wrappers: int = 3) -> tuple[Path, list[str]]:
    """Copy the submission into `workdir`; return (folder holding the assignment folders, names found).

    `files` maps each assignment to the files it grades. Accepted, as a folder or a .zip: a folder like
    assignments/, one assignment folder, the whole repository (assignments/ one level down), the graded files
    lying loose (optimizers.py at the top: each goes to the assignment that grades it), and any of these inside
    up to `wrappers` levels of one folder or zip (what Gradescope's upload and an LMS download look like)."""
    source = Path(path)
    if not source.exists():
        raise UnusableSubmission(f"no such file or folder: {path}")
    if source.is_file() and source.suffix == ".py":  # one graded file, e.g. optimizers.py
        folder = Path(tempfile.mkdtemp(dir=workdir, prefix="file-"))
        source = Path(shutil.copyfile(source, folder / source.name)).parent
    elif source.is_file():
        if source.suffix != ".zip":
            raise UnusableSubmission(f"{path} is not a folder, a .zip file or a graded .py file")
        source = unpack_zip(source, Path(tempfile.mkdtemp(dir=workdir, prefix="unzipped-")))
    candidates = _find(source, files, workdir, wrappers)
    if len(candidates) > 1:
        raise UnusableSubmission(f"{path} holds more than one submission ({len(candidates)} folders with "
                                 f"assignments in them: {', '.join(c.name for c in candidates[:4])}): hand in one")
    if not candidates:
        wanted = ", ".join(f for fs in files.values() for f in fs)
        raise UnusableSubmission(f"{path} is not a submission: it holds none of the assignment folders "
                                 f"({', '.join(files)}) and none of the graded files ({wanted})")
    source, root = candidates[0], workdir / "submission"
    root.mkdir()
    if source.name in files:  # a single assignment folder
        _copy_clean(source, root / source.name)
        return root, [source.name]
    found = [name for name in files if _is_folder(source / name)]
    if found:
        for name in found:
            _copy_clean(source / name, root / name)
        return root, found
    loose = _loose_files(source, files)
    for target, file in loose.items():
        (root / target).parent.mkdir(exist_ok=True)
        shutil.copyfile(file, root / target)
    return root, [name for name in files if (root / name).is_dir()]
