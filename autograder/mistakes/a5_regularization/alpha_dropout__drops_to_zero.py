"""AlphaDropout that sets dropped units to 0 (like plain dropout) before the affine correction."""
import torch

COMPONENT = "AlphaDropout"
FILE = "regularization.py"
HINT = ("Your output's mean is far from 0: dropped units were set to 0, but for SELU 0 is not 'off'. Re-read "
        "handout section 6: which value do dropped units take in alpha dropout, and why?")

ALPHA_PRIME = -1.0507009873554804934193349852946 * 1.6732632423543772848170429916717


class AlphaDropout(torch.nn.Module):
    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p = p
        self.inplace = inplace

    def forward(self, x):
        if not self.training or self.p == 0.0:
            return x
        p = self.p
        if p == 1.0:
            return x * torch.zeros((), dtype=x.dtype, device=x.device)
        keep = (torch.rand(x.shape, dtype=x.dtype, device=x.device) >= p).to(x.dtype)
        a = ((1.0 - p) * (1.0 + p * ALPHA_PRIME**2)) ** -0.5
        b = -a * ALPHA_PRIME * p
        y = a * (x * keep) + b
        return x.copy_(y) if self.inplace else y
