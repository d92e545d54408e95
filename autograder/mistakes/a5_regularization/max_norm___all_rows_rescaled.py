"""max_norm_ that rescales every row to norm max_norm, including rows that were already shorter."""
import torch

COMPONENT = "max_norm_"
FILE = "regularization.py"
HINT = ("Rows whose norm was already below max_norm changed too. Max-norm is a constraint, not a "
        "normalization: only rows with norm > max_norm are scaled down; the others stay exactly as they are "
        "(handout section 7).")


@torch.no_grad()
def max_norm_(weight, max_norm):
    if max_norm < 0:
        raise ValueError(f"max_norm must be >= 0, got {max_norm}")
    if weight.dim() < 2:
        raise ValueError("max_norm_ needs a weight with at least 2 dims")
    norms = weight.reshape(weight.shape[0], -1).norm(dim=1)
    weight.mul_((max_norm / (norms + 1e-7)).reshape(-1, *([1] * (weight.dim() - 1))))
    return weight
