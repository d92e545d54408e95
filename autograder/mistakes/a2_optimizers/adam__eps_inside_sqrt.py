"""Adam with eps inside the square root, √(v̂ + eps) instead of √v̂ + eps: much too small steps for parameters
with tiny gradients."""
COMPONENT = "Adam"
FILE = "optimizers.py"
HINT = ("Your steps are much too small for parameters with tiny gradients and right for the others: "
        "eps belongs outside the square root, added to √v̂. Re-read handout section 4 (the update).")
CHANGES = [("denom = (second_moment.sqrt() / bias_correction2 ** 0.5).add_(eps)\n",
            "denom = (second_moment / bias_correction2).add_(eps).sqrt_()\n")]
