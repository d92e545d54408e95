"""Evaluating in training mode: dropout stays on and batch norm normalizes with (and updates) batch statistics."""
COMPONENT = "evaluate"
FILE = "pipeline.py"
HINT = ("The model ran in training mode while being evaluated: dropout was active and running statistics "
        "moved. Switch to eval mode first (and restore the old mode afterwards).")
CHANGES = [("    was_training = model.training\n    model.eval()\n", "    was_training = model.training\n")]
