"""l1_penalty that averages |w| within each tensor instead of summing over every element."""
import torch

COMPONENT = "l1_penalty"
FILE = "regularization.py"
HINT = ("Your penalty is too small, by a different factor for each tensor: it averages |w| inside each "
        "tensor. The penalty is lam times the SUM of |w| over every element of every tensor, so each weight "
        "gets the same pull whatever the size of its layer.")


def l1_penalty(params, lam):
    if lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    params = list(params)
    if not params:
        return torch.zeros(())
    return lam * sum(w.abs().mean() for w in params)
