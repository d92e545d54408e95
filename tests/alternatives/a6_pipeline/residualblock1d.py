"""ResidualBlock1d with padding="same", the submodules registered in another order (both convolutions first),
the initialization as a loop over its Conv1d modules, and the forward written step by step."""
from torch import nn

from components import BatchNorm1d, Dropout, kaiming_normal_, relu

COMPONENT = "ResidualBlock1d"
FILE = "model.py"


class ResidualBlock1d(nn.Module):
    def __init__(self, channels, kernel_size=3, dropout=0.0):
        super().__init__()
        if kernel_size % 2 == 0:
            raise ValueError(f"kernel_size must be odd, got {kernel_size}")
        self.conv1 = nn.Conv1d(channels, channels, kernel_size, padding="same", bias=False)
        self.conv2 = nn.Conv1d(channels, channels, kernel_size, padding="same", bias=False)
        self.bn1 = BatchNorm1d(channels)
        self.bn2 = BatchNorm1d(channels)
        self.dropout = Dropout(p=dropout)
        for module in self.modules():
            if isinstance(module, nn.Conv1d):
                kaiming_normal_(module.weight, nonlinearity="relu")

    def forward(self, x):
        residual = x
        h = self.conv1(x)
        h = self.bn1(h)
        h = relu(h)
        h = self.dropout(h)
        h = self.conv2(h)
        h = self.bn2(h)
        return relu(h + residual)
