"""Receptive field taken from the last dimension only: right for Linear and Conv1d, too small for 2-D/3-D kernels."""
COMPONENT = "calculate_fan_in_and_fan_out"
FILE = "initializers.py"
HINT = ('Your fans are right for Linear and Conv1d weights but not for 2-D or 3-D kernels: the '
        'receptive field is the product of all the kernel dimensions (everything after dim 1). Re-'
        'read handout section 2.')
CHANGES = [("    for size in tensor.shape[2:]:", "    for size in tensor.shape[-1:] if tensor.dim() > 2 else ():")]
