"""clip_grad_norm_ using the p-norm formula (Σ|g|^p)^(1/p) for every p, which breaks for norm_type=inf."""
import torch

COMPONENT = "clip_grad_norm_"
FILE = "clipping.py"
HINT = ("Your clipping is right for norm_type 1, 2 and 3 but wrong for norm_type=inf. The formula "
        "(Σ|g|^p)^(1/p) does not work at p = inf: the infinity norm is the largest absolute entry of all "
        "the gradients. Re-read handout section 6 (gradient clipping, norm_type).")


@torch.no_grad()
def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    grads = [p.grad for p in parameters if p.grad is not None]
    if not grads:
        return torch.tensor(0.0)
    p = float(norm_type)
    total_norm = sum((g.abs() ** p).sum() for g in grads) ** (1.0 / p)
    if error_if_nonfinite and not torch.isfinite(total_norm):
        raise RuntimeError("the total gradient norm is non-finite")
    clip_coef = torch.clamp(max_norm / (total_norm + 1e-6), max=1.0)
    for g in grads:
        g.mul_(clip_coef)
    return total_norm
