"""dropout treating p as the probability of KEEPING a unit (Keras/TensorFlow 1 keep_prob convention):
about a fraction p survives, scaled by 1/p; p = 1 returns x and p = 0 returns zeros."""
COMPONENT = "dropout"
FILE = "regularization.py"
HINT = ("About p of the units survive instead of about 1 - p: p is the probability of DROPPING a unit, as in "
        "PyTorch (old TensorFlow code used keep_prob). Check the comparison that builds your mask and the "
        "scale you divide by.")
CHANGES = [("    if not training or p == 0.0:\n", "    if not training or p == 1.0:\n"),
           ("    if p == 1.0:\n        return x * torch.zeros", "    if p == 0.0:\n        return x * torch.zeros"),
           (" >= p  # P(keep) = 1 - p\n", " < p  # P(keep) = p\n"),
           ("/ (1.0 - p))\n", "/ p)\n")]
