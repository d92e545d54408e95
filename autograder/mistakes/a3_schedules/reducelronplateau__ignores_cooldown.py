"""ReduceLROnPlateau without cooldown: bad evaluations right after a cut count at once (the counter is not reset)."""
COMPONENT = "ReduceLROnPlateau"
FILE = "schedules.py"
HINT = ("Your rate is cut again too soon after a cut: during the cooldown evaluations (cooldown_counter > 0) the "
        "counter of bad evaluations is reset, so patience starts counting only after the cooldown. Re-read "
        "step 2 of the ReduceLROnPlateau docstring (handout section 9).")
CHANGES = [("            self.num_bad_epochs = 0                     # bad epochs during cooldown do not count\n",
            "")]
