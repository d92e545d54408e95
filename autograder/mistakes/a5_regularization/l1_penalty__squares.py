"""l1_penalty that sums squares (an L2 penalty without the 1/2) instead of absolute values: gradient 2 lam w
instead of lam sign(w)."""
COMPONENT = "l1_penalty"
FILE = "regularization.py"
HINT = ("Your penalty grows with the square of the weights: that is L2. The L1 penalty sums absolute values, "
        "and its gradient lam * sign(w) does not shrink as w gets small, which is what makes weights exactly "
        "zero (handout section 2).")
CHANGES = [("w.abs().sum()", "(w * w).sum()")]
