"""Adam in the paper's 'efficient' form, lr·√(1-β2^t)/(1-β1^t)·m/(√v + eps): eps is not bias-corrected, so the
steps differ wherever eps matters (tiny gradients, early steps)."""
COMPONENT = "Adam"
FILE = "optimizers.py"
HINT = ("Your steps differ for parameters with tiny gradients: torch adds eps to √v̂, the "
        "bias-corrected root, not to √v. The two forms differ wherever eps matters. Re-read handout "
        "section 4 (the update, as torch writes it).")
CHANGES = [("denom = (second_moment.sqrt() / bias_correction2 ** 0.5).add_(eps)\n"
            "                p.addcdiv_(exp_avg, denom, value=-lr / bias_correction1)\n",
            "denom = second_moment.sqrt().add_(eps)\n"
            "                p.addcdiv_(exp_avg, denom, value=-lr * bias_correction2 ** 0.5 / bias_correction1)\n")]
