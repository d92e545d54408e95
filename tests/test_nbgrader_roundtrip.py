"""The nbgrader round trip for the handouts' written answers, with real nbgrader, on a two-student class.

A temporary copy of `course/` (its nbgrader_config.py unchanged) goes through generate_assignment,
validate, zip_collect, autograde, manual grades set through nbgrader's Gradebook API (as formgrader does),
and export to CSV. alice answers every question; bob also edits a locked prompt, which validate must flag.

The notebook is a5's handout without its code cells (prompts, text and answer cells as they are): the full
handout trains networks for a minute or two at every validate and autograde, and its code cells carry no
nbgrader grades, so they would add time and nothing to check. The stubs, public tests and conftest are the
real ones from course/source/a5_regularization.
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import zipfile
from unittest import mock

import nbformat
import pytest

from support import ASSIGNMENTS, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import gradebook  # noqa: E402

ASSIGNMENT = "a5_regularization"
NBGRADER = str(ROOT / ".venv/bin/nbgrader") if (ROOT / ".venv/bin/nbgrader").exists() else "nbgrader"
# nbgrader's gradebook runs `alembic` (and jupyter its kernel) from PATH: the venv's, as when it is activated
ENV = {**os.environ, "PATH": os.pathsep.join([str(ROOT / ".venv/bin"), os.environ.get("PATH", "")])}
ANSWER_POINTS = {"alice": 1.0, "bob": 0.5}   # the fraction of each written answer's points each one earns


def nbgrader(course, *args):
    done = subprocess.run([NBGRADER, *args], cwd=course, capture_output=True, text=True, timeout=240, env=ENV)
    assert done.returncode == 0, f"nbgrader {' '.join(args)}:\n{done.stdout[-2000:]}{done.stderr[-3000:]}"
    return done.stdout + done.stderr


def answer_cells(nb):
    return [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A copy of course/ with a5 only (links resolved), its handout without code cells."""
    course = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "course/nbgrader_config.py", course)
    source = course / "source" / ASSIGNMENT
    shutil.copytree(ROOT / "course/source" / ASSIGNMENT, source)   # follows the links
    nb = nbformat.read(source / "handout.ipynb", as_version=4)
    nb.cells = [c for c in nb.cells if c.cell_type == "markdown"]
    nbformat.write(nb, source / "handout.ipynb")
    return course


def test_course_source_links_exactly_the_student_files():
    for folder in sorted((ROOT / "course/source").iterdir()):
        linked = {p.name: p.resolve() for p in folder.iterdir()}
        student = {p.name: p.resolve() for p in (ASSIGNMENTS / folder.name).glob("*.py")}
        assert linked == {**student, "handout.ipynb": (ROOT / "solutions" / folder.name / "handout.ipynb").resolve()}
    assert sorted(p.name for p in (ROOT / "course/source").iterdir()) == sorted(p.name for p in ASSIGNMENTS.iterdir()
                                                                                if p.is_dir() and p.name != "__pycache__")


@pytest.fixture(scope="module")
def release(course):
    out = nbgrader(course, "generate_assignment", ASSIGNMENT, "--force")
    assert "error" not in out.lower(), out[-2000:]
    return course / "release" / ASSIGNMENT


def test_release_holds_only_student_files(release):
    released = sorted(p.name for p in release.iterdir())
    assert released == sorted(["handout.ipynb", *(p.name for p in (ASSIGNMENTS / ASSIGNMENT).glob("*.py"))])
    for path in release.glob("*.py"):   # the stubs, never the reference
        assert path.read_bytes() == (ASSIGNMENTS / ASSIGNMENT / path.name).read_bytes(), path.name


def test_checked_in_student_notebook_carries_nbgraders_metadata(release):
    """make_assignments writes what generate_assignment writes: the checksums validate needs, cell locks."""
    ours = [c for c in json.loads((ASSIGNMENTS / ASSIGNMENT / "handout.ipynb").read_text())["cells"]
            if c["cell_type"] == "markdown"]
    theirs = json.loads((release / "handout.ipynb").read_text())["cells"]
    assert [c["metadata"] for c in ours] == [c["metadata"] for c in theirs]
    assert all("checksum" in c["metadata"]["nbgrader"] for c in theirs)


