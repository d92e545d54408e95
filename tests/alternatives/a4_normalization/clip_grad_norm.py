"""clip_grad_norm_ on one concatenated vector of all gradients; scales only when the norm is too large."""
import math

import torch

COMPONENT = "clip_grad_norm_"
FILE = "clipping.py"


def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    grads = [p.grad for p in parameters if p.grad is not None]
    if not grads:
        return torch.tensor(0.0)
    p = float(norm_type)
    with torch.no_grad():
        everything = torch.cat([g.flatten() for g in grads])
        if p == math.inf:
            total = everything.abs().max()
        else:
            total = everything.abs().pow(p).sum().pow(1.0 / p)
        if error_if_nonfinite and (total.isnan() or total.isinf()):
            raise RuntimeError(f"The total norm of order {p} of the gradients is non-finite")
        coefficient = max_norm / (total + 1e-6)
        if coefficient < 1:
            for g in grads:
                g.mul_(coefficient)
    return total
