"""l2_penalty using each tensor's L2 norm ||w|| instead of its squared norm ||w||^2."""
import torch

COMPONENT = "l2_penalty"
FILE = "regularization.py"
HINT = ("Your penalty uses the norm of each tensor, not its square: the gradient is then w / ||w||, not "
        "proportional to each weight. The L2 penalty is lam/2 times the sum of the SQUARES of all elements.")


def l2_penalty(params, lam):
    if lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    params = list(params)
    if not params:
        return torch.zeros(())
    return lam / 2 * sum(w.norm() for w in params)
