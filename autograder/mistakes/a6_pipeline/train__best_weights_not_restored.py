"""The stopper keeps the best weights but they are never put back: the model ends with the last epoch's."""
COMPONENT = "train"
FILE = "pipeline.py"
HINT = ("The model train() returned holds the last epoch's weights, not the best epoch's: the stopper keeps a "
        "copy of the best ones; load them back (stopper.restore(model)) before returning.")
CHANGES = [("    stopper.restore(model)\n    history[\"best_epoch\"]", "    history[\"best_epoch\"]")]
