"""What students download (tools/make_student_release.py) and what they hand in (`python -m autograder pack`)."""
import json
import subprocess
import sys
import tomllib
import zipfile

import pytest

from support import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import make_student_release as release  # noqa: E402

TOP = release.TOP + "/"


@pytest.fixture(scope="module")
def release_zip(tmp_path_factory):
    out = tmp_path_factory.mktemp("release") / "student-release.zip"
    built = subprocess.run([sys.executable, str(ROOT / "tools" / "make_student_release.py"), "--out", str(out)],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    return zipfile.ZipFile(out)


def test_the_release_holds_the_assignments_lib_and_the_student_files(release_zip):
    names = release_zip.namelist()
    assert all(n.startswith(TOP) for n in names)
    names = {n[len(TOP):] for n in names}
    assert {"README.md", "pyproject.toml", "environment.yml", "pack.py", "hand_in.json",
            "lib/trainkit/__init__.py", "assignments/a2_optimizers/optimizers.py",
            "assignments/a2_optimizers/handout.ipynb", "assignments/a6_pipeline/components.py"} <= names
    assert not [n for n in names if n.split("/")[0] in {"solutions", "autograder", "tests", "examples"}]
    assert release_zip.read(TOP + "assignments/a2_optimizers/optimizers.py") == \
        (ROOT / "assignments" / "a2_optimizers" / "optimizers.py").read_bytes()


def test_the_student_pyproject_parses_and_pins_the_course_torch(release_zip):
    student = tomllib.loads(release_zip.read(TOP + "pyproject.toml").decode())["project"]["dependencies"]
    course = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    torch_pin = next(d for d in course if d.startswith("torch=="))
    assert torch_pin in student and "scipy" not in " ".join(student)
    assert {d.partition("==")[0] for d in student} >= {"torch", "numpy", "matplotlib", "mnist1d", "pytest"}
    assert f"- {torch_pin}" in release_zip.read(TOP + "environment.yml").decode()


def test_a_planted_solution_line_fails_the_check():
    files = release.release_files()
    release.check(files)  # the real release passes
    secret = next(iter(release.secret_lines()))
    stub = "assignments/a2_optimizers/optimizers.py"
    planted = files | {stub: files[stub] + f"\n    {secret}\n".encode()}
    with pytest.raises(release.LeakError, match="reference solution code"):
        release.check(planted)


def test_a_hidden_check_or_a_solution_file_fails_the_check():
    files = release.release_files()
    for path in ["autograder/checks/a2_optimizers/adam.py", "solutions/a2_optimizers/optimizers.py",
                 "assignments/a2_optimizers/tests/test_hidden.py", "examples/correct/a1_initialization/x.py"]:
        with pytest.raises(release.LeakError, match="must not be in"):
            release.check(files | {path: b"# x\n"})


def run_cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "autograder", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_pack_builds_a_zip_that_grade_gives_full_marks(tmp_path):
    out = tmp_path / "hand-in.zip"
    packed = run_cli("pack", "a4_normalization", "--from", str(ROOT / "examples" / "correct"), "--out", str(out),
                     cwd=tmp_path)
    assert packed.returncode == 0, packed.stderr
    assert sorted(zipfile.ZipFile(out).namelist()) == ["a4_normalization/clipping.py",
                                                       "a4_normalization/normalization.py"]
    results = tmp_path / "results.json"
    graded = run_cli("grade", str(out), "--assignment", "a4_normalization", "--device", "cpu",
                     "--json", str(results), cwd=tmp_path)
    assert graded.returncode == 0, graded.stderr
    report = json.loads(results.read_text())
    assert report["tests"] and report["score"] == sum(t["max_score"] for t in report["tests"])


def test_pack_of_a6_takes_the_files_of_a1_to_a5_and_not_the_provided_ones(tmp_path):
    (tmp_path / "assignments").symlink_to(ROOT / "examples" / "correct")
    assert run_cli("pack", "a6_pipeline", cwd=tmp_path).returncode == 0
    names = zipfile.ZipFile(tmp_path / "submission-a6_pipeline.zip").namelist()
    assert {n.split("/")[0] for n in names} == {f"a{i}_" + s for i, s in enumerate(
        ["initialization", "optimizers", "schedules", "normalization", "regularization", "pipeline"], 1)}
    assert "a6_pipeline/components.py" not in names and "a4_normalization/clipping.py" in names


def test_pack_names_a_missing_file_in_one_line(tmp_path):
    folder = tmp_path / "a4_normalization"
    folder.mkdir()
    (folder / "normalization.py").write_text("# mine\n")
    packed = run_cli("pack", "a4_normalization", cwd=tmp_path)
    assert packed.returncode == 2
    assert packed.stderr.count("\n") == 1 and "a4_normalization/clipping.py" in packed.stderr
    assert not (tmp_path / "submission-a4_normalization.zip").exists()


def test_pack_without_the_folder_says_where_it_looked(tmp_path):
    packed = run_cli("pack", "a2_optimizers", cwd=tmp_path)
    assert packed.returncode == 2 and "assignments/a2_optimizers/" in packed.stderr


def test_the_release_pack_py_packs_without_the_grader(release_zip, tmp_path):
    release_zip.extractall(tmp_path)
    # -S: no site-packages, so the grader is not importable; pack.py must not need it
    packed = subprocess.run([sys.executable, "-S", "pack.py", "a4_normalization"], cwd=tmp_path / release.TOP,
                            capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert packed.returncode == 0, packed.stderr
    out = tmp_path / release.TOP / "submission-a4_normalization.zip"
    assert sorted(zipfile.ZipFile(out).namelist()) == ["a4_normalization/clipping.py",
                                                       "a4_normalization/normalization.py"]
