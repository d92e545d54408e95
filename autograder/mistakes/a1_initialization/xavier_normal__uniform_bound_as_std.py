"""The uniform bound sqrt(6 / (fan_in + fan_out)) used as the std: weights 1.73 times too large."""
COMPONENT = "xavier_normal_"
FILE = "initializers.py"
HINT = ('Your weights are too large by a constant factor (about 1.73): the sqrt(3) belongs to the '
        "uniform's bound, not to the normal's standard deviation. Re-read handout section 3.")
CHANGES = [("math.sqrt(2.0 / float(fan_in + fan_out))", "math.sqrt(6.0 / float(fan_in + fan_out))")]
