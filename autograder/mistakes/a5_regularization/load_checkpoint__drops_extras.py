"""load_checkpoint that returns only the epoch and drops the extra values saved with it."""
COMPONENT = "load_checkpoint"
FILE = "callbacks.py"
HINT = ("load_checkpoint must return {'epoch': epoch, **extra}: the extra keyword arguments given to "
        "save_checkpoint (best loss, history, ...) come back too.")
CHANGES = [(', **checkpoint.get("extra", {})}', "}")]
