"""Fans swapped: fan_in read from dim 0, fan_out from dim 1 (right for square weights only)."""
COMPONENT = "calculate_fan_in_and_fan_out"
FILE = "initializers.py"
HINT = ('Your fan_in and fan_out are exchanged. A Linear(in, out) weight has shape [out, in]: which'
        ' dimension counts the inputs each output sums over? Re-read handout section 2.')
CHANGES = [("    fan_in = tensor.shape[1] *", "    fan_in = tensor.shape[0] *"),
           ("    fan_out = tensor.shape[0] *", "    fan_out = tensor.shape[1] *")]
