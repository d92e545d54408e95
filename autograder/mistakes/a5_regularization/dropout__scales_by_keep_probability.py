"""dropout scaling the survivors by (1 - p) instead of 1 / (1 - p) (the old, non-inverted test-time rule):
E[y] = (1 - p)^2 x instead of x."""
COMPONENT = "dropout"
FILE = "regularization.py"
HINT = ("The kept values are scaled down instead of up. Multiplying by (1 - p) is what the original dropout "
        "paper did to the weights at TEST time; inverted dropout does the opposite during training. Re-read "
        "handout section 3 and work out E[y] for your formula.")
CHANGES = [("    return x * (keep.to(x.dtype) / (1.0 - p))\n", "    return x * (keep.to(x.dtype) * (1.0 - p))\n")]
