"""Every parameter of the model unfrozen, not only those of the named submodules."""
COMPONENT = "unfreeze_"
FILE = "transfer.py"
HINT = ("You unfroze parameters outside the named submodules: unfreeze_ undoes freeze_ for the given prefixes "
        "only, and the rest of the backbone stays frozen.")
CHANGES = [("    for module in _matching(model, prefixes):\n        for p in module.parameters(recurse=False):\n"
            "            p.requires_grad_(True)\n",
            "    found = _matching(model, prefixes)\n    for p in model.parameters():\n        p.requires_grad_(True)\n"
            "    for module in found:\n")]
