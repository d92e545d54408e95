"""Grading a class writes one CSV row per student and a feedback page each; a broken or unusable submission
affects only its own row; a rerun grades only what changed, and a killed run loses only what was in flight."""
import csv
import os
import shutil
import signal
import subprocess
import sys
import time

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


def grade_class(submissions, out, *options, wait=True):
    command = [sys.executable, str(ROOT / "tools/grade_class.py"), str(submissions), str(out), "--device", "cpu",
               *options]
    if not wait:
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_rerun_grades_only_what_changed_and_a_killed_run_only_loses_what_was_in_flight(tmp_path):
    submissions, out = tmp_path / "class", tmp_path / "out"
    for student in ("ada", "bob", "cy"):
        shutil.copytree(ROOT / "examples/correct/a5_regularization", submissions / student / "a5_regularization")
    (submissions / "zed.zip").write_bytes(b"PK broken")
    running = grade_class(submissions, out, "--jobs", "1", wait=False)
    deadline = time.monotonic() + 300
    while not any(out.glob("*.done.json")) and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(running.pid, signal.SIGKILL)   # kill -9 of the tool and every grader it started
    running.wait()
    finished = {p.name.removesuffix(".done.json") for p in out.glob("*.done.json")}
    assert finished, "the first student finished before the kill"
    said = grade_class(submissions, out, "--jobs", "2")
    assert f"{len(finished)} up to date" in said
    rows = {r["student"]: r for r in csv.DictReader(open(out / "grades.csv"))}
    assert set(rows) == {"ada", "bob", "cy", "zed"}
    assert "not a readable zip" in rows["zed"]["note"] and rows["zed"]["total"] == ""
    assert rows["ada"]["total"] == rows["bob"]["total"] == rows["cy"]["total"] != ""
    assert float(rows["ada"]["a5_regularization/dropout"]) > 0, "a column per component"

    regularization = submissions / "bob/a5_regularization/regularization.py"
    regularization.write_text(regularization.read_text().replace("return", "return 0 *", 1))
    said = grade_class(submissions, out)
    assert "3 up to date, 1 to grade" in said, said
    assert "4 to grade" in grade_class(submissions, out, "--force")
    assert any(out.joinpath(".reference-cache").rglob("*.out")), "the class shares one reference cache"
