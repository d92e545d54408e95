"""Lookahead copying the slow weights after the first inner step instead of before it: the first sync pulls
back towards θ_1, not θ_0."""
COMPONENT = "Lookahead"
FILE = "optimizers.py"
HINT = ("Your Lookahead's first sync differs: the slow weights start where the parameters were before "
        "any fast step (θ_0). Re-read handout section 7.")
CHANGES = [("                loss = closure()\n\n",
            "                loss = closure()\n\n"
            "        self.optimizer.step()\n"),
           ("        self.optimizer.step()  # the gradients are already there; the closure ran above\n", "")]
