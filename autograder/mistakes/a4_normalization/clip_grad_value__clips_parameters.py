"""clip_grad_value_ clamping the parameter values instead of their gradients: the grads stay as they were."""
COMPONENT = "clip_grad_value_"
FILE = "clipping.py"
HINT = ("Your gradients are unchanged, and your parameters changed instead. Clipping acts on p.grad, "
        "after backward and before the optimizer step; the weights themselves are left alone. "
        "Re-read handout section 6 (gradient clipping).")
CHANGES = [("p.grad.clamp_(min=-clip_value, max=clip_value)",
            "p.clamp_(min=-clip_value, max=clip_value)")]
