"""Generate the student version `assignments/` from the reference `solutions/`.

`solutions/` is the only place reference code is written. What students write is fenced by nbgrader's
markers; everything outside the markers is copied unchanged.

Python files (`*.py`): the BEGIN marker names the task and the handout section, and the stub says it:

        ### BEGIN SOLUTION  Task 2.4 - handout section 5 "Adam"
        ...reference code...
        ### END SOLUTION

    becomes

        # YOUR CODE HERE
        raise NotImplementedError('Task 2.4 - handout section 5 "Adam"')

Notebooks (`*.ipynb`): exactly what `nbgrader generate_assignment` does to the source notebook with its
default settings: solution regions and solution cells become nbgrader's stubs, outputs are cleared, and
every nbgrader cell gets the metadata nbgrader writes (its checksum, so `nbgrader validate` sees an edited
locked cell; locked cells not editable, graded and solution cells not deletable).
tests/test_single_source.py checks both against this script and against nbgrader itself.

Usage:  python tools/make_assignments.py          # rewrite assignments/
        python tools/make_assignments.py --check  # exit 1 if assignments/ is out of date
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEGIN, END = "BEGIN SOLUTION", "END SOLUTION"
NBGRADER_CODE_STUB = "# YOUR CODE HERE\nraise NotImplementedError()"
NBGRADER_TEXT_STUB = "YOUR ANSWER HERE"
SKIP = {"__pycache__", ".ipynb_checkpoints", ".pytest_cache"}


def strip_python(source: str, where: str = "<source>") -> str:
    """Replace every marked region of a Python file by a stub that names its task."""
    out, in_solution = [], False
    for number, line in enumerate(source.split("\n"), start=1):
        if BEGIN in line:
            if in_solution:
                raise ValueError(f"{where}:{number}: nested {BEGIN}")
            task = line.split(BEGIN, 1)[1].strip()
            if not task:
                raise ValueError(f"{where}:{number}: {BEGIN} must name its task and handout section")
            indent = re.match(r"\s*", line).group(0)
            out += [f"{indent}# YOUR CODE HERE", f"{indent}raise NotImplementedError({task!r})"]
            in_solution = True
        elif END in line:
            if not in_solution:
                raise ValueError(f"{where}:{number}: {END} without {BEGIN}")
            in_solution = False
        elif not in_solution:
            out.append(line)
    if in_solution:
        raise ValueError(f"{where}: {BEGIN} without {END}")
    return "\n".join(out)


def _is_solution_cell(cell: dict) -> bool:
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("solution", False))


def _strip_cell_regions(cell: dict) -> bool:
    """nbgrader's ClearSolutions._replace_solution_region, line for line."""
    stub = NBGRADER_CODE_STUB if cell["cell_type"] == "code" else NBGRADER_TEXT_STUB
    lines, out, in_solution, replaced = "".join(cell["source"]).split("\n"), [], False, False
    for line in lines:
        if BEGIN in line:
            in_solution = replaced = True
            indent = re.match(r"\s*", line).group(0)
            out += [indent + s for s in stub.split("\n")]
        elif END in line:
            in_solution = False
        elif not in_solution:
            out.append(line)
    cell["source"] = "\n".join(out)
    return replaced


def _add_nbgrader_metadata(cell: dict) -> None:
    """What generate_assignment's LockCells and ComputeChecksums write into a stripped nbgrader cell."""
    import nbformat
    from nbgrader.utils import compute_checksum

    meta = cell["metadata"]["nbgrader"]
    if meta.get("locked"):
        cell["metadata"].update(deletable=False, editable=False)
    elif meta.get("solution") or meta.get("grade"):
        cell["metadata"]["deletable"] = False
    meta["cell_type"] = cell["cell_type"]
    meta["checksum"] = compute_checksum(nbformat.from_dict(cell))


def strip_notebook(text: str) -> str:
    """Student version of an nbgrader source notebook (solutions stubbed, outputs cleared)."""
    nb = json.loads(text)
    for cell in nb["cells"]:
        replaced = _strip_cell_regions(cell)
        if _is_solution_cell(cell) and not replaced:
            cell["source"] = NBGRADER_CODE_STUB if cell["cell_type"] == "code" else NBGRADER_TEXT_STUB
        elif replaced and not _is_solution_cell(cell):
            raise ValueError("solution region in a cell not marked as a solution cell")
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
        if "nbgrader" in cell.get("metadata", {}):
            _add_nbgrader_metadata(cell)
    nb["metadata"].pop("celltoolbar", None)
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def student_version(path: Path) -> bytes:
    """What `assignments/` holds for one file of `solutions/`."""
    if path.suffix == ".py":
        return strip_python(path.read_text(), str(path)).encode()
    if path.suffix == ".ipynb":
        return strip_notebook(path.read_text()).encode()
    return path.read_bytes()


def expected_tree(solutions: Path = ROOT / "solutions") -> dict[Path, bytes]:
    files = {}
    for path in sorted(solutions.rglob("*")):
        if path.is_file() and not SKIP & set(path.relative_to(solutions).parts):
            files[path.relative_to(solutions)] = student_version(path)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only report whether assignments/ is in sync")
    args = parser.parse_args(argv)
    target = ROOT / "assignments"
    expected = expected_tree()
    actual = {p.relative_to(target): p.read_bytes() for p in target.rglob("*")
              if p.is_file() and not SKIP & set(p.relative_to(target).parts)} if target.exists() else {}
    if args.check:
        stale = sorted(str(p) for p in expected.keys() | actual.keys() if expected.get(p) != actual.get(p))
        for p in stale:
            print(f"out of date: assignments/{p}")
        if stale:
            print("run: python tools/make_assignments.py")
        return 1 if stale else 0
    if target.exists():
        shutil.rmtree(target)
    for rel, data in expected.items():
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        (target / rel).write_bytes(data)
    print(f"wrote {len(expected)} files to assignments/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
