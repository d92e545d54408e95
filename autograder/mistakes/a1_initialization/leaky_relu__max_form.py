"""leaky_relu(x) = max(x, slope * x): wrong for slope > 1 (slope * x wins for x > 0), and at x = 0 the
gradient of the tie is split, (1 + slope) / 2."""
COMPONENT = "leaky_relu"
FILE = "activations.py"
HINT = ('max(x, slope * x) equals leaky ReLU only for slopes below 1, and at x = 0 autograd splits '
        'the gradient of the tie. Leaky ReLU is defined by the sign of x, not by a maximum. Re-read'
        ' handout section 8.')
CHANGES = [("torch.where(input > 0, input, input * negative_slope)", "torch.maximum(input, input * negative_slope)")]
