"""Grading a class writes one CSV row per student and a feedback page each; a broken or unusable submission
affects only its own row."""
import csv
import shutil
import subprocess
import sys

from support import ROOT


def test_class_csv(tmp_path):
    submissions = tmp_path / "class"
    shutil.copytree(ROOT / "examples/correct/a4_normalization", submissions / "ada/a4_normalization")
    shutil.copytree(ROOT / "assignments/a4_normalization", submissions / "bob/a4_normalization")
    (submissions / "eve").mkdir(parents=True)
    (submissions / "eve/readme.txt").write_text("no assignments here")
    done = subprocess.run([sys.executable, str(ROOT / "tools/grade_class.py"), str(submissions), str(tmp_path / "out"),
                           "--device", "cpu"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    rows = {r["student"]: r for r in csv.DictReader(open(tmp_path / "out/grades.csv"))}
    assert float(rows["ada"]["a4_normalization"]) > 0 and rows["ada"]["total"] == rows["ada"]["a4_normalization"]
    assert float(rows["bob"]["total"]) == 0
    assert rows["eve"]["total"] == "" and "not a submission" in rows["eve"]["note"]
    assert (tmp_path / "out/ada.json").exists()
    assert "<table" in (tmp_path / "out/ada.html").read_text()
