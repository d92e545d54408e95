"""dropout scaling the survivors by (1 - p) instead of 1 / (1 - p) (the old, non-inverted test-time rule)."""
import torch

COMPONENT = "dropout"
FILE = "regularization.py"
HINT = ("The kept values are scaled down instead of up. Multiplying by (1 - p) is what the original dropout "
        "paper did to the weights at TEST time; inverted dropout does the opposite during training. Re-read "
        "handout section 3 and work out E[y] for your formula.")


def dropout(x, p=0.5, training=True):
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if not training or p == 0.0:
        return x
    keep = (torch.rand(x.shape, dtype=x.dtype, device=x.device) >= p).to(x.dtype)
    return x * keep * (1.0 - p)
