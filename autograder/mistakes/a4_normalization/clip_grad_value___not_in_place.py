"""clip_grad_value_ assigning new tensors to .grad instead of clipping the existing ones in place."""
import torch

COMPONENT = "clip_grad_value_"
FILE = "clipping.py"
HINT = ("Your values are right, but .grad now holds a new tensor: anything that kept a reference to the "
        "old gradient (an optimizer's fused buffers, a hook, a gradient-accumulation loop) still sees "
        "the unclipped values. Functions ending in an underscore modify their argument in place. "
        "Re-read handout section 6 (gradient clipping).")


@torch.no_grad()
def clip_grad_value_(parameters, clip_value, foreach=None):
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    for p in parameters:
        if p.grad is not None:
            p.grad = torch.clamp(p.grad, -clip_value, clip_value)
