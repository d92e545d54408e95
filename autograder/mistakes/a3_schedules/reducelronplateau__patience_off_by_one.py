"""ReduceLROnPlateau cutting once the bad evaluations reach patience (>=), one evaluation early."""
COMPONENT = "ReduceLROnPlateau"
FILE = "schedules.py"
HINT = ("Your rate is cut one evaluation early: patience is the number of bad evaluations that are *tolerated*, "
        "so the cut comes when num_bad_epochs exceeds patience. Re-read step 3 of the ReduceLROnPlateau docstring.")
CHANGES = [("if self.num_bad_epochs > self.patience:", "if self.num_bad_epochs >= self.patience:")]
