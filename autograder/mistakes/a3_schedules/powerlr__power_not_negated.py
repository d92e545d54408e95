"""PowerLR multiplying by (1 + t/s)^c instead of dividing: the rate grows."""
COMPONENT = "PowerLR"
FILE = "schedules.py"
HINT = ("Your rate grows over time instead of decaying: (1 + t/s)^c belongs in the denominator (or use the "
        "power -c). Re-read the PowerLR docstring.")
CHANGES = [("factor = (1.0 + self.last_epoch / self.s) ** -self.c",
            "factor = (1.0 + self.last_epoch / self.s) ** self.c")]
