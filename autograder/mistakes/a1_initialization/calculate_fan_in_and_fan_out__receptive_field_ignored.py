"""Convolution kernels ignored: fans are just shape[1] and shape[0], too small by the kernel size for a conv weight."""
COMPONENT = "calculate_fan_in_and_fan_out"
FILE = "initializers.py"
HINT = ('Your fans are right for Linear weights but too small for convolution weights: each output '
        'of a convolution sums over in_channels times every kernel position. Re-read handout '
        'section 2 on the receptive field.')
CHANGES = [("    fan_in = tensor.shape[1] * receptive_field_size\n    fan_out = tensor.shape[0] * receptive_field_size\n",
            "    fan_in = tensor.shape[1]\n    fan_out = tensor.shape[0]\n")]
