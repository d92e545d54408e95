"""clip_grad_norm_ scaling each gradient by its own norm instead of the global one: every part is within
max_norm, the whole is not, and the direction of the update changes. The returned total norm is right.
"""
COMPONENT = "clip_grad_norm_"
FILE = "clipping.py"
HINT = ("Each of your gradients has a norm of at most max_norm, but together they are still too large, "
        "and their relative sizes changed. The norm is *global*: all gradients form one vector, one norm "
        "is computed, and every gradient is scaled by the same coefficient, which keeps the direction "
        "of the update. Re-read handout section 6 (why the norm is global).")
CHANGES = [("    clip_coef = torch.clamp(max_norm / (total_norm + 1e-6), max=1.0)\n"
            "    for g in grads:\n",
            "    for g, norm in zip(grads, per_parameter_norms):\n"
            "        clip_coef = torch.clamp(max_norm / (norm + 1e-6), max=1.0)\n")]
