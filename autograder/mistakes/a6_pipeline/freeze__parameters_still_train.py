"""Only the batch norms frozen: the parameters keep requires_grad=True, so the optimizer updates them."""
COMPONENT = "freeze_"
FILE = "transfer.py"
HINT = ("Your frozen layers' parameters still require a gradient, so an optimizer built from the trainable "
        "parameters updates them: freezing a layer starts with requires_grad=False on each of its parameters.")
CHANGES = [("        for p in module.parameters(recurse=False):\n            p.requires_grad_(False)\n", "")]
