"""inplace=True returns a new tensor and leaves the input untouched."""
COMPONENT = "relu"
FILE = "activations.py"
HINT = ('With inplace=True, torch writes the result into the input tensor and returns that same '
        'tensor; yours returns a new tensor and leaves the input unchanged. Re-read the relu '
        'docstring.')
CHANGES = [("    return _write_result(input, result, inplace)\n", "    return result\n")]
