"""Grading a6: it runs on the student's own a1–a5, through the course's components.py and nothing else.

A tampered components.py is replaced by the course's before anything runs; a pipeline that reaches for
torch's optimizer itself earns nothing for train; an a6 handed in without its a1–a5 says what is missing;
the outcome check's partial credit.
"""
import pytest

from autograder.checks.a6_pipeline._train_runs import FULL_MARKS_AT, NO_MARKS_BELOW, compare_outcome
from grading import grade_files, reference_files
from support import SOLUTIONS
PIPELINE_ONLY = {"label_smoothing_cross_entropy", "parameter_groups", "evaluate"}


def test_a_tampered_components_file_is_replaced_by_the_courses():
    files = reference_files("a6_pipeline")
    files["a6_pipeline/components.py"] = (SOLUTIONS / "a6_pipeline/components.py").read_text() + (
        "\nimport torch\nlabel_smoothing_backdoor = True\nAdamW = torch.optim.AdamW\n")
    files["a6_pipeline/pipeline.py"] += "\nimport components\nassert not hasattr(components, 'label_smoothing_backdoor')\n"
    results = grade_files("a6_pipeline", files, components=PIPELINE_ONLY, quick=True)
    assert all(r.passed for r in results), [r.output for r in results if not r.passed]


def test_a_pipeline_that_runs_torchs_optimizer_gets_no_credit_for_train():
    files = reference_files("a6_pipeline")
    files["a6_pipeline/pipeline.py"] = files["a6_pipeline/pipeline.py"].replace(
        "        optimizer = AdamW(groups, lr=config.lr)\n",
        "        optimizer = getattr(torch.optim, 'Adam' + 'W')(groups, lr=config.lr)\n")
    results = grade_files("a6_pipeline", files, components={"train"}, quick=True, checks_per_component=1)
    assert results and not results[0].passed
    assert "no credit" in results[0].output and "torch.optim.adamw.AdamW" in results[0].output


def test_a6_without_its_earlier_assignments_says_what_is_missing():
    files = {k: v for k, v in reference_files("a6_pipeline").items() if k.startswith("a6_pipeline/")}
    results = grade_files("a6_pipeline", files, components={"ResNet1d", "train"}, quick=True)
    assert results and all(r.score == 0 for r in results)
    assert all("a6 runs on your own a1–a5 components" in r.output for r in results), results[0].output


@pytest.mark.parametrize("accuracy, credit", [(0.97, None), (FULL_MARKS_AT, None), (0.82, 0.5),
                                              (NO_MARKS_BELOW, 0.0), (0.3, 0.0)])
def test_the_outcome_earns_partial_credit_between_the_thresholds(accuracy, credit):
    found = compare_outcome(None, {"held_out_accuracy": accuracy, "val_accuracy": 0.5, "seconds": 1.0}, "float32")
    if credit is None:
        assert found is None
    else:
        assert found.credit == pytest.approx(credit) and f"{accuracy:.3f}" in found.message


def test_a_failed_a6_check_names_the_earlier_components_that_lost_points_too():
    from autograder.checks import ASSIGNMENTS
    from autograder.grade import CheckResult, VariantResult, note_what_it_runs_on

    wrong = [VariantResult("cpu/float64", "failed", "wrong")]
    results = [CheckResult("a4_normalization", "BatchNorm1d", "forward", 3, 1.0, wrong),
               CheckResult("a4_normalization", "LayerNorm", "forward", 3, 0.0, wrong),
               CheckResult("a2_optimizers", "AdamW", "steps", 2, 2.0),
               CheckResult("a6_pipeline", "ResNet1d", "forward", 2, 0.0, wrong),
               CheckResult("a6_pipeline", "evaluate", "modes", 1, 1.0)]
    note_what_it_runs_on(results, [ASSIGNMENTS["a4_normalization"], ASSIGNMENTS["a6_pipeline"]])
    failed_a6, passed_a6 = results[3], results[4]
    assert "BatchNorm1d (a4_normalization)" in failed_a6.output, "the a4 component a6 runs on, which failed"
    assert "LayerNorm" not in failed_a6.output and "AdamW" not in failed_a6.output, "only failed ones a6 uses"
    assert "Note:" not in passed_a6.output and "Note:" not in results[0].output

