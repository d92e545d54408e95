"""Adagrad that ignores lr_decay: with lr_decay > 0 the steps are too large, more so every step."""
COMPONENT = "Adagrad"
FILE = "optimizers.py"
HINT = ("With lr_decay > 0 your steps are too large and the gap grows with every step: the learning "
        "rate itself decays as lr / (1 + (t - 1)·lr_decay). Re-read handout section 2 (lr_decay).")
CHANGES = [('decayed_lr = lr / (1 + (state["step"] - 1) * lr_decay)', "decayed_lr = lr")]
