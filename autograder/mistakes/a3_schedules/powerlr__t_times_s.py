"""PowerLR with t/s inverted into t*s: the decay starts far too early (or too late)."""
COMPONENT = "PowerLR"
FILE = "schedules.py"
HINT = ("Your rate decays on the wrong time scale. s is measured in steps: the rate halves (for c = 1) "
        "when t reaches s, so t enters the formula divided by s. Re-read the PowerLR docstring.")
CHANGES = [("self.last_epoch / self.s", "self.last_epoch * self.s")]
