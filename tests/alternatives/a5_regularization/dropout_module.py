"""Dropout that builds its own scaled mask and multiplies it in place when asked to."""
import torch

COMPONENT = "Dropout"
FILE = "regularization.py"


class Dropout(torch.nn.Module):
    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        if p < 0.0 or p > 1.0:
            raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p = p
        self.inplace = inplace

    def forward(self, x):
        if not self.training or self.p == 0.0:
            return x
        scale = 0.0 if self.p == 1.0 else 1.0 / (1.0 - self.p)
        mask = torch.empty_like(x).bernoulli_(1.0 - self.p) * scale
        if self.inplace:
            return x.mul_(mask)
        return x * mask
