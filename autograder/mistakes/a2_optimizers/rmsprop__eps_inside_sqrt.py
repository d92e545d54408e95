"""RMSprop with eps inside the square root, √(v + eps) instead of √v + eps (centered or not): too small steps
for parameters with tiny gradients."""
COMPONENT = "RMSprop"
FILE = "optimizers.py"
HINT = ("Your steps are too small for parameters with tiny gradients: eps is added after the square "
        "root. Re-read handout section 3 (where eps goes).")
CHANGES = [("value=-1).sqrt_().add_(eps)", "value=-1).add_(eps).sqrt_()"),
           ("                    denom = square_avg.sqrt().add_(eps)",
            "                    denom = square_avg.add(eps).sqrt_()")]
