"""l2_penalty with dot products of the flattened tensors."""
import torch

COMPONENT = "l2_penalty"
FILE = "regularization.py"


def l2_penalty(params, lam):
    if lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    squares = [torch.dot(w.reshape(-1), w.reshape(-1)) for w in params]
    if not squares:
        return torch.zeros(())
    return 0.5 * lam * torch.stack(squares).sum()
