"""Per-channel slopes broadcast against the last dim instead of dim 1: right on [N, C], wrong (or a shape
error) on [N, C, L] and images."""
COMPONENT = "PReLU"
FILE = "activations.py"
HINT = ('Your PReLU is right on [N, C] inputs but not on [N, C, L] or images: a weight of shape [C]'
        ' broadcasts against the last dimension, and the channels are dim 1. Reshape the slopes so '
        'they line up with dim 1. Re-read handout section 8.')
CHANGES = [("self.weight.reshape(-1, *([1] * (input.dim() - 2)))", "self.weight")]
