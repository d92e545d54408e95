"""l2_penalty without the 1/2: lam * sum w^2, twice the intended penalty (gradient 2 lam w)."""
COMPONENT = "l2_penalty"
FILE = "regularization.py"
HINT = ("Your penalty is exactly twice the expected value. The course's L2 penalty is lam/2 * sum w^2, so "
        "that its gradient is lam * w and SGD on it is weight decay with rate lam (handout section 2).")
CHANGES = [("    return lam / 2 * sum(", "    return lam * sum(")]
