"""Leaky ReLU gain sqrt(2 / (1 + slope)) instead of sqrt(2 / (1 + slope^2)): right for slopes 0 and 1 only."""
COMPONENT = "calculate_gain"
FILE = "initializers.py"
HINT = ('Your leaky_relu gain is off for slopes other than 0. Work out the second moment of '
        'leaky_relu(x) for a symmetric x: the negative half is multiplied by the slope, so its '
        'square is multiplied by ... Re-read handout section 4.')
CHANGES = [("math.sqrt(2.0 / (1 + negative_slope ** 2))", "math.sqrt(2.0 / (1 + negative_slope))")]
