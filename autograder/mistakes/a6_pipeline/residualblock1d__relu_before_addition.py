"""The last ReLU applied to the branch before the addition, x + relu(F(x)), instead of relu(x + F(x)).

The block's output can then be negative wherever x is, and the branch can only ever add to x, never subtract.
"""
COMPONENT = "ResidualBlock1d"
FILE = "model.py"
HINT = ("The last ReLU is in the wrong place: it must come after the input is added back, on the sum, not on "
        "the branch before the addition.")
CHANGES = [("        return relu(x + out)\n", "        return x + relu(out)\n")]
