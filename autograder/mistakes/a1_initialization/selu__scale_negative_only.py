"""scale applied to the negative branch only: selu(x) = x for x > 0, 5% too small there."""
COMPONENT = "selu"
FILE = "activations.py"
HINT = ('Your SELU is right for negative inputs but not for positive ones: the scale lambda '
        'multiplies both branches. Re-read handout section 9.')
CHANGES = [("SELU_SCALE * elu(input, alpha=SELU_ALPHA)", "elu(input, alpha=SELU_SCALE * SELU_ALPHA)")]
