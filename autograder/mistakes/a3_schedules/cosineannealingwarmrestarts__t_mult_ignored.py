"""CosineAnnealingWarmRestarts with every cycle T_0 long: T_mult ignored (stepping and step(epoch) alike)."""
COMPONENT = "CosineAnnealingWarmRestarts"
FILE = "schedules.py"
HINT = ("Your first cycle is right but later ones are too short: after each restart the cycle length T_i "
        "is multiplied by T_mult. Re-read the CosineAnnealingWarmRestarts docstring (handout section 5).")
CHANGES = [("        self.T_mult = T_mult\n", "        self.T_mult = 1\n")]
