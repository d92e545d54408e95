"""dropout that drops units even when training=False (evaluation becomes random)."""
import torch

COMPONENT = "dropout"
FILE = "regularization.py"
HINT = ("With training=False the output should be the input itself, but yours still drops units, so "
        "evaluation is random and too pessimistic. Re-read handout section 3: why does nothing change at test "
        "time with inverted dropout?")


def dropout(x, p=0.5, training=True):
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if p == 0.0:
        return x
    if p == 1.0:
        return x * torch.zeros((), dtype=x.dtype, device=x.device)
    keep = (torch.rand(x.shape, dtype=x.dtype, device=x.device) >= p).to(x.dtype)
    return x * keep / (1.0 - p)
