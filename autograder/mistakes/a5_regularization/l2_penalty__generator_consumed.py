"""l2_penalty that peeks at the first tensor of params, which consumes it when params is a generator."""
import torch

COMPONENT = "l2_penalty"
FILE = "regularization.py"
HINT = ("Your penalty is right for a list but too small for model.parameters(): that is a generator, and "
        "every element you take from it (next(), a first loop) is gone for the next loop. Turn params into "
        "a list once, before you use it.")


def l2_penalty(params, lam):
    if lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    first = next(iter(params), None)      # for a generator, this takes its first tensor away
    if first is None:
        return torch.zeros(())
    total = torch.zeros((), dtype=first.dtype, device=first.device)
    for w in params:
        total = total + w.pow(2).sum()
    return lam / 2 * total
