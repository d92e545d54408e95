"""ReduceLROnPlateau always using the relative threshold, whatever threshold_mode says."""
COMPONENT = "ReduceLROnPlateau"
FILE = "schedules.py"
HINT = ("Your cuts come at the wrong time with threshold_mode=\"abs\": there an improvement must beat best by the "
        "fixed amount threshold (best - threshold in min mode), not by the fraction best * threshold. Re-read "
        "the is_better table.")
CHANGES = [("        self.threshold_mode = threshold_mode\n", '        self.threshold_mode = "rel"\n')]
