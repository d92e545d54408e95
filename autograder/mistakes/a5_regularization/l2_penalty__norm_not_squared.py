"""l2_penalty using each tensor's L2 norm ||w|| instead of its squared norm ||w||^2: the gradient is
lam/2 * w / ||w|| instead of lam * w."""
COMPONENT = "l2_penalty"
FILE = "regularization.py"
HINT = ("Your penalty uses the norm of each tensor, not its square: the gradient is then w / ||w||, not "
        "proportional to each weight. The L2 penalty is lam/2 times the sum of the SQUARES of all elements.")
CHANGES = [("w.pow(2).sum()", "w.norm()")]
