"""Dropout module that draws its mask once and reuses it on every forward pass."""
import torch

COMPONENT = "Dropout"
FILE = "regularization.py"
HINT = ("Two forward passes dropped exactly the same units. The mask must be drawn afresh on every call: a "
        "fixed mask just trains one thinner network instead of an ensemble of them (handout section 3, the "
        "ensemble view). Do not store the mask on the module.")


class Dropout(torch.nn.Module):
    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p = p
        self.inplace = inplace
        self.mask = None

    def forward(self, x):
        if not self.training or self.p == 0.0:
            return x
        if self.mask is None or self.mask.shape != x.shape:
            keep = (torch.rand(x.shape, dtype=x.dtype, device=x.device) >= self.p).to(x.dtype)
            self.mask = keep / (1.0 - self.p) if self.p < 1.0 else keep
        y = x * self.mask
        return x.copy_(y) if self.inplace else y
