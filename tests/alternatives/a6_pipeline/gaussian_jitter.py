"""gaussian_jitter with the noise drawn in place into an empty tensor: torch.empty_like(x).normal_(0, std)."""
import torch

COMPONENT = "gaussian_jitter"
FILE = "augment.py"


def gaussian_jitter(x, std, generator=None):
    if not std >= 0:
        raise ValueError(f"std must be non-negative, got {std!r}")
    return x + torch.empty_like(x).normal_(0.0, std, generator=generator)
