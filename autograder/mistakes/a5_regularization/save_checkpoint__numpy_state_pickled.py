"""save_checkpoint that stores np.random.get_state() as it is: it holds a NumPy array, so
torch.load(path, weights_only=True) refuses the file."""
COMPONENT = "save_checkpoint"
FILE = "callbacks.py"
HINT = ("torch.load(path, weights_only=True) refuses your checkpoint: it contains an object that is not a "
        "tensor or a plain Python value (NumPy's random state holds a NumPy array). Safe loading exists "
        "because unpickling can run code (handout section 9): store that state in pieces, the array as a "
        "tensor or list.")
CHANGES = [('        "rng": get_rng_states(),\n',
            '        "rng": {**get_rng_states(), "numpy": np.random.get_state()},\n')]
