"""GroupNorm ignoring num_groups: every channel of every sample is normalized alone (instance norm)."""
COMPONENT = "GroupNorm"
FILE = "normalization.py"
HINT = ("Your GroupNorm only matches torch when num_groups equals num_channels. The statistics of a "
        "group are taken over all of its channels (and all positions) together, not per channel. "
        "Re-read handout section 4 (group normalization).")
CHANGES = [("grouped = input.reshape(n, self.num_groups, -1)",
            "grouped = input.reshape(n, self.num_channels, -1)")]
