"""tanh approximation without the 0.044715 x^3 term: off by up to 0.034 (near |x| = 2)."""
COMPONENT = "gelu"
FILE = "activations.py"
HINT = ("Your approximate='tanh' GELU misses part of the tanh's argument: it is sqrt(2/pi) * (x + "
        '0.044715 x^3). Re-read the formula in the docstring (handout section 10).')
CHANGES = [("(input + 0.044715 * input ** 3)", "input")]
