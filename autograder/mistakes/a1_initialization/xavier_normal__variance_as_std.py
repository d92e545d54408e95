"""The variance 2 / (fan_in + fan_out) used as the std: weights sqrt((fan_in + fan_out) / 2) times too small."""
COMPONENT = "xavier_normal_"
FILE = "initializers.py"
HINT = ('Your weights are much too small: 2 / (fan_in + fan_out) is the target variance, and '
        'normal_ takes a standard deviation. Re-read handout section 3.')
CHANGES = [("math.sqrt(2.0 / float(fan_in + fan_out))", "2.0 / float(fan_in + fan_out)")]
