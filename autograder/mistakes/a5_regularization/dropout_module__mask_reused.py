"""Dropout module that draws its mask once and reuses it on every forward pass (of the same shape):
every call drops the very same units."""
COMPONENT = "Dropout"
FILE = "regularization.py"
HINT = ("Two forward passes dropped exactly the same units. The mask must be drawn afresh on every call: a "
        "fixed mask just trains one thinner network instead of an ensemble of them (handout section 3, the "
        "ensemble view). Do not store the mask on the module.")
CHANGES = [("        self.inplace = inplace\n", "        self.inplace = inplace\n        self.mask = None\n"),
           ("        y = dropout(x, self.p, self.training)\n",
            "        if not self.training or self.p == 0.0:\n"
            "            return x\n"
            "        if self.mask is None or self.mask.shape != x.shape:\n"
            "            self.mask = dropout(torch.ones_like(x), self.p)\n"
            "        y = x * self.mask\n")]
