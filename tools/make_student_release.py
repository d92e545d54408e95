"""Build dist/student-release.zip, what a student downloads, and check that nothing of the answers is in it.

The zip holds one folder, efficient-training-course/, with `assignments/` (stubs, handouts, public checks),
`lib/` (trainkit), a student pyproject.toml and environment.yml (only what the assignments need, pinned as
the course's pyproject.toml pins it), a README for students (tools/student_release/), and pack.py with
hand_in.json (autograder/pack.py and what each assignment hands in) to build the zip they hand in.

Before it is written, the release is checked, and the build fails loudly on any of:
- a path of solutions/, autograder/ (checks, mistakes), tests/ or examples/, or anything else not listed above;
- a line of reference code (between `### BEGIN SOLUTION` and `### END SOLUTION` in solutions/, or a solution
  cell of a handout) that is not also a line the correctly generated stubs or lib/ legitimately hold;
- a handout notebook with outputs (the reference run's numbers and plots).

Usage:  python tools/make_student_release.py [--out dist/student-release.zip]
"""
from __future__ import annotations

import argparse
import json
import string
import sys
import tomllib
import zipfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]
from make_assignments import BEGIN, END, ROOT, SKIP, expected_tree  # noqa: E402

TOP = "efficient-training-course"
TEMPLATES = ROOT / "tools" / "student_release"
# What the assignments and handouts import or run; versions from the course's pyproject.toml.
STUDENT_PACKAGES = ["torch", "numpy", "matplotlib", "mnist1d", "pytest", "ipykernel"]
# The course does not pin Jupyter's front end itself; this is the one its pinned nbgrader runs with.
NOTEBOOK = "notebook==7.6.5"
ALLOWED_TOP = {"assignments", "lib", "pyproject.toml", "environment.yml", "README.md", "pack.py", "hand_in.json"}
FORBIDDEN = ["solutions/", "autograder/", "tests/", "examples/"]
MIN_SECRET_CHARS = 12  # shorter lines (`return x`, `else:`) are not the solution, and occur everywhere


class LeakError(Exception):
    """The release holds something students must not get."""


def pinned_dependencies() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + [d for ds in project["optional-dependencies"].values() for d in ds]
    pins = {s.partition("==")[0].strip().lower(): s.strip() for s in specs}
    return [pins[name] for name in STUDENT_PACKAGES] + [NOTEBOOK]


def _fill(template: str, indent: str, form: str) -> str:
    lines = [indent + form.format(spec) for spec in pinned_dependencies()]
    return string.Template((TEMPLATES / template).read_text()).substitute(dependencies="\n".join(lines))


def _files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(ROOT)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not SKIP & set(p.parts) and p.suffix != ".pyc"}


def release_files() -> dict[str, bytes]:
    """Every file of the release, by its path inside the top folder."""
    from autograder.checks import ASSIGNMENTS
    from autograder.pack import manifest_from

    files = _files_of(ROOT / "assignments") | _files_of(ROOT / "lib")
    files["pyproject.toml"] = _fill("pyproject.toml", "    ", '"{}",').encode()
    files["environment.yml"] = _fill("environment.yml", "      ", "- {}").encode()
    files["README.md"] = (TEMPLATES / "README.md").read_bytes()
    files["pack.py"] = (ROOT / "autograder" / "pack.py").read_bytes()
    files["hand_in.json"] = (json.dumps(manifest_from(ASSIGNMENTS), indent=1) + "\n").encode()
    return files


def text_lines(path: str, data: bytes) -> list[str]:
    """The lines a reader sees: a notebook's cell sources, any other file's text (binary files have none)."""
    try:
        text = data.decode()
    except UnicodeDecodeError:
        return []
    if path.endswith(".ipynb"):
        return [line for cell in json.loads(text)["cells"] for line in "".join(cell["source"]).split("\n")]
    return text.split("\n")


def solution_lines() -> set[str]:
    """The stripped lines of reference code: inside the solution markers, and whole solution cells."""
    found = set()
    for path in (ROOT / "solutions").rglob("*"):
        if path.suffix == ".py":
            chunks = [path.read_text()]
        elif path.suffix == ".ipynb":
            cells = json.loads(path.read_text())["cells"]
            chunks = [f"{BEGIN}\n{''.join(c['source'])}\n{END}" if c["metadata"].get("nbgrader", {}).get("solution")
                      else "".join(c["source"]) for c in cells]
        else:
            continue
        for chunk in chunks:
            inside = False
            for line in chunk.split("\n"):
                if BEGIN in line or END in line:
                    inside = BEGIN in line
                elif inside:
                    found.add(line.strip())
    return found


def secret_lines() -> set[str]:
    """Reference lines that no legitimate release file holds (stubs as generated, lib/, the templates)."""
    public = {line.strip() for rel, data in expected_tree().items() for line in text_lines(str(rel), data)}
    public |= {line.strip() for p, data in _files_of(ROOT / "lib").items() for line in text_lines(p, data)}
    public |= {line.strip() for p in TEMPLATES.iterdir() for line in p.read_text().split("\n")}
    return {line for line in solution_lines() - public if len(line) >= MIN_SECRET_CHARS}


def check(files: dict[str, bytes]) -> None:
    """Raise LeakError naming the first thing students must not get."""
    for path in files:
        if path.split("/")[0] not in ALLOWED_TOP or any(path.startswith(f) or f"/{f}" in path for f in FORBIDDEN):
            raise LeakError(f"{path} must not be in the student release")
    secrets = secret_lines()
    for path, data in files.items():
        for number, line in enumerate(text_lines(path, data), start=1):
            if line.strip() in secrets:
                raise LeakError(f"{path}:{number} is reference solution code: {line.strip()[:80]}")
        if path.endswith(".ipynb") and any(c.get("outputs") for c in json.loads(data)["cells"]):
            raise LeakError(f"{path} has outputs (run `make assignments` to regenerate the handouts)")


def build(out: Path) -> int:
    files = release_files()
    check(files)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in sorted(files.items()):
            archive.writestr(f"{TOP}/{path}", data)
    return len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "student-release.zip")
    args = parser.parse_args(argv)
    try:
        count = build(args.out)
    except LeakError as exc:
        print(f"error: student release NOT built: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out} ({count} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
