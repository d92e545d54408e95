"""Adagrad with eps inside the square root, √(s + eps) instead of √s + eps: far too small steps for parameters
with tiny gradients."""
COMPONENT = "Adagrad"
FILE = "optimizers.py"
HINT = ("Your steps are far too small for parameters with tiny gradients (and right for large ones): "
        "eps is added after the square root, so it only guards against division by zero. Inside the "
        "root it swamps small sums. Re-read handout section 2 (where eps goes).")
CHANGES = [('std = state["sum"].sqrt().add_(eps)', 'std = state["sum"].add(eps).sqrt_()')]
