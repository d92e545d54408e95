"""Adagrad that starts the sum of squares at 0 whatever initial_accumulator_value says: with a starting value
the first steps are too large."""
COMPONENT = "Adagrad"
FILE = "optimizers.py"
HINT = ("With initial_accumulator_value set, your first steps are too large: the running sum of "
        "squared gradients starts at that value, not at zero. Re-read handout section 2 (the state "
        "and how it starts).")
CHANGES = [('state["sum"] = torch.full_like(p, self.defaults["initial_accumulator_value"])',
            'state["sum"] = torch.zeros_like(p)')]
