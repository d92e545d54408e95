"""AlphaDropout that sets dropped units to alpha' but skips the affine correction a * (...) + b."""
import torch

COMPONENT = "AlphaDropout"
FILE = "regularization.py"
HINT = ("Dropped units go to alpha', but the output's mean and variance are no longer 0 and 1: setting units "
        "to alpha' shifts the mean and changes the variance. Re-read handout section 6 for the scale a and "
        "shift b that undo this.")

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
        keep = (torch.rand(x.shape, dtype=x.dtype, device=x.device) >= self.p).to(x.dtype)
        y = x * keep + ALPHA_PRIME * (1.0 - keep)
        return x.copy_(y) if self.inplace else y
