"""erf(x) instead of erf(x / sqrt(2)): the CDF of a normal with variance 1/2 (gelu(1) = 0.92 instead of 0.84)."""
COMPONENT = "gelu"
FILE = "activations.py"
HINT = ('Your exact GELU is off: the standard normal CDF is Phi(x) = (1 + erf(x / sqrt(2))) / 2; '
        'erf alone belongs to a normal with variance 1/2. Re-read handout section 10.')
CHANGES = [("torch.erf(input / math.sqrt(2.0))", "torch.erf(input)")]
