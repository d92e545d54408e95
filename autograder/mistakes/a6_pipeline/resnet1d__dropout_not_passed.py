"""The dropout argument never reaches the blocks: ResidualBlock1d(channels, 3) uses its default, 0.

The model trains without any dropout whatever its argument says.
"""
COMPONENT = "ResNet1d"
FILE = "model.py"
HINT = ("ResNet1d(dropout=...) has no effect in train mode: pass the dropout probability on to every "
        "residual block you build.")
CHANGES = [("[ResidualBlock1d(channels, 3, dropout) for _ in range(num_blocks)]",
            "[ResidualBlock1d(channels, 3) for _ in range(num_blocks)]")]
