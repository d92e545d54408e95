"""max_norm_ that takes norms over dim 0 (columns = input units) instead of rows (output units)."""
import torch

COMPONENT = "max_norm_"
FILE = "regularization.py"
HINT = ("You constrain the columns (the weights leaving each input), not the rows. A Linear weight is "
        "[out_features, in_features]: the incoming weights of output unit i are the row weight[i], so the "
        "norm runs over every dim except dim 0.")


@torch.no_grad()
def max_norm_(weight, max_norm):
    if max_norm < 0:
        raise ValueError(f"max_norm must be >= 0, got {max_norm}")
    if weight.dim() < 2:
        raise ValueError("max_norm_ needs a weight with at least 2 dims")
    norms = weight.norm(dim=0, keepdim=True)
    scale = torch.where(norms > max_norm, max_norm / (norms + 1e-7), torch.ones_like(norms))
    weight.mul_(scale)
    return weight
