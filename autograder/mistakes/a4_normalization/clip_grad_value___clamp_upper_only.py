"""clip_grad_value_ clamping only from above: large negative gradients pass through unclipped."""
import torch

COMPONENT = "clip_grad_value_"
FILE = "clipping.py"
HINT = ("Your positive gradient entries are clipped correctly, but large negative entries are not. "
        "Clipping by value keeps every entry in [-clip_value, clip_value], both sides. "
        "Re-read handout section 6 (gradient clipping).")


@torch.no_grad()
def clip_grad_value_(parameters, clip_value, foreach=None):
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    for p in parameters:
        if p.grad is not None:
            p.grad.clamp_(max=float(clip_value))
