"""dropout with torch.bernoulli on a tensor of keep probabilities, and torch.where instead of a product."""
import torch

COMPONENT = "dropout"
FILE = "regularization.py"


def dropout(x, p=0.5, training=True):
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if not training or p == 0.0:
        return x
    if p == 1.0:
        return x * 0.0
    keep_probability = torch.full_like(x, 1.0 - p)
    keep = torch.bernoulli(keep_probability).bool()
    return torch.where(keep, x / (1.0 - p), torch.zeros_like(x))
