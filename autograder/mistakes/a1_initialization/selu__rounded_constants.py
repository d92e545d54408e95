"""Constants rounded to 1.67 and 1.05: off by 0.07% for x > 0 and 0.26% for very negative x."""
COMPONENT = "selu"
FILE = "activations.py"
HINT = ('Your SELU is close but off by about 0.1%: its constants are the exact solutions of the '
        'fixed-point equations, not round numbers. Use them to full precision (handout section 9).')
CHANGES = [("SELU_SCALE * elu(input, alpha=SELU_ALPHA)", "1.05 * elu(input, alpha=1.67)")]
