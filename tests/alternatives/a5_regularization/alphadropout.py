"""AlphaDropout written as a * x + b for kept units and a * alpha' + b for dropped ones."""
import math

import torch

COMPONENT = "AlphaDropout"
FILE = "regularization.py"

LAMBDA = 1.0507009873554804934193349852946
ALPHA = 1.6732632423543772848170429916717


class AlphaDropout(torch.nn.Module):
    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        if p < 0.0 or p > 1.0:
            raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p = p
        self.inplace = inplace

    def forward(self, x):
        if not self.training or self.p == 0.0:
            return x
        q = 1.0 - self.p                       # keep probability
        if q == 0.0:
            out = torch.zeros_like(x) * x
        else:
            alpha_prime = -LAMBDA * ALPHA
            a = 1.0 / math.sqrt(q + alpha_prime**2 * q * (1.0 - q))
            b = -a * (1.0 - q) * alpha_prime
            keep = torch.bernoulli(torch.full_like(x, q)).bool()
            out = torch.where(keep, a * x + b, torch.full_like(x, a * alpha_prime + b))
        if self.inplace:
            return x.copy_(out)
        return out
