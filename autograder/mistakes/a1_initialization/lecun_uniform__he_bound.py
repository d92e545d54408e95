"""He's bound sqrt(6 / fan_in) (variance 2 / fan_in) instead of LeCun's: weights 1.41 times too large."""
COMPONENT = "lecun_uniform_"
FILE = "initializers.py"
HINT = ('Your weights are too large by about 1.41: the factor 2 belongs to He/Kaiming (ReLU halves '
        "the second moment); LeCun's variance is 1 / fan_in. Re-read handout section 6.")
CHANGES = [("1.0 / math.sqrt(fan_in)", "math.sqrt(2.0 / fan_in)")]
