"""max_norm_ row by row in a Python loop."""
import torch

COMPONENT = "max_norm_"
FILE = "regularization.py"


def max_norm_(weight, max_norm):
    if max_norm < 0:
        raise ValueError(f"max_norm must be >= 0, got {max_norm}")
    if weight.dim() < 2:
        raise ValueError("max_norm_ needs a weight with at least 2 dims")
    with torch.no_grad():
        for row in weight:                     # each row is a view into weight
            norm = torch.linalg.vector_norm(row)
            if norm > max_norm:
                row.mul_(max_norm / (norm + 1e-7))
    return weight
