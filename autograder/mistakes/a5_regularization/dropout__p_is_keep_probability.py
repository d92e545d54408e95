"""dropout treating p as the probability of KEEPING a unit (Keras/TensorFlow 1 keep_prob convention)."""
import torch

COMPONENT = "dropout"
FILE = "regularization.py"
HINT = ("About p of the units survive instead of about 1 - p: p is the probability of DROPPING a unit, as in "
        "PyTorch (old TensorFlow code used keep_prob). Check the comparison that builds your mask and the "
        "scale you divide by.")


def dropout(x, p=0.5, training=True):
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if not training or p == 1.0:
        return x
    if p == 0.0:
        return x * torch.zeros((), dtype=x.dtype, device=x.device)
    keep = (torch.rand(x.shape, dtype=x.dtype, device=x.device) < p).to(x.dtype)
    return x * keep / p
