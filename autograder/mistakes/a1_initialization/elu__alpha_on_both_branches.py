"""alpha multiplies the positive branch too: alpha * x for x > 0 (right for alpha = 1 only)."""
COMPONENT = "elu"
FILE = "activations.py"
HINT = ('Your ELU is right for alpha=1 only: alpha multiplies the negative branch alone; for x > 0,'
        ' elu(x) = x. Re-read handout section 9.')
CHANGES = [("torch.where(input > 0, input, alpha * torch.expm1(non_positive))",
            "alpha * torch.where(input > 0, input, torch.expm1(non_positive))")]
