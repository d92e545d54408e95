"""ReduceLROnPlateau cutting below min_lr: the cut is lr * factor, never clamped to the group's min_lr."""
COMPONENT = "ReduceLROnPlateau"
FILE = "schedules.py"
HINT = ("Your rates fall below min_lr: each cut is lr * factor but never below the group's min_lr (min_lr may "
        "be a list, one per parameter group). Re-read step 3 of the ReduceLROnPlateau docstring.")
CHANGES = [("new_lr = max(old_lr * self.factor, min_lr)", "new_lr = old_lr * self.factor")]
