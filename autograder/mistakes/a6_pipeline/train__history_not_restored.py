"""Resuming without the history: the returned history starts at the epoch of the restart."""
COMPONENT = "train"
FILE = "pipeline.py"
HINT = ("The resumed run's history lacks the epochs before the interruption: save the history in last.pt and "
        "load it back, so that a resumed run returns the whole of it.")
CHANGES = [("            history = saved[\"history\"]\n", "")]
