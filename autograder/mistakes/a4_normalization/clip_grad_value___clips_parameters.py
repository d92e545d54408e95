"""clip_grad_value_ clamping the parameter values instead of their gradients."""
import torch

COMPONENT = "clip_grad_value_"
FILE = "clipping.py"
HINT = ("Your gradients are unchanged, and your parameters changed instead. Clipping acts on p.grad, "
        "after backward and before the optimizer step; the weights themselves are left alone. "
        "Re-read handout section 6 (gradient clipping).")


@torch.no_grad()
def clip_grad_value_(parameters, clip_value, foreach=None):
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    for p in parameters:
        if p.grad is not None:
            p.clamp_(-clip_value, clip_value)
