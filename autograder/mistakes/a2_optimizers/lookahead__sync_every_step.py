"""Lookahead interpolating towards the slow weights after every inner step instead of every k: the weights
are pulled back k times too often."""
COMPONENT = "Lookahead"
FILE = "optimizers.py"
HINT = ("Your Lookahead pulls the weights back too often: the slow weights are updated, and the fast "
        "weights reset to them, only after every k inner steps. Re-read handout section 7.")
CHANGES = [("if self.fast_steps % self.k == 0:", "if True:")]
