"""autograder/batch.py: one grader process grades submission after submission, as `grade` would, and a fault in
one (unusable input, a grader error) is answered for that one alone."""
import json
import subprocess
import sys

from support import ROOT


def test_one_process_grades_each_submission_and_a_fault_costs_only_its_own(tmp_path):
    (tmp_path / "not-a-dir").write_text("x")
    requests = [
        ["grade", str(tmp_path / "missing"), "--device", "cpu"],                          # unusable
        ["grade", str(ROOT / "examples/correct"), "--reference-cache", str(tmp_path / "not-a-dir")],  # fault
        ["grade", str(ROOT / "examples/correct"), "--assignment", "a5_regularization", "--device", "cpu",
         "--parallel", "1", "--json", str(tmp_path / "a5.json")],
        ["grade", "--no-such-option"],                                                    # argparse refuses
    ]
    done = subprocess.run([sys.executable, "-m", "autograder.batch"], cwd=ROOT, capture_output=True, text=True,
                          input="".join(json.dumps({"argv": r}) + "\n" for r in requests), timeout=600)
    assert done.returncode == 0, done.stderr
    replies = [json.loads(line) for line in done.stdout.splitlines()]
    answers = [r for r in replies if "returncode" in r]
    assert [a["returncode"] for a in answers] == [2, 1, 0, 2]
    assert "no such file or folder" in answers[0]["said"]
    assert "not-a-dir" in answers[1]["said"] or "Error" in answers[1]["said"]
    assert {"at": "a5_regularization"} in replies
    results = json.loads((tmp_path / "a5.json").read_text())
    assert results["score"] == sum(t["max_score"] for t in results["tests"]) > 0, "graded in full, as `grade` does"
