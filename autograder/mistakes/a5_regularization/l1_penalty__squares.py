"""l1_penalty that sums squares (an L2 penalty) instead of absolute values."""
import torch

COMPONENT = "l1_penalty"
FILE = "regularization.py"
HINT = ("Your penalty grows with the square of the weights: that is L2. The L1 penalty sums absolute values, "
        "and its gradient lam * sign(w) does not shrink as w gets small, which is what makes weights exactly "
        "zero (handout section 2).")


def l1_penalty(params, lam):
    if lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    params = list(params)
    if not params:
        return torch.zeros(())
    return lam * sum((w * w).sum() for w in params)
