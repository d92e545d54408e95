"""compare_outputs never raises: any pair of plain values gets an answer, odd types included (a mistake in the
corpus, or a student, may produce a complex number, a huge int, None, a string, a dict of the wrong shape)."""
import math

import pytest
import torch

from autograder.feedback import compare_outputs
from autograder.worker.wire import WireTensor

ODD = [complex(1, 2), float("nan"), float("inf"), True, None, 10 ** 400, -(10 ** 400), "1.0", {"a": 1}, [1, 2],
       [], {}, (1,), b"bytes", 3, 2.5]
EXPECTED = [1.5, 7, True, None, "text", [1.0, 2.0], {"loss": 1.0}, torch.ones(2, dtype=torch.float64),
            complex(0, 1), 10 ** 400, float("nan")]


@pytest.mark.parametrize("expected", EXPECTED, ids=repr)
@pytest.mark.parametrize("got", ODD + [WireTensor(torch.ones(2, dtype=torch.float64), "cpu")], ids=repr)
def test_compare_outputs_answers_every_pair(expected, got):
    found = compare_outputs(expected, got, "float64")
    assert found is None or isinstance(found.message, str) and found.message


def test_numbers_still_compare_by_value():
    assert compare_outputs(1.0, 1.0 + 1e-12, "float64") is None
    assert compare_outputs(1.0, 1.1, "float64") is not None
    assert compare_outputs(float("nan"), math.nan, "float64") is None
    assert "too large" in compare_outputs(1.0, 10 ** 400, "float64").message
    assert "types differ" in compare_outputs(complex(1, 1), complex(1, 1), "float64").message
