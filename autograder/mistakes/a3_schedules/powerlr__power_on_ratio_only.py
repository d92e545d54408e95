"""PowerLR computing eta_0 / (1 + (t/s)^c): the power applied to t/s alone (right only for c = 1)."""
COMPONENT = "PowerLR"
FILE = "schedules.py"
HINT = ("Your rates match for c = 1 but not for other powers: the power c applies to the whole (1 + t/s), "
        "not to t/s alone. Re-read the PowerLR formula.")
CHANGES = [("factor = (1.0 + self.last_epoch / self.s) ** -self.c",
            "factor = 1.0 / (1.0 + (self.last_epoch / self.s) ** self.c)")]
