"""alpha ignored: x for x > 0, exp(x) - 1 otherwise (right for alpha = 1 only)."""
COMPONENT = "elu"
FILE = "activations.py"
HINT = ('Your ELU is right for alpha=1 only: alpha scales the negative branch, alpha * (exp(x) - '
        '1), and so its limit for very negative x. Re-read handout section 9.')
CHANGES = [("alpha * torch.expm1(non_positive)", "torch.expm1(non_positive)")]
