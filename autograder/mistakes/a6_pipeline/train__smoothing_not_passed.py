"""The training loss computed without config.label_smoothing: label smoothing is never on."""
COMPONENT = "train"
FILE = "pipeline.py"
SCOPE = "train_epoch"  # the helper train runs each epoch
HINT = ("Your first gradient is the plain cross-entropy's: pass config.label_smoothing to the training loss.")
CHANGES = [("        loss = label_smoothing_cross_entropy(model(x), y, config.label_smoothing)\n",
            "        loss = label_smoothing_cross_entropy(model(x), y)\n")]
