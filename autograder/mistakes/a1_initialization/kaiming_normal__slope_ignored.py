"""The negative slope a is not passed to the gain: calculate_gain's default 0.01 is used (12% too large for a = 0.5)."""
COMPONENT = "kaiming_normal_"
FILE = "initializers.py"
HINT = ('Your weights are right for a=0 but ignore the negative slope a: with '
        "nonlinearity='leaky_relu' the gain depends on it (calculate_gain(nonlinearity, a)). Re-"
        'read handout section 5.')
CHANGES = [("calculate_gain(nonlinearity, a)", "calculate_gain(nonlinearity)")]
