"""Leaky ReLU gain computed as sqrt(2) * negative_slope (the slope used as the gain): 0.014 instead of 1.41 by default."""
COMPONENT = "calculate_gain"
FILE = "initializers.py"
HINT = ('Your leaky_relu gain is far too small: the negative slope is not the gain. The gain undoes'
        ' the loss of second moment through the nonlinearity; compute E[leaky_relu(x)^2] for x ~ '
        'N(0, 1). Re-read handout section 4.')
CHANGES = [("math.sqrt(2.0 / (1 + negative_slope ** 2))", "math.sqrt(2.0) * negative_slope")]
