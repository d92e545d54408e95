"""OneCycleLR always using the two-phase schedule, whatever three_phase says."""
COMPONENT = "OneCycleLR"
FILE = "schedules.py"
HINT = ("Your two-phase schedule is right, but three_phase=True has three phases: up to max_lr, back down "
        "to initial_lr in as many steps, then down to min_lr. Re-read the phase table in the OneCycleLR docstring.")
CHANGES = [("if self.three_phase:", "if False:")]
