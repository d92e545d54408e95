"""What students download (tools/make_student_release.py) and what they hand in (`python -m autograder pack`)."""
import json
import subprocess
import sys
import zipfile

from support import ROOT


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
