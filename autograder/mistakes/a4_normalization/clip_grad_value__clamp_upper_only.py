"""clip_grad_value_ clamping only from above: entries below -clip_value pass through unclipped."""
COMPONENT = "clip_grad_value_"
FILE = "clipping.py"
HINT = ("Your positive gradient entries are clipped correctly, but large negative entries are not. "
        "Clipping by value keeps every entry in [-clip_value, clip_value], both sides. "
        "Re-read handout section 6 (gradient clipping).")
CHANGES = [("p.grad.clamp_(min=-clip_value, max=clip_value)",
            "p.grad.clamp_(max=clip_value)")]
