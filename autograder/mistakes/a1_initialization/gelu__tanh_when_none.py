"""The tanh approximation used even when approximate='none': off from the exact GELU by up to 4.7e-4."""
COMPONENT = "gelu"
FILE = "activations.py"
HINT = ("Your GELU with approximate='none' differs from torch by about 1e-4: that is the size of "
        "the tanh approximation's error. The default is the exact x * Phi(x), with Phi written "
        'through erf. Re-read handout section 10.')
CHANGES = [('    if approximate == "tanh":\n', '    if approximate in ("none", "tanh"):\n')]
