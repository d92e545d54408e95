"""EarlyStopping counting an improvement of exactly min_delta as an improvement (<= and >= instead of < and >)."""
COMPONENT = "EarlyStopping"
FILE = "callbacks.py"
HINT = ("A metric that beat the best by exactly min_delta counted as an improvement. The rule is strict: an"
        " improvement must beat the best by MORE than min_delta (handout section 8). Check < versus <= in "
        "your comparison.")
CHANGES = [("metric < self.best - self.min_delta", "metric <= self.best - self.min_delta"),
           ("metric > self.best + self.min_delta", "metric >= self.best + self.min_delta")]
