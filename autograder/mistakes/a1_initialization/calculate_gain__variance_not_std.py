"""Gains returned as variance factors (2 for ReLU, 25/9 for tanh) rather than their square roots."""
COMPONENT = "calculate_gain"
FILE = "initializers.py"
HINT = ('Your gains look squared: the gain multiplies the standard deviation of the weights, not '
        'their variance. Re-read handout section 4.')
CHANGES = [("        return 5.0 / 3\n", "        return 25.0 / 9\n"),
           ("        return math.sqrt(2.0)\n", "        return 2.0\n"),
           ("math.sqrt(2.0 / (1 + negative_slope ** 2))", "2.0 / (1 + negative_slope ** 2)"),
           ("    return 3.0 / 4  # selu", "    return 9.0 / 16  # selu")]
