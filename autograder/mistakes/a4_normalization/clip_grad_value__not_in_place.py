"""clip_grad_value_ assigning a new clamped tensor to .grad: right values, but the old .grad tensor stays unclipped."""
COMPONENT = "clip_grad_value_"
FILE = "clipping.py"
HINT = ("Your values are right, but .grad now holds a new tensor: anything that kept a reference to the "
        "old gradient (an optimizer's fused buffers, a hook, a gradient-accumulation loop) still sees "
        "the unclipped values. Functions ending in an underscore modify their argument in place. "
        "Re-read handout section 6 (gradient clipping).")
CHANGES = [("p.grad.clamp_(min=-clip_value, max=clip_value)",
            "p.grad = torch.clamp(p.grad, min=-clip_value, max=clip_value)")]
