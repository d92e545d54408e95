"""LayerNorm normalizing with the unbiased variance (divides by m - 1): outputs slightly too close to zero."""
COMPONENT = "LayerNorm"
FILE = "normalization.py"
HINT = ("Your LayerNorm output is a little too close to zero. Normalization layers divide by the "
        "biased standard deviation: the variance averages over m numbers, not m - 1. Re-read "
        "handout section 4 (layer normalization) and section 2 (the forward pass).")
CHANGES = [("var = input.var(dim=dims, keepdim=True, correction=0)",
            "var = input.var(dim=dims, keepdim=True, correction=1)")]
