"""Gradescope: every upload shape is found, results.json says what students see when, and the bundle's
run_autograder grades a fake /autograder tree (AUTOGRADER_ROOT) into results/results.json, whatever it is given."""
import json
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from support import ROOT

from autograder.checks import ASSIGNMENTS
from autograder.grade import CheckResult, VariantResult
from autograder.gradescope import check_markdown, gradescope, unusable
from autograder.submission import UnusableSubmission, locate

sys.path.insert(0, str(ROOT / "tools"))
import make_gradescope  # noqa: E402

FILES = {name: list(a.files) for name, a in ASSIGNMENTS.items()}
CORRECT = ROOT / "examples" / "correct"


def zip_folder(folder, archive, prefix=""):
    assert folder not in archive.parents, "a zip written into the folder it zips grows until the disk is full"
    with zipfile.ZipFile(archive, "w") as z:
        for path in sorted(folder.rglob("*")):
            z.write(path, prefix + path.relative_to(folder).as_posix())
    return archive


# -- the upload shapes (submission.locate) ----------------------------------------------------------------------
def loose(tmp):
    for f in ("initializers.py", "activations.py"):
        shutil.copy(CORRECT / "a1_initialization" / f, tmp)
    (tmp / "notes.md").write_text("my notes")   # not graded: ignored
    return tmp


def one_folder(tmp):
    shutil.copytree(CORRECT / "a1_initialization", tmp / "a1_initialization")
    return tmp / "a1_initialization"


def repository(tmp):
    shutil.copytree(CORRECT / "a1_initialization", tmp / "repo" / "assignments" / "a1_initialization")
    (tmp / "repo" / "lib").mkdir()
    return tmp / "repo"


def a_zip(tmp):
    (tmp / "src").mkdir()
    return zip_folder(one_folder(tmp / "src").parent, tmp / "submission.zip")


def zip_in_folder_of_a_zip(tmp):   # an LMS download: a folder holding the student's zip of assignments/
    inner = zip_folder(repository(tmp), tmp / "inner.zip")
    (tmp / "upload").mkdir()
    shutil.move(inner, tmp / "upload" / "handin.zip")
    return tmp / "upload"


def workdir(tmp):
    (tmp / "work").mkdir()
    return tmp / "work"


SHAPES = [loose, one_folder, repository, a_zip, zip_in_folder_of_a_zip]


@pytest.mark.parametrize("shape", SHAPES, ids=lambda f: f.__name__)
def test_every_upload_shape_is_found(shape, tmp_path):
    given = tmp_path / "given"
    given.mkdir()
    root, found = locate(str(shape(given)), FILES, workdir(tmp_path))
    assert found == ["a1_initialization"]
    assert sorted(p.name for p in (root / "a1_initialization").iterdir()) >= ["activations.py", "initializers.py"]
    assert not (root / "a1_initialization" / "notes.md").exists()


def test_loose_files_of_several_assignments_go_to_their_own_folders(tmp_path):
    shutil.copy(CORRECT / "a2_optimizers" / "optimizers.py", tmp_path)
    shutil.copy(CORRECT / "a6_pipeline" / "model.py", tmp_path)
    root, found = locate(str(tmp_path), FILES, workdir(tmp_path))
    assert found == ["a2_optimizers", "a6_pipeline"]
    assert (root / "a2_optimizers" / "optimizers.py").is_file() and (root / "a6_pipeline" / "model.py").is_file()


def test_two_submissions_in_one_upload_are_refused_with_the_reason(tmp_path):
    for who in ("mine", "my_friends"):
        shutil.copytree(CORRECT / "a1_initialization", tmp_path / who / "a1_initialization")
    with pytest.raises(UnusableSubmission, match="more than one submission"):
        locate(str(tmp_path), FILES, workdir(tmp_path))


def test_links_are_never_followed_to_the_references(tmp_path):
    (tmp_path / "upload").mkdir()
    os.symlink(ROOT / "solutions" / "a2_optimizers", tmp_path / "upload" / "a2_optimizers")
    os.symlink(ROOT / "solutions" / "a1_initialization" / "initializers.py", tmp_path / "upload" / "initializers.py")
    os.symlink(ROOT / "solutions", tmp_path / "upload" / "wrapper")
    with pytest.raises(UnusableSubmission, match="not a submission"):
        locate(str(tmp_path / "upload"), FILES, workdir(tmp_path))


def test_an_upload_with_nothing_graded_names_what_was_expected(tmp_path):
    (tmp_path / "README.txt").write_text("hi")
    with pytest.raises(UnusableSubmission, match="optimizers.py"):
        locate(str(tmp_path), FILES, workdir(tmp_path))


# -- results.json: what students see, and when ------------------------------------------------------------------
def results():
    differs = VariantResult("cpu/float64", "failed", "after step 2: expected 1.5, got 1.25 | x", where="after step 2",
                            expected="1.5", got="1.25 | x")
    return [CheckResult("a2_optimizers", "Adam", "default arguments", 2.0, 2.0, [VariantResult("cpu/float64",
                                                                                              "passed", "passed")],
                        public=True),
            CheckResult("a2_optimizers", "Adam", "amsgrad", 1.5, 0.0, [differs], hint="Keep the running maximum.")]


