"""Hidden checks for random_shift(x, max_shift, generator) (autograder/checks/a6_pipeline). Probe: augment.py.

Judged by properties and sample statistics (_augment_samples.py), never by the shifts drawn. On 6000 signals
[N, L] with max_shift=3: every output row is its input row moved by one integer shift with zeros shifted in (not
rolled around), the input is left alone and the result is a new tensor of its shape, dtype and device, and the
shifts are uniform over all 7 values -3..3 (both ends: randint's exclusive upper bound is the classic slip).
On [N, C, L]: every channel of a sequence moves together. max_shift=0 is an exact copy, a negative max_shift a
ValueError. With a seeded generator: the same seed gives the same result whatever the global generator's state,
and the global generator is left alone.
"""
import math

import torch

from ...check import Check
from ..a5_regularization._dropout_samples import PROBE_SEED_OFFSET
from ._augment_samples import compare_generator_use, compare_shift_edge_cases, compare_shift_sample

COMPONENT = "random_shift"
FORBIDDEN = ["torchaudio", "tsai", "tsaug", "audiomentations"]
TORCH_CODE = []


def distinct_values(g, shape) -> torch.Tensor:
    """1, 2, 3, ... in a random order: no two values alike and none 0, so each output row shows the one shift
    that made it. Exact in float32 too."""
    return (torch.randperm(math.prod(shape), generator=g) + 1).to(torch.float64).reshape(shape)


def sample_inputs(seed: int, shape, max_shift: int):
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        return {"x": distinct_values(g, shape), "max_shift": max_shift, "seed": PROBE_SEED_OFFSET + seed}
    return make_inputs


def edge_inputs(seed: int, shape):
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        return {"x": torch.randn(shape, generator=g, dtype=torch.float64), "seed": PROBE_SEED_OFFSET + seed}
    return make_inputs


def generator_inputs(seed: int, shape, max_shift: int):
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        return {"function": COMPONENT, "x": torch.randn(shape, generator=g, dtype=torch.float64),
                "amount": max_shift, "seed": PROBE_SEED_OFFSET + seed}
    return make_inputs


def describe_for(call: str):
    return lambda path: call


CHECKS = [
    Check(COMPONENT, "6000 signals [N, L], max_shift=3: zero-filled shifts, uniform over -3..3", 2.5,
          "augment.shift_sample", sample_inputs(6100, (6000, 16), 3),
          describe_path=describe_for("random_shift(x of shape [6000, 16], max_shift=3)"),
          compare=compare_shift_sample, device_proxy=True),
    Check(COMPONENT, "3000 signals [N, C, L], max_shift=5: the channels of a sequence move together", 1,
          "augment.shift_sample", sample_inputs(6101, (3000, 3, 16), 5),
          describe_path=describe_for("random_shift(x of shape [3000, 3, 16], max_shift=5)"),
          compare=compare_shift_sample),
    Check(COMPONENT, "max_shift=0 is a copy, a negative max_shift a ValueError", 0.5, "augment.shift_edge_cases",
          edge_inputs(6102, (5, 2, 9)), describe_path=describe_for("random_shift(x of shape [5, 2, 9], ...)"),
          compare=compare_shift_edge_cases),
    Check(COMPONENT, "a seeded generator: reproducible, independent of the global generator", 1,
          "augment.generator_use", generator_inputs(6103, (64, 20), 4),
          describe_path=describe_for("random_shift(x of shape [64, 20], max_shift=4, generator=g)"),
          compare=compare_generator_use),
]
