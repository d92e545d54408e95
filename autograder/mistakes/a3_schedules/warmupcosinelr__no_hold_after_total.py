"""WarmupCosineLR letting the cosine go on past total_steps, so the rate climbs back up."""
COMPONENT = "WarmupCosineLR"
FILE = "schedules.py"
HINT = ("Your rates are right up to total_steps and then rise again: after total_steps the rate stays at "
        "eta_min. Re-read the third case of the WarmupCosineLR formula.")
CHANGES = [("        if t > total:\n"
            "            return [self.eta_min for _ in self.base_lrs]\n",
            "")]
