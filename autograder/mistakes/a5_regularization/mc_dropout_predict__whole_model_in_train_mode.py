"""mc_dropout_predict that calls model.train(): dropout is on, but so is batch norm's training mode (it
normalizes with each batch's statistics and updates its running averages)."""
COMPONENT = "mc_dropout_predict"
FILE = "regularization.py"
HINT = ("Batch norm's running statistics changed during your predictions: model.train() switches EVERY "
        "module to training mode, so batch norm normalizes with the batch's statistics and updates its "
        "running averages. Put the model in eval mode, then switch on only the dropout modules "
        "(handout section 5).")
CHANGES = [("        model.eval()\n", "        model.train()\n")]
