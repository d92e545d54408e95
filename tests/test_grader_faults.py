"""The grader never falls over: compare_outputs answers any pair of plain values, odd types included (a mistake
in the corpus, or a student, may produce a complex number, a huge int, None, a string, a dict of the wrong
shape), and a fault in the grader's own process while grading one check costs that check only."""
import dataclasses
import math
import re
import shutil

import pytest
import torch

from autograder.checks import ASSIGNMENTS
from autograder.feedback import compare_outputs
from autograder.grade import AssignmentGrader
from autograder.worker.wire import WireTensor
from grading import make_submission, reference_files

ODD = [complex(1, 2), float("nan"), float("inf"), True, None, 10 ** 400, -(10 ** 400), "1.0", {"a": 1}, [1, 2],
       [], {}, (1,), b"bytes", 3, 2.5]
EXPECTED = [1.5, 7, True, None, "text", [1.0, 2.0], {"loss": 1.0}, torch.ones(2, dtype=torch.float64),
            complex(0, 1), 10 ** 400, float("nan")]


def stable_id(value) -> str:
    """repr without memory addresses: the suite's two processes must name every test alike (pytest-xdist)."""
    return re.sub(r" at 0x[0-9a-fA-F]+", "", repr(value))


@pytest.mark.parametrize("expected", EXPECTED, ids=stable_id)
@pytest.mark.parametrize("got", ODD + [WireTensor(torch.ones(2, dtype=torch.float64), "cpu")], ids=stable_id)
def test_compare_outputs_answers_every_pair(expected, got):
    found = compare_outputs(expected, got, "float64")
    assert found is None or isinstance(found.message, str) and found.message


def test_numbers_still_compare_by_value():
    assert compare_outputs(1.0, 1.0 + 1e-12, "float64") is None
    assert compare_outputs(1.0, 1.1, "float64") is not None
    assert compare_outputs(float("nan"), math.nan, "float64") is None
    assert "too large" in compare_outputs(1.0, 10 ** 400, "float64").message
    assert "types differ" in compare_outputs(complex(1, 1), complex(1, 1), "float64").message


def test_a_fault_in_the_grader_costs_one_check_and_grading_goes_on():
    def broken_compare(expected, got, dtype, expected_device=None):
        raise ZeroDivisionError("a bug in a check")

    a6 = ASSIGNMENTS["a6_pipeline"]
    first, second = [c for c in a6.checks if c.component == "parameter_groups"]
    assignment = dataclasses.replace(a6, checks=[dataclasses.replace(first, compare=broken_compare), second])
    root = make_submission(reference_files("a6_pipeline"))
    try:
        results = AssignmentGrader(assignment, root, cuda=False, quick=True).run()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    assert [r.score for r in results] == [0.0, second.points]
    assert "internal error of the grader" in results[0].output and "ZeroDivisionError" in results[0].output
