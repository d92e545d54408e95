"""Slope applied to the positive side instead of the negative side: slope * x for x > 0, x otherwise."""
COMPONENT = "leaky_relu"
FILE = "activations.py"
HINT = ('Your function scales the positive inputs by the slope and passes the negative ones '
        'through: it is the other way round. Re-read handout section 8.')
CHANGES = [("input, input * negative_slope)", "input * negative_slope, input)")]
