"""dropout that drops units even when training=False: evaluation is random (and each output is 0 or x/(1-p))."""
COMPONENT = "dropout"
FILE = "regularization.py"
HINT = ("With training=False the output should be the input itself, but yours still drops units, so "
        "evaluation is random and too pessimistic. Re-read handout section 3: why does nothing change at test "
        "time with inverted dropout?")
CHANGES = [("    if not training or p == 0.0:\n", "    if p == 0.0:\n")]
