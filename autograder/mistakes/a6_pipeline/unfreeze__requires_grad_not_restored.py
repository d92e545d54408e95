"""Unfreezing that restores the batch norms' mode but leaves requires_grad=False on the parameters."""
COMPONENT = "unfreeze_"
FILE = "transfer.py"
HINT = ("The parameters you unfroze still have requires_grad=False, so they get no gradient and no optimizer "
        "sees them: unfreezing sets requires_grad=True on each parameter of the named submodules.")
CHANGES = [("            p.requires_grad_(True)\n", "            pass\n")]
