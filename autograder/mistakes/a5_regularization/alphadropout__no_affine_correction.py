"""AlphaDropout that sets dropped units to alpha' but skips the affine correction a * (...) + b: the output's
mean is alpha' p (-0.88 at p = 0.5) instead of 0, its variance 1.27 instead of 1."""
COMPONENT = "AlphaDropout"
FILE = "regularization.py"
HINT = ("Dropped units go to alpha', but the output's mean and variance are no longer 0 and 1: setting units "
        "to alpha' shifts the mean and changes the variance. Re-read handout section 6 for the scale a and "
        "shift b that undo this.")
CHANGES = [("            a = ((1.0 - p) * (1.0 + p * SELU_ALPHA_PRIME**2)) ** -0.5\n"
            "            b = -a * SELU_ALPHA_PRIME * p\n"
            "            y = a * (x * keep + SELU_ALPHA_PRIME * (1.0 - keep)) + b\n",
            "            y = x * keep + SELU_ALPHA_PRIME * (1.0 - keep)\n")]
