"""Copied from kaiming_uniform_: a uniform of the right variance, not a normal (nothing beyond sqrt(3) std)."""
COMPONENT = "kaiming_normal_"
FILE = "initializers.py"
HINT = ('Your weights have the right spread but the wrong distribution: they never go beyond a hard'
        ' bound, like a uniform. kaiming_normal_ draws from a normal distribution. Re-read handout '
        'section 5.')
CHANGES = [("    with torch.no_grad():\n", "    bound = math.sqrt(3.0) * std\n    with torch.no_grad():\n"),
           ("tensor.normal_(0.0, std,", "tensor.uniform_(-bound, bound,")]
