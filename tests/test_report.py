"""report.py alone turns results (structure) into words: variants that said the same are merged, in order."""
from autograder.grade import CheckResult, VariantResult
from autograder.report import check_lines, feedback_text


def test_variants_that_said_the_same_are_merged_then_hint_and_notes_follow():
    r = CheckResult("a2_optimizers", "Adam", "amsgrad", 2.0, 1.0, [
        VariantResult("cpu/float64", "failed", "step 3: differs"),
        VariantResult("cpu/float32", "passed", "passed"),
        VariantResult("cuda/float64", "skipped", "skipped: no CUDA device here"),
        VariantResult("cpu/float64 (device proxy)", "failed", "step 3: differs"),
        VariantResult("cuda/float32", "skipped", "skipped: no CUDA device here"),
    ], hint="Re-read the bias correction.", notes=["Note: something else"])
    assert check_lines(r) == ["[cpu/float64, cpu/float64 (device proxy)] step 3: differs", "[cpu/float32] passed",
                              "[cuda/float64, cuda/float32] skipped: no CUDA device here",
                              "Hint: Re-read the bias correction.", "Note: something else"]
    assert r.output == "\n".join(check_lines(r))


def test_a_component_that_failed_every_check_the_same_way_is_told_once():
    results = [CheckResult("a3_schedules", "StepLR", name, 1.0, 0.0, reason="missing file: a3_schedules/schedules.py")
               for name in ("gamma 0.5", "step_size 3")]
    text = feedback_text(results)
    assert "all 2 checks" in text and text.count("missing file") == 1
