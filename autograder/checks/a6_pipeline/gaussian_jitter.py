"""Hidden checks for gaussian_jitter(x, std, generator) (autograder/checks/a6_pipeline). Probe: augment.py.

Judged by properties and sample statistics (_augment_samples.py), never by the noise drawn. On 10^5 elements
[N, C, L] with std=0.3: the input is left alone and the result is a new tensor of its shape, dtype and device;
the noise y - x is independent across sequences, channels and positions (not one noise vector broadcast), has
mean 0, standard deviation 0.3 (std is not a variance) and a normal's kurtosis. A second sample, [N, L] with
std=1.5. With a seeded generator: the same seed gives the same result whatever the global generator's state
(torch.randn_like(x) without generator= draws from the global one), and the global generator is left alone.
std=0 gives back x, a negative std is a ValueError.
"""
import torch

from ...check import Check
from ..a5_regularization._dropout_samples import PROBE_SEED_OFFSET
from ._augment_samples import compare_generator_use, compare_jitter_edge_cases, compare_jitter_sample

COMPONENT = "gaussian_jitter"
FORBIDDEN = ["torchaudio", "tsai", "tsaug", "audiomentations"]
TORCH_CODE = []


def signals(seed: int, shape, **extra):
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        return {"x": torch.randn(shape, generator=g, dtype=torch.float64), "seed": PROBE_SEED_OFFSET + seed} | extra
    return make_inputs


def describe_for(call: str):
    return lambda path: call


CHECKS = [
    Check(COMPONENT, "10^5 elements [N, C, L], std=0.3: independent N(0, 0.3^2) noise", 1.5, "augment.jitter_sample",
          signals(6150, (200, 2, 250), std=0.3),
          describe_path=describe_for("gaussian_jitter(x of shape [200, 2, 250], std=0.3)"),
          compare=compare_jitter_sample, device_proxy=True),
    Check(COMPONENT, "[N, L] signals, std=1.5", 0.5, "augment.jitter_sample", signals(6151, (500, 100), std=1.5),
          describe_path=describe_for("gaussian_jitter(x of shape [500, 100], std=1.5)"),
          compare=compare_jitter_sample),
    Check(COMPONENT, "a seeded generator: reproducible, independent of the global generator", 0.5,
          "augment.generator_use", signals(6152, (32, 40), function=COMPONENT, amount=0.2),
          describe_path=describe_for("gaussian_jitter(x of shape [32, 40], std=0.2, generator=g)"),
          compare=compare_generator_use),
    Check(COMPONENT, "std=0 gives back x, a negative std is a ValueError", 0.5, "augment.jitter_edge_cases",
          signals(6153, (4, 3, 10)), describe_path=describe_for("gaussian_jitter(x of shape [4, 3, 10], ...)"),
          compare=compare_jitter_edge_cases),
]
