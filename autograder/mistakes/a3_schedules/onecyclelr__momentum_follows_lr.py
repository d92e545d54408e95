"""OneCycleLR moving momentum in the same direction as the rate (base -> max while the rate rises)."""
COMPONENT = "OneCycleLR"
FILE = "schedules.py"
HINT = ("Your momentum moves with the learning rate; in 1cycle it moves against it: high momentum "
        "(max_momentum) while the rate is low, base_momentum at the peak rate. Re-read the OneCycleLR table.")
CHANGES = [("self._anneal(group[momentum_from], group[momentum_to], pct)",
            "self._anneal(group[momentum_to], group[momentum_from], pct)")]
