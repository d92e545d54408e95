"""save_checkpoint that stores model, optimizer and scheduler but no random number generator states: a
resumed run draws different dropout masks, shuffles and noise."""
COMPONENT = "save_checkpoint"
FILE = "callbacks.py"
HINT = ("Your resumed run drifts away from the uninterrupted one although weights, optimizer and scheduler "
        "were restored: dropout masks, shuffling and noise come from the random number generators (Python, "
        "NumPy, torch CPU and CUDA), whose states a resumable checkpoint must hold too (handout section 9).")
CHANGES = [('        "rng": get_rng_states(),\n', "")]
