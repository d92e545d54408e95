"""max_norm_ that uses the norm of the whole weight matrix instead of one norm per output unit."""
import torch

COMPONENT = "max_norm_"
FILE = "regularization.py"
HINT = ("You constrain the norm of the whole matrix; the constraint is per output unit: each row "
        "weight[i] (everything feeding unit i) gets its own norm and, if too long, its own scale "
        "(handout section 7).")


@torch.no_grad()
def max_norm_(weight, max_norm):
    if max_norm < 0:
        raise ValueError(f"max_norm must be >= 0, got {max_norm}")
    if weight.dim() < 2:
        raise ValueError("max_norm_ needs a weight with at least 2 dims")
    norm = weight.norm()
    if norm > max_norm:
        weight.mul_(max_norm / (norm + 1e-7))
    return weight
