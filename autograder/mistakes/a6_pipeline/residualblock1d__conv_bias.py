"""The convolutions keep their default bias=True: conv1.bias and conv2.bias appear in the state_dict.

A bias right before a batch norm does nothing (the batch mean removes it, β replaces it), and the extra
entries keep the model from loading weights saved with the spec's names.
"""
COMPONENT = "ResidualBlock1d"
FILE = "model.py"
HINT = ("Your state_dict has conv1.bias and conv2.bias: the convolutions are followed by batch norm, whose β "
        "already shifts each channel, so they are built without a bias.")
CHANGES = [
    ("        self.conv1 = nn.Conv1d(channels, channels, kernel_size, padding=kernel_size // 2, bias=False)\n",
     "        self.conv1 = nn.Conv1d(channels, channels, kernel_size, padding=kernel_size // 2)\n"),
    ("        self.conv2 = nn.Conv1d(channels, channels, kernel_size, padding=kernel_size // 2, bias=False)\n",
     "        self.conv2 = nn.Conv1d(channels, channels, kernel_size, padding=kernel_size // 2)\n"),
]
