"""Adam applying weight decay the AdamW way (θ -= lr·λ·θ) even when decoupled_weight_decay is False: with
weight decay the decay never goes through m and v, so the steps differ."""
COMPONENT = "Adam"
FILE = "optimizers.py"
HINT = ("With weight_decay > 0 your Adam steps differ: plain Adam's weight decay is an L2 penalty "
        "added to the gradient, so it goes through m and v; only AdamW (decoupled_weight_decay=True) "
        "shrinks the weights directly. Re-read handout section 4 (Adam versus AdamW).")
CHANGES = [('if group["decoupled_weight_decay"]:', "if True:")]
