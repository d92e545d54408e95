"""Resuming with a fresh EarlyStopping: it forgets the best loss and how many epochs have not improved."""
COMPONENT = "train"
FILE = "pipeline.py"
HINT = ("After resuming, early stopping decided differently: the stopper's state (best, best_epoch, the count "
        "of bad epochs, the best weights) must be saved in last.pt and put back.")
CHANGES = [("            vars(stopper).update(saved[\"stopper\"])\n", "")]
