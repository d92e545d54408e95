"""mc_dropout_predict without torch.no_grad(): every pass builds an autograd graph nobody uses (the mean
and std require grad; memory and time wasted)."""
COMPONENT = "mc_dropout_predict"
FILE = "regularization.py"
HINT = ("Your mean and std carry an autograd graph (requires_grad=True): all n_samples forward passes were "
        "recorded for a backward pass that never comes, which costs memory and time. Prediction needs no "
        "gradients: run the passes under torch.no_grad().")
CHANGES = [("        with torch.no_grad():\n            samples = ", "        samples = ")]
