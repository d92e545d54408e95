"""Hidden checks for max_norm_(weight, max_norm) (autograder/checks/a5_regularization).

The probe (worker/probes/regularization.py, max_norm) constrains copies of a few weights and returns each one
afterwards, with whether max_norm_ returned that very tensor. Compared with the reference: rows (everything
feeding one output unit, dim 0) longer than max_norm are scaled to max_norm / (norm + 1e-7), shorter rows are
left exactly as they were, the work is done in place, and the weight itself is returned.
"""
import torch

from ...check import Check
from ._torch_counterparts import MAX_NORM_FORBIDDEN, MAX_NORM_OPERATORS, MAX_NORM_TORCH_CODE

COMPONENT = "max_norm_"
FORBIDDEN = MAX_NORM_FORBIDDEN
TORCH_CODE = MAX_NORM_TORCH_CODE
TORCH_OPERATORS = MAX_NORM_OPERATORS


def describe_max_norm_path(path: tuple) -> str:
    if len(path) >= 2:
        what = "the weight afterwards" if path[1] == "weight" else "whether max_norm_ returned the weight it was given"
        return f"weight {path[0]}: {what}"
    return "the result"


def weights_with_long_and_short_rows(seed: int, shapes, row_scales):
    """Weights whose rows have very different lengths, so that some exceed the limit and some do not."""
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        weights = []
        for shape in shapes:
            w = torch.randn(shape, generator=g, dtype=torch.float64)
            scale = torch.tensor([row_scales[i % len(row_scales)] for i in range(shape[0])], dtype=torch.float64)
            weights.append(w * scale.reshape(-1, *([1] * (len(shape) - 1))))
        return {"weights": weights, "max_norms": [2.0, 3.5, 1.0][:len(shapes)]}
    return make_inputs


CHECKS = [
    Check(COMPONENT, "a Linear weight [9, 6] and a conv weight [5, 3, 4], some rows too long", 4,
          "regularization.max_norm", weights_with_long_and_short_rows(5600, [(9, 6), (5, 3, 4)], [0.1, 1.0, 3.0]),
          describe_path=describe_max_norm_path, device_proxy=True),
    Check(COMPONENT, "a wide weight [4, 30] and a conv2d weight [3, 2, 3, 3]", 2, "regularization.max_norm",
          weights_with_long_and_short_rows(5601, [(4, 30), (3, 2, 3, 3)], [0.05, 0.9]),
          describe_path=describe_max_norm_path),
]
