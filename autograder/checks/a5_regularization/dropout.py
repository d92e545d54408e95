"""Hidden checks for dropout(x, p, training) (autograder/checks/a5_regularization).

The probe (worker/probes/regularization.py, dropout_function) runs dropout on 10^5 elements in training mode,
then training=False, p=0 and p=1 on a smaller input, and p outside [0, 1]; _dropout_samples.py judges the sample:
kept fraction 1 - p within sampling error, kept values x / (1 - p), dropped values exactly 0, the gradient on
the same mask, the identity in eval mode and for p=0, zeros (not nan) for p=1, ValueError for an invalid p.
"""
import torch

from ...check import Check
from ._dropout_samples import PROBE_SEED_OFFSET, compare_dropout
from ._torch_counterparts import DROPOUT_FORBIDDEN, DROPOUT_OPERATORS, DROPOUT_TORCH_CODE

COMPONENT = "dropout"
FORBIDDEN = DROPOUT_FORBIDDEN
TORCH_CODE = DROPOUT_TORCH_CODE
TORCH_OPERATORS = DROPOUT_OPERATORS


def dropout_inputs(seed: int, p: float, shape=(250, 400), invalid_ps=(1.25, -0.1)):
    """A large x and upstream gradient, a small x for the deterministic cases, and the probe's own seed.
    Normal samples are never exactly 0, so a zero in the output always means a dropped element."""
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        return {"x": torch.randn(shape, generator=g, dtype=torch.float64),
                "upstream": torch.randn(shape, generator=g, dtype=torch.float64),
                "small": torch.randn(40, 25, generator=g, dtype=torch.float64),
                "p": p, "seed": PROBE_SEED_OFFSET + seed, "invalid_ps": list(invalid_ps)}
    return make_inputs


def describe_dropout_path(path: tuple) -> str:
    return "invalid p" if path[:1] == ("invalid",) else "the output"


CHECKS = [
    Check(COMPONENT, "p=0.3 on 10^5 elements, eval mode, p=0 and p=1, invalid p", 5,
          "regularization.dropout_function", dropout_inputs(5100, 0.3), describe_path=describe_dropout_path,
          compare=compare_dropout, device_proxy=True),
    Check(COMPONENT, "p=0.8 on a 3-d input", 3, "regularization.dropout_function",
          dropout_inputs(5101, 0.8, shape=(20, 50, 100), invalid_ps=(1.5,)), describe_path=describe_dropout_path,
          compare=compare_dropout),
]