@pytest.fixture(scope="module")
def submissions(course, release, tmp_path_factory):
    """Each student's assignment folder, as they hand it in: answers written, alice's code her own."""
    folders = {}
    for student in ANSWER_POINTS:
        folder = tmp_path_factory.mktemp(student) / ASSIGNMENT
        shutil.copytree(release, folder)
        nb = nbformat.read(folder / "handout.ipynb", as_version=4)
        for cell in answer_cells(nb):
            cell.source = f"{student}'s answer to {cell.metadata.nbgrader['grade_id']}"
        if student == "bob":
            prompt = next(c for c in nb.cells if c.metadata.nbgrader["grade_id"].endswith("_prompt"))
            prompt.source += "\n\n(bob was here)"
        nbformat.write(nb, folder / "handout.ipynb")
        with open(folder / "regularization.py", "a") as f:
            f.write(f"\n# {student}'s own code\n")
        folders[student] = folder
    return folders


def test_validate_passes_the_answers_and_flags_the_edited_locked_cell(course, submissions):
    assert "Success!" in nbgrader(course, "validate", str(submissions["alice"] / "handout.ipynb"))
    assert "HAVE CHANGED" in nbgrader(course, "validate", str(submissions["bob"] / "handout.ipynb"))


@pytest.fixture(scope="module")
def exported(course, submissions, tmp_path_factory):
    archive = course / "downloaded" / ASSIGNMENT / "archive"
    archive.mkdir(parents=True)
    for student, folder in submissions.items():
        with zipfile.ZipFile(archive / f"{student}.zip", "w") as z:
            for path in folder.iterdir():
                z.write(path, f"{ASSIGNMENT}/{path.name}")
    nbgrader(course, "zip_collect", ASSIGNMENT)
    nbgrader(course, "autograde", ASSIGNMENT)
    from nbgrader.api import Gradebook

    with mock.patch.dict(os.environ, ENV), \
            Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id="trainkit") as gb:
        for student, fraction in ANSWER_POINTS.items():
            for cell in gb.find_notebook("handout", ASSIGNMENT).grade_cells:
                grade = gb.find_grade(cell.name, "handout", ASSIGNMENT, student)
                grade.manual_score = fraction * cell.max_score
            gb.db.commit()
    nbgrader(course, "export", "--to", str(course / "written.csv"))
    return course / "written.csv"


def test_zip_collect_and_autograde_keep_the_students_own_files(course, exported):
    for student in ANSWER_POINTS:
        graded = course / "autograded" / student / ASSIGNMENT
        assert f"# {student}'s own code" in (graded / "regularization.py").read_text()
        assert (graded / "handout.ipynb").exists()


def test_export_has_both_students_with_their_written_answer_scores(exported):
    total = sum(c.metadata.nbgrader["points"] for c in answer_cells(
        nbformat.read(ASSIGNMENTS / ASSIGNMENT / "handout.ipynb", as_version=4)))
    rows = {r["student_id"]: r for r in csv.DictReader(exported.open()) if r["assignment"] == ASSIGNMENT}
    assert sorted(rows) == sorted(ANSWER_POINTS)
    for student, fraction in ANSWER_POINTS.items():
        assert float(rows[student]["score"]) == pytest.approx(fraction * total)
        assert float(rows[student]["max_score"]) == pytest.approx(total)


def test_gradebook_merges_the_written_answers_by_student_id(exported):
    rows = [{"student": "alice", ASSIGNMENT: 40.0, "total": 40.0, "note": ""},
            {"student": "carol", "note": "not a submission"}]
    fields = gradebook.merge_nbgrader_export(rows, exported)
    assert fields == [f"{ASSIGNMENT} written"]
    assert rows[0][f"{ASSIGNMENT} written"] == pytest.approx(float(
        next(r for r in csv.DictReader(exported.open()) if r["student_id"] == "alice")["score"]))
    assert rows[1].get(f"{ASSIGNMENT} written", "") == ""


def test_gradebook_refuses_an_unusable_export_in_one_line(tmp_path):
    bad = tmp_path / "grades.csv"
    bad.write_text("name,points\nalice,3\n")
    with pytest.raises(ValueError, match="student_id"):
        gradebook.merge_nbgrader_export([], bad)
