"""Unfrozen batch norms keep the frozen train(): they stay in eval mode for good."""
COMPONENT = "unfreeze_"
FILE = "transfer.py"
HINT = ("Your unfrozen batch norms stay in eval mode after model.train(): undo what freeze_ did to keep them "
        "there, so that they follow the model's mode again.")
CHANGES = [("            vars(module).pop(\"train\", None)   # the class's train() again\n", "")]
