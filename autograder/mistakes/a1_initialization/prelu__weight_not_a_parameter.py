"""The slopes are a plain tensor: right values, but no gradient, and invisible to the optimizer."""
COMPONENT = "PReLU"
FILE = "activations.py"
HINT = ('Your PReLU computes the right values but its slopes never learn: the weight must be a '
        'torch.nn.Parameter so it appears in module.parameters() and receives a gradient. Re-read '
        'handout section 8.')
CHANGES = [("torch.nn.Parameter(torch.empty(num_parameters, device=device, dtype=dtype))",
            "torch.empty(num_parameters, device=device, dtype=dtype)")]
