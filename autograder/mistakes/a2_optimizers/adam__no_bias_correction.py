"""Adam without bias correction: the early steps are off (about 3x too large at step 1 with default betas),
less so as training goes on."""
COMPONENT = "Adam"
FILE = "optimizers.py"
HINT = ("Your early steps are off by a factor that fades as training goes on (about 3x too large at step 1 "
        "with the default betas): m and v start at zero, so early on they underestimate the moments, and "
        "Adam divides them by (1 - beta^t). Re-read handout section 4 (bias correction).")
CHANGES = [("bias_correction1 = 1 - beta1 ** step\n"
            "                bias_correction2 = 1 - beta2 ** step\n",
            "bias_correction1 = 1.0\n"
            "                bias_correction2 = 1.0\n")]
