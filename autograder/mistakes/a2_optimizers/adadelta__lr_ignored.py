"""Adadelta that ignores lr (the original paper has none): with lr other than 1 every step is off by that factor."""
COMPONENT = "Adadelta"
FILE = "optimizers.py"
HINT = ("With lr other than 1.0 your steps are off by exactly that factor: torch's Adadelta scales "
        "the step by lr (default 1.0, the paper's method). Re-read handout section 6.")
CHANGES = [("p.add_(delta, alpha=-lr)", "p.sub_(delta)")]
