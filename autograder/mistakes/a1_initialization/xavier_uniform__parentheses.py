"""Parentheses wrong: gain * sqrt(6) / (fan_in + fan_out), a bound that shrinks like 1/n instead of 1/sqrt(n)."""
COMPONENT = "xavier_uniform_"
FILE = "initializers.py"
HINT = ('Your bound shrinks far too fast as the layer grows: the square root must cover the whole '
        "fraction 6 / (fan_in + fan_out). Check your parentheses against the docstring's formula "
        '(handout section 3).')
CHANGES = [("math.sqrt(2.0 / float(fan_in + fan_out))", "math.sqrt(2.0) / float(fan_in + fan_out)")]
