"""MultiStepLR decaying at t = m + 1 for each milestone m (as if counting m < t): every drop one step late."""
COMPONENT = "MultiStepLR"
FILE = "schedules.py"
HINT = ("Your rates drop one step late: at t equal to a milestone the rate must already be decayed "
        "(a milestone m counts once t >= m). Re-read the formula in the MultiStepLR docstring.")
CHANGES = [("times = self.milestones[self.last_epoch]", "times = self.milestones[self.last_epoch - 1]")]
