"""BatchNorm1d storing the biased batch variance in running_var (torch stores the unbiased one): running_var
drifts low by m / (m - 1), and eval outputs come out too large.
"""
COMPONENT = "BatchNorm1d"
FILE = "normalization.py"
SCOPE = "_BatchNorm"  # the shared code of BatchNorm1d and BatchNorm2d
HINT = ("Your outputs match, but running_var drifts below torch's. The running variance is an estimate "
        "of the population variance, so it is updated with the *unbiased* batch variance "
        "(multiply by m / (m - 1)); normalizing uses the biased one. Re-read handout section 2 "
        "(running statistics).")
CHANGES = [("add_(factor * unbiased_var)",
            "add_(factor * var)")]
