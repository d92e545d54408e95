"""Build Gradescope's autograder bundle for an assignment: dist/gradescope/<assignment>.zip.

    python tools/make_gradescope.py a2_optimizers [--hidden-visibility WHEN] [--out FOLDER]
    python tools/make_gradescope.py all            # one bundle per assignment
    (make gradescope ASSIGNMENT=a2_optimizers)

The zip is what Gradescope's "Zip file upload" wants: setup.sh and run_autograder at the top (from
tools/gradescope/), bundle.env (the assignment, when hidden checks are shown, the pinned torch), and the grader
with the references it compares to (autograder/, solutions/, lib/, pyproject.toml, README.md). Gradescope
unpacks it into /autograder/source; run_autograder grades /autograder/submission into
/autograder/results/results.json.
"""
from __future__ import annotations

import argparse
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "tools" / "gradescope"
SHIPPED = ["autograder", "solutions", "lib", "pyproject.toml", "README.md"]   # what grading reads
VISIBILITIES = ("hidden", "after_due_date", "after_published", "visible")


def pinned_torch() -> str:
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    return next(d.split("==")[1] for d in dependencies if d.startswith("torch=="))


def shipped_files() -> list[Path]:
    files = []
    for name in SHIPPED:
        path = ROOT / name
        files += [path] if path.is_file() else sorted(
            p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts and ".egg-info" not in str(p))
    return files


def build(assignment: str, hidden_visibility: str, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{assignment}.zip"
    settings = {"ASSIGNMENT": assignment, "HIDDEN_VISIBILITY": hidden_visibility, "TORCH_VERSION": pinned_torch()}
    with zipfile.ZipFile(target.with_suffix(".tmp"), "w", zipfile.ZIP_DEFLATED) as bundle:
        for script in ("setup.sh", "run_autograder"):
            info = zipfile.ZipInfo(script)
            info.external_attr = 0o100755 << 16   # executable once unpacked
            bundle.writestr(info, (SCRIPTS / script).read_text(), zipfile.ZIP_DEFLATED)
        bundle.writestr("bundle.env", "".join(f"{key}={value}\n" for key, value in settings.items()))
        for path in shipped_files():
            bundle.write(path, path.relative_to(ROOT).as_posix())
    target.with_suffix(".tmp").replace(target)
    return target


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("assignment", help="an assignment folder name, or all")
    parser.add_argument("--hidden-visibility", choices=VISIBILITIES, default="after_published",
                        help="when students see the checks that are not public (default after_published)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "gradescope")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from autograder.checks import ASSIGNMENTS

    if args.assignment != "all" and args.assignment not in ASSIGNMENTS:
        print(f"make_gradescope: unknown assignment {args.assignment} (known: {', '.join(ASSIGNMENTS)}, all)",
              file=sys.stderr)
        return 2
    for name in ASSIGNMENTS if args.assignment == "all" else [args.assignment]:
        print(f"wrote {build(name, args.hidden_visibility, args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
