"""relu(x) = (x + |x|) / 2: right values, but the gradient at 0 is 1/2."""
COMPONENT = "relu"
FILE = "activations.py"
HINT = ('Your values are right but at x = 0 autograd gives 1/2 (abs has derivative 0 there), while '
        "torch's relu'(0) = 0. Build relu so the x <= 0 branch is taken at 0. Re-read handout "
        'section 7.')
CHANGES = [("torch.where(input <= 0, 0.0, input)", "(input + input.abs()) / 2")]
