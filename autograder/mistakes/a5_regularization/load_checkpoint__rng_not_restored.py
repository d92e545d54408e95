"""load_checkpoint that restores model, optimizer and scheduler but not the random number generators."""
COMPONENT = "load_checkpoint"
FILE = "callbacks.py"
HINT = ("After loading, the random numbers differ from the uninterrupted run's: the checkpoint holds the "
        "RNG states, but restoring them is load_checkpoint's job too (Python, NumPy, torch CPU and CUDA; "
        "handout section 9).")
CHANGES = [('    if checkpoint.get("rng") is not None:\n        set_rng_states(checkpoint["rng"])\n', "")]
