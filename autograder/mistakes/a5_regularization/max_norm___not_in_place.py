"""max_norm_ that returns a rescaled copy and leaves the weight itself unconstrained."""
import torch

COMPONENT = "max_norm_"
FILE = "regularization.py"
HINT = ("The trailing underscore means in place: max_norm_ must change the weight tensor it is given (and "
        "return it). Yours computes the right numbers in a new tensor, so the model's weights never change.")


@torch.no_grad()
def max_norm_(weight, max_norm):
    if max_norm < 0:
        raise ValueError(f"max_norm must be >= 0, got {max_norm}")
    if weight.dim() < 2:
        raise ValueError("max_norm_ needs a weight with at least 2 dims")
    norms = weight.reshape(weight.shape[0], -1).norm(dim=1)
    scale = torch.where(norms > max_norm, max_norm / (norms + 1e-7), torch.ones_like(norms))
    return weight * scale.reshape(-1, *([1] * (weight.dim() - 1)))
