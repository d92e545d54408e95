"""Gain hard-coded to sqrt(2), whatever the nonlinearity and slope (right for ReLU and a = 0 only)."""
COMPONENT = "kaiming_normal_"
FILE = "initializers.py"
HINT = ('Your weights are right for ReLU but not for other nonlinearities or slopes: the gain must '
        'come from calculate_gain(nonlinearity, a), not a constant. Re-read handout section 5.')
CHANGES = [("calculate_gain(nonlinearity, a) / math.sqrt(fan)", "math.sqrt(2.0 / fan)")]
