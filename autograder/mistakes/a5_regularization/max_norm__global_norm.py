"""max_norm_ that uses the norm of the whole weight tensor instead of one norm per output unit: every row
is scaled by the same factor, and only when the whole tensor is longer than max_norm."""
COMPONENT = "max_norm_"
FILE = "regularization.py"
HINT = ("You constrain the norm of the whole matrix; the constraint is per output unit: each row "
        "weight[i] (everything feeding unit i) gets its own norm and, if too long, its own scale "
        "(handout section 7).")
CHANGES = [("weight.reshape(weight.shape[0], -1).norm(p=2, dim=1)", "weight.norm(p=2)")]
