"""clip_grad_norm_ without clamping the coefficient to 1: small gradients are scaled *up* to max_norm."""
import torch

COMPONENT = "clip_grad_norm_"
FILE = "clipping.py"
HINT = ("Gradients whose total norm is already below max_norm come out larger than they went in. "
        "Clipping only ever shrinks: the coefficient max_norm / (total_norm + 1e-6) is capped at 1. "
        "Re-read handout section 6 (gradient clipping by norm).")


@torch.no_grad()
def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    grads = [p.grad for p in parameters if p.grad is not None]
    if not grads:
        return torch.tensor(0.0)
    norms = torch.stack([torch.linalg.vector_norm(g, float(norm_type)) for g in grads])
    total_norm = torch.linalg.vector_norm(norms, float(norm_type))
    if error_if_nonfinite and not torch.isfinite(total_norm):
        raise RuntimeError("the total gradient norm is non-finite")
    clip_coef = max_norm / (total_norm + 1e-6)
    for g in grads:
        g.mul_(clip_coef)
    return total_norm
