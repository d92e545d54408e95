"""AlphaDropout with the wrong sign of alpha' for the dropped units: they become a * 1.758 + b (1.56 at p = 0.5)
instead of a * -1.758 + b (-0.78), and the output's mean is 2b (1.56) instead of 0."""
COMPONENT = "AlphaDropout"
FILE = "regularization.py"
HINT = ("The output's mean is off: check the sign of alpha'. It is SELU's value for very negative inputs, "
        "lim selu(x) as x -> -infinity (handout section 6).")
CHANGES = [("a * (x * keep + SELU_ALPHA_PRIME * (1.0 - keep))", "a * (x * keep - SELU_ALPHA_PRIME * (1.0 - keep))")]
