"""CosineAnnealingLR with period T_max - 1: the minimum comes one step early (and so does every later one)."""
COMPONENT = "CosineAnnealingLR"
FILE = "schedules.py"
HINT = ("Your cosine reaches eta_min one step early: the rate is eta_min at t = T_max itself (the angle is "
        "pi * t / T_max), not at T_max - 1. Re-read the CosineAnnealingLR formula in handout section 5.")
CHANGES = [("t, period = self.last_epoch, self.T_max\n", "t, period = self.last_epoch, self.T_max - 1\n")]
