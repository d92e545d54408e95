"""clip_grad_norm_ reading p.grad of every parameter, so a parameter without a gradient crashes it."""
import torch

COMPONENT = "clip_grad_norm_"
FILE = "clipping.py"
HINT = ("Your clip_grad_norm_ fails when some parameter has .grad None (a layer unused in this step, or "
        "a frozen one). Such parameters contribute nothing to the norm and are skipped. "
        "Re-read handout section 6 (gradient clipping).")


@torch.no_grad()
def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    parameters = list(parameters)
    if not parameters:
        return torch.tensor(0.0)
    norms = torch.stack([torch.linalg.vector_norm(p.grad, float(norm_type)) for p in parameters])
    total_norm = torch.linalg.vector_norm(norms, float(norm_type))
    if error_if_nonfinite and not torch.isfinite(total_norm):
        raise RuntimeError("the total gradient norm is non-finite")
    clip_coef = torch.clamp(max_norm / (total_norm + 1e-6), max=1.0)
    for p in parameters:
        p.grad.mul_(clip_coef)
    return total_norm
