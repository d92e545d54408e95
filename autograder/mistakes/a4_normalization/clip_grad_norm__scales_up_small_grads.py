"""clip_grad_norm_ without capping the coefficient at 1: gradients with a norm below max_norm are scaled *up*."""
COMPONENT = "clip_grad_norm_"
FILE = "clipping.py"
HINT = ("Gradients whose total norm is already below max_norm come out larger than they went in. "
        "Clipping only ever shrinks: the coefficient max_norm / (total_norm + 1e-6) is capped at 1. "
        "Re-read handout section 6 (gradient clipping by norm).")
CHANGES = [("torch.clamp(max_norm / (total_norm + 1e-6), max=1.0)",
            "max_norm / (total_norm + 1e-6)")]
