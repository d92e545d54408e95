"""solutions/ is the single source: assignments/ is generated from it, and nothing drifts.

Checks the generator itself, that the checked-in assignments/ is what it generates, that every stub names
its task, and that the handout notebooks come out exactly as `nbgrader generate_assignment` makes them.
"""
import importlib
import json
import subprocess
import sys

import pytest

from support import ASSIGNMENTS, ROOT, SOLUTIONS

sys.path.insert(0, str(ROOT / "tools"))
import make_assignments  # noqa: E402

NOTEBOOKS = sorted(SOLUTIONS.glob("*/handout.ipynb"))


def _provided(path) -> bool:
    """A course file students receive as it is (a6's components.py): no tasks in it."""
    return path.name in importlib.import_module(f"autograder.checks.{path.parent.name}").ASSIGNMENT.provided


PYFILES = sorted(p for p in SOLUTIONS.glob("*/*.py") if not p.name.startswith(("test_", "conftest"))
                 and not _provided(p))


def test_checked_in_assignments_are_generated_from_solutions():
    done = subprocess.run([sys.executable, str(ROOT / "tools/make_assignments.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, "assignments/ is out of date; run `make assignments`:\n" + done.stdout


def test_stub_names_task_and_keeps_everything_outside_markers():
    source = 'def f(x):\n    """Doc."""\n    ### BEGIN SOLUTION  Task 1.2 - handout section 3 "F"\n    return x\n    ### END SOLUTION\n\nY = 1\n'
    stub = make_assignments.strip_python(source)
    assert stub == ('def f(x):\n    """Doc."""\n    # YOUR CODE HERE\n'
                    '    raise NotImplementedError(\'Task 1.2 - handout section 3 "F"\')\n\nY = 1\n')


@pytest.mark.parametrize("bad", [
    "### BEGIN SOLUTION\nx = 1\n### END SOLUTION\n",                     # no task named
    "### BEGIN SOLUTION  Task 1\nx = 1\n",                                # never ended
    "### BEGIN SOLUTION  Task 1\n### BEGIN SOLUTION  Task 2\n### END SOLUTION\n",  # nested
    "### END SOLUTION\n",                                                 # end without begin
])
def test_malformed_markers_are_refused(bad):
    with pytest.raises(ValueError):
        make_assignments.strip_python(bad)


@pytest.mark.parametrize("path", PYFILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_reference_file_has_tasks_and_its_stub_compiles(path):
    source = path.read_text()
    assert "BEGIN SOLUTION" in source, f"{path.name} has nothing for students to write"
    stub = make_assignments.strip_python(source)
    compile(stub, str(path), "exec")
    assert "BEGIN SOLUTION" not in stub and "NotImplementedError('Task" in stub


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.parent.name)
def test_handout_is_a_valid_nbgrader_source_notebook(path):
    import nbformat

    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    ids = [c.metadata["nbgrader"]["grade_id"] for c in nb.cells if "nbgrader" in c.metadata]
    assert len(ids) == len(set(ids)), "grade_id values must be unique"
    graded = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert graded and all(c.metadata["nbgrader"].get("points", 0) > 0 for c in graded)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "store handouts without outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.parent.name)
def test_nbgrader_generates_the_same_student_notebook(path, tmp_path):
    assignment = path.parent.name
    (tmp_path / "source" / assignment).mkdir(parents=True)
    (tmp_path / "source" / assignment / "handout.ipynb").write_text(path.read_text())
    (tmp_path / "nbgrader_config.py").write_text(f"c = get_config()\nc.CourseDirectory.root = {str(tmp_path)!r}\n")
    nbgrader = ROOT / ".venv/bin/nbgrader" if (ROOT / ".venv/bin/nbgrader").exists() else "nbgrader"
    done = subprocess.run([str(nbgrader), "generate_assignment", assignment, "--force", "--no-db"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    theirs = json.loads((tmp_path / "release" / assignment / "handout.ipynb").read_text())
    ours = json.loads((ASSIGNMENTS / assignment / "handout.ipynb").read_text())
    assert [(c["cell_type"], "".join(c["source"])) for c in ours["cells"]] == \
           [(c["cell_type"], "".join(c["source"])) for c in theirs["cells"]]
