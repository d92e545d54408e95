"""CosineAnnealingLR annealing to 0 whatever eta_min says: eta_min left out of both branches of the recursion."""
COMPONENT = "CosineAnnealingLR"
FILE = "schedules.py"
HINT = ("Your rates are right with eta_min = 0 but not otherwise: the cosine runs between eta_0 and eta_min, "
        "so eta_min is both added and subtracted in the formula. Re-read handout section 5.")
CHANGES = [("(base_lr - self.eta_min) * (1 - math.cos(math.pi / period))",
            "base_lr * (1 - math.cos(math.pi / period))"),
           ('[self.eta_min + (group["lr"] - self.eta_min) * ratio', '[group["lr"] * ratio')]
