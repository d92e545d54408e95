"""clip_grad_norm_ clipping each parameter's gradient by its own norm instead of the global norm."""
import torch

COMPONENT = "clip_grad_norm_"
FILE = "clipping.py"
HINT = ("Each of your gradients has a norm of at most max_norm, but together they are still too large, "
        "and their relative sizes changed. The norm is *global*: all gradients form one vector, one norm "
        "is computed, and every gradient is scaled by the same coefficient, which keeps the direction "
        "of the update. Re-read handout section 6 (why the norm is global).")


@torch.no_grad()
def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    norms = []
    for p in parameters:
        if p.grad is None:
            continue
        norm = torch.linalg.vector_norm(p.grad, float(norm_type))
        if error_if_nonfinite and not torch.isfinite(norm):
            raise RuntimeError("the gradient norm is non-finite")
        p.grad.mul_(torch.clamp(max_norm / (norm + 1e-6), max=1.0))
        norms.append(norm)
    if not norms:
        return torch.tensor(0.0)
    return torch.linalg.vector_norm(torch.stack(norms), float(norm_type))