def test_public_checks_are_visible_and_the_rest_wait_for_the_instructor():
    report = gradescope(results(), 1.0, "Submission: x")
    assert [t["visibility"] for t in report["tests"]] == ["visible", "after_published"]
    assert report["stdout_visibility"] == "hidden" and report["output_format"] == "md"
    assert "Total: 2.00 / 3.50" in report["output"] and "not full marks" in report["output"]
    assert [t["visibility"] for t in gradescope(results(), 1.0, "", "after_due_date")["tests"]] == \
        ["visible", "after_due_date"]
    assert "All 2 checks are shown" in gradescope(results(), 1.0, "", "visible")["output"]
    with pytest.raises(ValueError, match="hidden_visibility"):
        gradescope(results(), 1.0, "", "later")


def test_markdown_feedback_has_the_expected_got_table_and_the_hint():
    text = check_markdown(results()[1])
    assert "| variant | where | expected | got |" in text
    assert "| cpu/float64 | after step 2 | `1.5` | `1.25 \\| x` |" in text, "a | in a value must not split the row"
    assert "**Hint:** Keep the running maximum." in text and "0.00 of 1.50 points" in text


def test_an_unusable_submission_still_gets_a_results_json_that_says_why():
    report = unusable("upload.zip is not a readable zip file")
    assert report["score"] == 0 and report["tests"] == [] and "not a readable zip file" in report["output"]


# -- the bundle, and run_autograder on a fake /autograder tree --------------------------------------------------
@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    return make_gradescope.build("a1_initialization", "after_published", tmp_path_factory.mktemp("dist"))


def test_the_bundle_has_the_scripts_at_the_top_and_the_pins(bundle):
    with zipfile.ZipFile(bundle) as z:
        names = z.namelist()
        env = dict(line.split("=", 1) for line in z.read("bundle.env").decode().split())
        modes = {i.filename: i.external_attr >> 16 for i in z.infolist()}
    assert {"setup.sh", "run_autograder", "bundle.env", "autograder/cli.py",
            "solutions/a1_initialization/initializers.py", "pyproject.toml"} <= set(names)
    assert modes["setup.sh"] & 0o111 and modes["run_autograder"] & 0o111
    assert not any("__pycache__" in n or n.startswith(("assignments/", "tests/", "dist/")) for n in names)
    assert env == {"ASSIGNMENT": "a1_initialization", "HIDDEN_VISIBILITY": "after_published",
                   "TORCH_VERSION": make_gradescope.pinned_torch()}
    setup = (make_gradescope.SCRIPTS / "setup.sh").read_text()
    assert "python3.11" in setup and "bubblewrap" in setup and "whl/cpu" in setup and '"torch==$TORCH_VERSION"' in setup
    for script in ("setup.sh", "run_autograder"):
        assert subprocess.run(["bash", "-n", str(make_gradescope.SCRIPTS / script)]).returncode == 0


def fake_autograder_root(tmp, bundle, venv=ROOT / ".venv"):
    """/autograder as Gradescope lays it out: source/ (the bundle, unpacked; its .venv is ours), submission/."""
    with zipfile.ZipFile(bundle) as z:
        z.extractall(tmp / "source")
    if venv is not None:
        os.symlink(venv, tmp / "source" / ".venv")
    (tmp / "submission").mkdir()
    return tmp


def run_autograder(root):
    done = subprocess.run(["bash", str(root / "source" / "run_autograder")], capture_output=True, text=True,
                          env={**os.environ, "AUTOGRADER_ROOT": str(root)}, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads((root / "results" / "results.json").read_text())


@pytest.mark.parametrize("shape", [loose, zip_in_folder_of_a_zip], ids=lambda f: f.__name__)
def test_run_autograder_grades_the_upload_into_results_json(shape, bundle, tmp_path):
    root = fake_autograder_root(tmp_path / "autograder", bundle)
    (tmp_path / "given").mkdir()
    shutil.copytree(shape(tmp_path / "given"), root / "submission", dirs_exist_ok=True)   # what was uploaded
    report = run_autograder(root)
    total = sum(t["max_score"] for t in report["tests"])
    assert total > 0 and report["score"] == pytest.approx(total), report["output"]
    assert {t["tags"][0] for t in report["tests"]} == {"a1_initialization"}


def test_run_autograder_writes_results_json_for_unusable_input_and_a_broken_grader(bundle, tmp_path):
    root = fake_autograder_root(tmp_path / "garbage", bundle)
    (root / "submission" / "upload.zip").write_bytes(b"PK not a zip")
    report = run_autograder(root)
    assert report["score"] == 0 and "not a readable zip file" in report["output"]
    root = fake_autograder_root(tmp_path / "no-python", bundle, venv=None)   # setup.sh never ran
    report = run_autograder(root)
    assert report["score"] == 0 and "autograder stopped" in report["output"]
