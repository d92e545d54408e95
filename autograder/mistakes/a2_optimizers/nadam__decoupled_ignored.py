"""NAdam that ignores decoupled_weight_decay=True (always adds the decay to the gradient): decoupled runs with
weight decay differ."""
COMPONENT = "NAdam"
FILE = "optimizers.py"
HINT = ("With decoupled_weight_decay=True your steps differ: then the weights shrink directly by "
        "lr·λ·θ (as in AdamW) instead of the decay being added to the gradient. Re-read handout "
        "section 5.")
CHANGES = [('if group["decoupled_weight_decay"]:', "if False:")]
