"""One shared slope whatever num_parameters says: a weight of shape [1] instead of [C]."""
COMPONENT = "PReLU"
FILE = "activations.py"
HINT = ('Your PReLU always holds a single slope: with num_parameters=C it must learn one slope per '
        'channel (weight of shape [C]). Re-read handout section 8.')
CHANGES = [("torch.empty(num_parameters,", "torch.empty(1,")]
