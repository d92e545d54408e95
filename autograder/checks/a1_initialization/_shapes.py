"""Weight shapes the initializer checks fill: [out, in, *kernel], each with fan_in far from fan_out (so swapped
fans, or one fan where the other belongs, change the spread a lot) and with 2·10^4 to 4·10^4 elements (so the
statistics are sharp; see _sampling.py). The public checks use other shapes."""

LINEAR = (96, 384)            # fan_in 384,  fan_out 96
CONV1D = (160, 24, 9)         # fan_in 216,  fan_out 1440
CONV2D = (128, 16, 3, 5)      # fan_in 240,  fan_out 1920
CONV3D = (64, 12, 3, 3, 3)    # fan_in 324,  fan_out 1728
