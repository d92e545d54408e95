"""clip_grad_norm_ reading p.grad of every parameter: a parameter whose .grad is None crashes it."""
COMPONENT = "clip_grad_norm_"
FILE = "clipping.py"
HINT = ("Your clip_grad_norm_ fails when some parameter has .grad None (a layer unused in this step, or "
        "a frozen one). Such parameters contribute nothing to the norm and are skipped. "
        "Re-read handout section 6 (gradient clipping).")
CHANGES = [("grads = [p.grad for p in parameters if p.grad is not None]",
            "grads = [p.grad for p in parameters]")]
