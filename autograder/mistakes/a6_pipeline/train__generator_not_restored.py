"""Resuming without the batch-order generator's state: after the restart the batches come in another order."""
COMPONENT = "train"
FILE = "pipeline.py"
HINT = ("The first epoch after resuming already differs: the torch.Generator that shuffles the batches (and "
        "draws the augmentations) is not one of the global generators save_checkpoint restores; save its "
        "get_state() in last.pt and set_state() it back.")
CHANGES = [("            generator.set_state(saved[\"generator\"].cpu())\n", "")]
