"""The zero branch taken for x < 0 instead of x <= 0: right values, but relu'(0) = 1 instead of torch's 0."""
COMPONENT = "relu"
FILE = "activations.py"
HINT = ("Your values are right but the gradient at exactly x = 0 is 1, and torch's convention is "
        "relu'(0) = 0 (the derivative of the branch for x <= 0). Check which comparison picks the "
        'branch. Re-read the kink convention in handout section 7.')
CHANGES = [("torch.where(input <= 0, 0.0, input)", "torch.where(input < 0, 0.0, input)")]
