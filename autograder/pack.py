"""Build the zip a student hands in: exactly the files an assignment grades, laid out as the grader expects.

    python -m autograder pack a2_optimizers [--from FOLDER] [--out PATH]
    python -m autograder pack all

The zip holds `<assignment>/<file>` for each file the assignment grades (its course-provided files are left
out: the grader uses its own copies), plus the files of the earlier assignments it runs on (a6 imports the
student's a1-a5), so `python -m autograder grade the.zip` grades it as it is.

Only the student's files are read, never imported or run. This module uses the standard library alone and
takes what each assignment hands in as a plain manifest ({name: {"files": [...], "uses": [...]}}), so the
student release can ship a copy of it (pack.py beside hand_in.json) to students who do not have the grader.
"""
from __future__ import annotations

import argparse
import json
import sys
import zipfile
from pathlib import Path

Manifest = dict[str, dict[str, list[str]]]


class PackError(Exception):
    """What to hand in cannot be built (one line; the command exits with status 2)."""


def manifest_from(assignments) -> Manifest:
    """The manifest of the grader's ASSIGNMENTS (autograder/checks declares each one's files and uses)."""
    return {name: {"files": list(a.files), "uses": list(a.uses)} for name, a in assignments.items()}


def find_root(name: str, source: str | None) -> tuple[Path, Path]:
    """(the folder that holds the assignment folders, the folder the files are read from).

    --from FOLDER is a folder like assignments/ or the assignment folder itself. Without it: ./assignments/<name>,
    else ./<name>, else the current folder when it is that assignment's; for `all`, ./assignments, else `.`."""
    if name == "all":
        folder = Path(source) if source is not None else \
            Path("assignments") if Path("assignments").is_dir() else Path(".")
        if not folder.is_dir():
            raise PackError(f"no such folder: {folder}")
        return folder.resolve(), folder
    if source is not None:
        candidates = [Path(source) / name, Path(source)]
    else:
        candidates = [Path("assignments") / name, Path(name), Path(".")]
    for folder in candidates:
        if folder.is_dir() and folder.resolve().name == name:
            return folder.resolve().parent, folder
    looked = ", ".join(f"{c}/" for c in candidates[:-1]) + f" nor {candidates[-1]}/ itself"
    raise PackError(f"cannot find the {name} folder: not in {looked} (name it with --from FOLDER)")


def members(names: list[str], manifest: Manifest) -> list[str]:
    """The paths the zip holds (`a4_normalization/clipping.py`, ...): each assignment's files and those of the
    assignments it runs on, each once, in course order."""
    wanted = set(names) | {used for n in names for used in manifest[n]["uses"]}
    return [f"{n}/{f}" for n in manifest if n in wanted for f in manifest[n]["files"]]


def pack(name: str, manifest: Manifest, source: str | None = None, out: str | None = None) -> tuple[Path, Path, int]:
    """Write the hand-in zip; return (its path, where the files came from, how many files)."""
    if name != "all" and name not in manifest:
        raise PackError(f"unknown assignment {name} (known: {', '.join(manifest)}, or all)")
    root, where = find_root(name, source)
    paths = members(list(manifest) if name == "all" else [name], manifest)
    missing = [p for p in paths if not (root / p).is_file()]
    if missing:
        raise PackError(f"cannot pack {name}: missing {', '.join(missing)} (looked under {root})")
    target = Path(out or f"submission-{name}.zip")
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for p in paths:
            archive.writestr(p, (root / p).read_bytes())  # the file's bytes: a link becomes a plain file
    return target, where, len(paths)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("assignment", help="the assignment to hand in (a2_optimizers, ...), or all")
    parser.add_argument("--from", dest="source", metavar="FOLDER",
                        help="a folder like assignments/, or the assignment folder itself "
                             "(default: ./assignments/NAME, else ./NAME)")
    parser.add_argument("--out", metavar="PATH", help="the zip to write (default: ./submission-NAME.zip)")


def run(args: argparse.Namespace, manifest: Manifest) -> int:
    """The pack command: 0 when the zip was written, 2 with a one-line message when it cannot be."""
    try:
        target, where, count = pack(args.assignment, manifest, args.source, args.out)
    except (PackError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"packed {count} file(s) from {where}/ into {target}: hand in this zip")
    return 0


def main(argv: list[str] | None = None) -> int:
    """The student release's copy: `python pack.py a2_optimizers`, the manifest read from hand_in.json."""
    parser = argparse.ArgumentParser(prog="python pack.py", description="Build the zip you hand in.")
    add_arguments(parser)
    args = parser.parse_args(argv)
    manifest = json.loads((Path(__file__).resolve().parent / "hand_in.json").read_text())
    return run(args, manifest)


if __name__ == "__main__":
    sys.exit(main())
