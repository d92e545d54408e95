"""kaiming_normal_(..., mode="fan_out") on the stem: its fans differ (in_channels * 5 vs channels * 5).

With one input channel and 32 channels the stem's weights are sqrt(32) times too small.
"""
COMPONENT = "ResNet1d"
FILE = "model.py"
HINT = ("The stem's weights at initialization have the wrong spread: the stem has few input and many output "
        "channels, so it matters which fan sets the variance; He initialization for the forward pass uses fan_in.")
CHANGES = [('        kaiming_normal_(self.stem.weight, mode="fan_in", nonlinearity="relu")\n',
            '        kaiming_normal_(self.stem.weight, mode="fan_out", nonlinearity="relu")\n')]
