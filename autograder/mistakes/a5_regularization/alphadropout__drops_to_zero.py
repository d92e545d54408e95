"""AlphaDropout that sets dropped units to 0 (like plain dropout) before the affine correction: the output's
mean is b (0.78 at p = 0.5) instead of 0, its variance a^2 (1 - p) (0.39) instead of 1."""
COMPONENT = "AlphaDropout"
FILE = "regularization.py"
HINT = ("Your output's mean is far from 0: dropped units were set to 0, but for SELU 0 is not 'off'. Re-read "
        "handout section 6: which value do dropped units take in alpha dropout, and why?")
CHANGES = [("(x * keep + SELU_ALPHA_PRIME * (1.0 - keep))", "(x * keep)")]
