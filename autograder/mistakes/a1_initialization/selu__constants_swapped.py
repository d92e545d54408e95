"""SELU's scale and alpha swapped: 1.673 * elu(x; alpha=1.051), 59% too large for x > 0."""
COMPONENT = "selu"
FILE = "activations.py"
HINT = ("Your SELU's constants are exchanged: alpha (about 1.673) multiplies exp(x) - 1 in the "
        'negative branch, and the scale lambda (about 1.051) multiplies everything. Re-read handout'
        ' section 9.')
CHANGES = [("SELU_SCALE * elu(input, alpha=SELU_ALPHA)", "SELU_ALPHA * elu(input, alpha=SELU_SCALE)")]
