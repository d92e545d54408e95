"""Switching to eval mode and leaving the model there: the next training epoch runs without dropout."""
COMPONENT = "evaluate"
FILE = "pipeline.py"
HINT = ("After evaluate the model stays in eval mode: remember model.training before switching and put it "
        "back at the end (in a finally block, so an error does not leave it switched either).")
CHANGES = [("    finally:\n        model.train(was_training)\n    if count == 0:",
            "    finally:\n        pass\n    if count == 0:")]
