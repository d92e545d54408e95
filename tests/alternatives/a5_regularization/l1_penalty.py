"""l1_penalty as lam times the sum of per-tensor L1 norms, accumulated in a loop."""
import torch

COMPONENT = "l1_penalty"
FILE = "regularization.py"


def l1_penalty(params, lam):
    if lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    total = None
    for w in params:
        norm = torch.linalg.vector_norm(w, ord=1)
        total = norm if total is None else total + norm
    if total is None:
        return torch.zeros(())
    return total * lam
