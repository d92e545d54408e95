"""Default negative_slope 0.3 (Keras' old default) instead of torch's 0.01: right whenever the slope is given."""
COMPONENT = "leaky_relu"
FILE = "activations.py"
HINT = ("Your function is right when the slope is given, but the default slope differs from torch's"
        ' (negative_slope=0.01). Check the signature in the docstring.')
CHANGES = [("negative_slope: float = 0.01", "negative_slope: float = 0.3")]
