"""BatchNorm1d normalizing with the unbiased variance (divides by m - 1): train outputs slightly too small,
and running_var gets the m / (m - 1) correction twice.
"""
COMPONENT = "BatchNorm1d"
FILE = "normalization.py"
SCOPE = "_BatchNorm"  # the shared code of BatchNorm1d and BatchNorm2d
HINT = ("Your train-mode output is a little too close to zero, by a factor that shrinks as the batch "
        "grows. Batch norm *normalizes* with the biased batch variance (divide by m); only the running "
        "variance stores the unbiased one. Re-read handout section 2 (the forward pass).")
CHANGES = [("var = (centered * centered).mean(dim=dims)    # biased: divide by m, as the paper does",
            "var = input.var(dim=dims)")]
