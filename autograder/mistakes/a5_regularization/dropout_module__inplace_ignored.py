"""Dropout module that ignores inplace=True: it returns a new tensor and leaves the input unchanged."""
import torch

COMPONENT = "Dropout"
FILE = "regularization.py"
HINT = ("With inplace=True, torch.nn.Dropout writes the result into its input and returns that same tensor; "
        "yours returns a new tensor and leaves the input as it was. Look at how you use self.inplace.")


class Dropout(torch.nn.Module):
    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p = p
        self.inplace = inplace

    def forward(self, x):
        if not self.training or self.p == 0.0:
            return x
        if self.p == 1.0:
            return x * torch.zeros((), dtype=x.dtype, device=x.device)
        keep = (torch.rand(x.shape, dtype=x.dtype, device=x.device) >= self.p).to(x.dtype)
        return x * keep / (1.0 - self.p)
