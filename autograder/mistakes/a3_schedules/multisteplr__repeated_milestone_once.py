"""MultiStepLR keeping the milestones in a set: a milestone listed twice decays only once."""
COMPONENT = "MultiStepLR"
FILE = "schedules.py"
HINT = ("Your rates match until a milestone that appears more than once in the list: there torch multiplies "
        "by gamma once per appearance (it counts the milestones). Re-read the MultiStepLR docstring.")
CHANGES = [("self.milestones = Counter(milestones)", "self.milestones = Counter(set(milestones))")]
