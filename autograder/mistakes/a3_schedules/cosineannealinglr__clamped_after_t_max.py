"""CosineAnnealingLR holding eta_min after T_max, where torch's cosine climbs back up (period 2 T_max)."""
COMPONENT = "CosineAnnealingLR"
FILE = "schedules.py"
HINT = ("Your rates match up to T_max and then stay at eta_min, but torch's CosineAnnealingLR does not stop: "
        "the cosine carries on (period 2 T_max) and the rate climbs back. Re-read the CosineAnnealingLR "
        "docstring, including what happens when t - 1 - T_max is a multiple of 2 T_max.")
CHANGES = [("        if t == 0:\n", "        if t == 0 or t > period:\n")]
