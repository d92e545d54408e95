"""clip_grad_value_ with torch.minimum / torch.maximum, written back into each gradient with copy_."""
import torch

COMPONENT = "clip_grad_value_"
FILE = "clipping.py"


def clip_grad_value_(parameters, clip_value, foreach=None):
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    with torch.no_grad():
        for p in parameters:
            g = p.grad
            if g is None:
                continue
            high = torch.full_like(g, float(clip_value))
            g.copy_(torch.maximum(torch.minimum(g, high), -high))
