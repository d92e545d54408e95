"""The grader's command line on the bundled examples, the untouched stubs, and unusable input (SPEC)."""
import concurrent.futures
import json
import subprocess
import sys
import zipfile

import pytest

from support import ASSIGNMENTS, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import make_examples  # noqa: E402


def grade(*args, json_path=None):
    command = [sys.executable, "-m", "autograder", "grade", *map(str, args)]
    if json_path:
        command += ["--json", str(json_path)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Grade each example (and the stubs) once, two at a time (broken/ mostly waits on its time-outs); tests
    read the reports."""
    def graded_one(name, path):
        report = tmp_path_factory.mktemp(name) / "results.json"
        done = grade(path, "--parallel", "1", json_path=report)   # two gradings, one worker each
        assert done.returncode == 0, done.stderr
        return done.stdout, json.loads(report.read_text())

    examples = {"broken": ROOT / "examples/broken", "correct": ROOT / "examples/correct",
                "mistakes": ROOT / "examples/mistakes", "stubs": ASSIGNMENTS}
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(graded_one, name, path) for name, path in examples.items()}
        return {name: future.result() for name, future in futures.items()}


def component_scores(results):
    scores = {}
    for test in results["tests"]:
        key = tuple(test["tags"])
        s, m = scores.get(key, (0.0, 0.0))
        scores[key] = (s + test["score"], m + test["max_score"])
    return scores


def test_examples_are_generated_from_the_references():
    assert make_examples.main(["--check"]) == 0, "examples/ is out of date: run python tools/make_examples.py"


def test_correct_example_gets_full_marks(graded):
    stdout, results = graded["correct"]
    total = sum(t["max_score"] for t in results["tests"])
    assert results["score"] == pytest.approx(total) and total > 0
    assert {t["tags"][0] for t in results["tests"]} == set(make_examples.FILES)
    assert "Every check passed." in stdout


def test_untouched_stubs_score_zero(graded):
    _, results = graded["stubs"]
    assert results["score"] == 0 and len(results["tests"]) > 0
    assert all("not implemented" in t["output"] or "no credit" in t["output"] for t in results["tests"])


def test_gradescope_report_has_the_fields_spec_names(graded):
    _, results = graded["mistakes"]
    assert {"score", "execution_time", "output", "tests"} <= results.keys()
    assert results["stdout_visibility"] == "hidden", "stdout holds every hidden check's feedback"
    for test in results["tests"]:
        assert {"name", "score", "max_score", "status", "output", "tags", "visibility"} <= test.keys()
        assert test["status"] in ("passed", "failed") and test["tags"][0].startswith("a")
        assert (test["status"] == "passed") == (test["score"] >= test["max_score"])
    components = {tuple(t["tags"]) for t in results["tests"]}
    public = [tuple(t["tags"]) for t in results["tests"] if t["visibility"] == "visible"]
    assert sorted(public) == sorted(components), "exactly one public check per component"


def test_each_typical_mistake_loses_points_and_most_get_a_hint(graded):
    stdout, results = graded["mistakes"]
    scores = component_scores(results)
    for assignment, stems in make_examples.TYPICAL_MISTAKES.items():
        for stem in stems:
            component, _, _ = make_examples.mistake_definition(ROOT / "autograder/mistakes" / assignment / f"{stem}.py")
            score, max_score = scores[(assignment, component)]
            assert score < max_score, f"{assignment}/{component} ({stem}) kept full marks"
    assert stdout.count("Hint:") >= len(make_examples.TYPICAL_MISTAKES)
    assert "a6_pipeline runs on your own earlier components" in stdout, "a6 names the a1-a5 slips it runs on"


def test_the_mistakes_example_gets_the_recorded_hints(graded):
    """The hints examples/mistakes gets, check by check, are the ones recorded in tests/data/ (rewriting the
    corpus, or the way it is applied, must not change what a student is told)."""
    _, results = graded["mistakes"]
    given = [{"check": test["name"], "hint": line[len("**Hint:** "):]} for test in results["tests"]
             for line in test["output"].split("\n") if line.startswith("**Hint:** ")]
    assert given == json.loads((ROOT / "tests/data/examples_mistakes_hints.json").read_text())


def test_broken_example_fails_each_broken_part_with_a_clear_reason_and_nothing_else(graded):
    stdout, results = graded["broken"]
    scores = component_scores(results)
    by_component = {tuple(t["tags"]): t["output"] for t in results["tests"]}
    assert "SyntaxError" in by_component[("a2_optimizers", "SGD")] and "line" in by_component[("a2_optimizers", "SGD")]
    assert "time limit exceeded" in by_component[("a1_initialization", "xavier_uniform_")]
    assert "missing file: a3_schedules/schedules.py" in by_component[("a3_schedules", "StepLR")]
    assert "not implemented" in by_component[("a4_normalization", "LayerNorm")]
    assert "died" in by_component[("a5_regularization", "l1_penalty")]
    assert "No module named 'progress'" in by_component[("a6_pipeline", "train")]
    assert "../a3_schedules/schedules.py" in by_component[("a6_pipeline", "ResNet1d")], "a6 runs on the a1-a5 next to it"
    for key in [("a1_initialization", "relu"), ("a1_initialization", "kaiming_normal_"),
                ("a5_regularization", "EarlyStopping"), ("a5_regularization", "l2_penalty"),
                ("a6_pipeline", "random_shift")]:
        assert scores[key][0] == scores[key][1], f"{key} lost points to another component's breakage"


def test_a_zip_of_a_submission_grades_the_same(tmp_path):
    archive = tmp_path / "submission.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in (ROOT / "examples/correct/a4_normalization").rglob("*"):
            z.write(path, "handin/a4_normalization/" + path.name)
    done = grade(archive, json_path=tmp_path / "r.json")
    assert done.returncode == 0, done.stderr
    results = json.loads((tmp_path / "r.json").read_text())
    total = sum(t["max_score"] for t in results["tests"])
    assert total > 0 and results["score"] == pytest.approx(total)


@pytest.mark.parametrize("make_input", [
    lambda tmp: tmp / "does-not-exist",
    lambda tmp: (tmp / "notes.txt").write_text("hello") and tmp / "notes.txt",
    lambda tmp: (tmp / "bad.zip").write_bytes(b"PK not really") and tmp / "bad.zip",
    lambda tmp: (tmp / "empty").mkdir() or tmp / "empty",
])
def test_unusable_input_exits_2_with_one_line_and_a_results_json(make_input, tmp_path):
    done = grade(make_input(tmp_path), json_path=tmp_path / "results" / "results.json")
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and done.stderr.startswith("error:")
    results = json.loads((tmp_path / "results" / "results.json").read_text())   # what Gradescope shows
    assert results["score"] == 0 and results["tests"] == []
    assert done.stderr.removeprefix("error: ").strip() in results["output"]


def test_unknown_assignment_and_missing_cuda_exit_2():
    done = grade(ROOT / "examples/correct", "--assignment", "a9_nothing")
    assert done.returncode == 2 and done.stderr.startswith("error: unknown assignment")
    import torch
    if not torch.cuda.is_available():
        done = grade(ROOT / "examples/correct", "--device", "cuda")
        assert done.returncode == 2 and "no CUDA device" in done.stderr


def test_several_assignments_after_one_flag(tmp_path):
    done = grade(ROOT / "assignments", "--assignment", "a4_normalization", "a5_regularization",
                 json_path=tmp_path / "r.json")
    assert done.returncode == 0, done.stderr
    assert {t["tags"][0] for t in json.loads((tmp_path / "r.json").read_text())["tests"]} == \
        {"a4_normalization", "a5_regularization"}
