"""Dropout module that ignores self.training: it keeps dropping units after model.eval()."""
import torch

COMPONENT = "Dropout"
FILE = "regularization.py"
HINT = ("After layer.eval() your Dropout still drops units. A module knows its mode from self.training "
        "(set by model.train() / model.eval()); pass it on. Re-read handout section 3.")


class Dropout(torch.nn.Module):
    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p = p
        self.inplace = inplace

    def forward(self, x):
        if self.p == 0.0:
            return x
        if self.p == 1.0:
            y = x * torch.zeros((), dtype=x.dtype, device=x.device)
        else:
            keep = (torch.rand(x.shape, dtype=x.dtype, device=x.device) >= self.p).to(x.dtype)
            y = x * keep / (1.0 - self.p)
        return x.copy_(y) if self.inplace else y
