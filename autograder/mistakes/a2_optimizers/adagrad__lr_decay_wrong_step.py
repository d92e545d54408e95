"""Adagrad decaying the learning rate with t instead of t - 1: with lr_decay > 0 every step, the first one
included, is slightly too small."""
COMPONENT = "Adagrad"
FILE = "optimizers.py"
HINT = ("With lr_decay > 0 your steps are slightly too small from the very first one: torch's first "
        "step uses lr itself and the decay starts afterwards (it counts t - 1 previous steps). "
        "Re-read handout section 2 (lr_decay and the step count).")
CHANGES = [('(state["step"] - 1) * lr_decay', 'state["step"] * lr_decay')]
