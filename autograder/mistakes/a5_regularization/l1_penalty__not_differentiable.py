"""l1_penalty computed with .item(): the right number, but autograd cannot differentiate it."""
import torch

COMPONENT = "l1_penalty"
FILE = "regularization.py"
HINT = ("The value is right, but no gradient flows back to the weights, so adding the penalty to the loss "
        "changes nothing. .item(), float() or torch.tensor(...) cut the graph: keep the computation in "
        "tensor operations on the parameters themselves.")


def l1_penalty(params, lam):
    if lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    params = list(params)
    if not params:
        return torch.zeros(())
    total = sum(w.abs().sum().item() for w in params)
    return torch.tensor(lam * total, dtype=params[0].dtype, device=params[0].device)
