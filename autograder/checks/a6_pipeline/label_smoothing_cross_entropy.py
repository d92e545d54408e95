"""Hidden checks for label_smoothing_cross_entropy (autograder/checks/a6_pipeline). Probe: pipeline_parts.py.

Loss and gradient with respect to the logits against the reference, which the tests check against
F.cross_entropy(..., label_smoothing=ε): ε = 0 (plain cross-entropy), ε = 0.1 and ε = 1 (the uniform target),
a single example, and logits in the thousands (where log(softmax(z)) gives inf and log_softmax does not).
"""
import torch

from ...check import Check
from ._torch_counterparts import LOSS_FORBIDDEN, LOSS_TORCH_CODE

COMPONENT = "label_smoothing_cross_entropy"
FORBIDDEN = LOSS_FORBIDDEN
TORCH_CODE = LOSS_TORCH_CODE


def cases_inputs(seed: int, cases: list[tuple[int, int, float, float]]):
    """cases: (N, C, smoothing, logit scale); random logits and targets from `seed`."""
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        return {"cases": [{"logits": scale * torch.randn(n, c, generator=g, dtype=torch.float64),
                           "target": torch.randint(0, c, (n,), generator=g), "smoothing": smoothing}
                          for n, c, smoothing, scale in cases]}
    return make_inputs


def describe(path: tuple) -> str:
    if len(path) >= 2 and isinstance(path[0], int):
        what = {"loss": "the loss", "grad": "the gradient with respect to the logits"}.get(path[1], path[1])
        return f"case {path[0]}: {what}"
    return "the result"


CHECKS = [
    Check(COMPONENT, "smoothing 0, 0.1 and 1 on a batch of 16 over 10 classes", 3, "pipeline_parts.label_smoothing",
          cases_inputs(6400, [(16, 10, 0.0, 2.0), (16, 10, 0.1, 2.0), (16, 10, 1.0, 2.0)]), describe_path=describe,
          device_proxy=True),
    Check(COMPONENT, "a single example over 3 classes, smoothing 0.3", 1, "pipeline_parts.label_smoothing",
          cases_inputs(6401, [(1, 3, 0.3, 1.0)]), describe_path=describe),
    Check(COMPONENT, "logits in the thousands (numerically stable)", 2, "pipeline_parts.label_smoothing",
          cases_inputs(6402, [(8, 5, 0.1, 1000.0), (8, 5, 0.0, 3000.0)]), describe_path=describe),
]
