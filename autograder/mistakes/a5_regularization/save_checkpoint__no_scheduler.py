"""save_checkpoint that forgets the learning-rate scheduler's state (it stores None)."""
COMPONENT = "save_checkpoint"
FILE = "callbacks.py"
HINT = ("The checkpoint holds no scheduler state, so a resumed run restarts the learning-rate schedule from"
        " the beginning (or cannot restore it). Everything that changes during training belongs in the "
        "checkpoint: re-read the list in handout section 9.")
CHANGES = [('"scheduler": scheduler.state_dict() if scheduler is not None else None,', '"scheduler": None,')]
