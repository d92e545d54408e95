"""ResNet1d with the blocks appended one by one, the initialization in its own method (zero_init_residual as a
fill value), a loop over the blocks, and adaptive average pooling to length 1 instead of a mean."""
import torch
import torch.nn.functional as F
from torch import nn

from components import BatchNorm1d, kaiming_normal_, relu, xavier_uniform_

COMPONENT = "ResNet1d"
FILE = "model.py"


class ResNet1d(nn.Module):
    def __init__(self, in_channels=1, channels=32, num_blocks=2, num_classes=10, dropout=0.0,
                 zero_init_residual=True):
        super().__init__()
        self.stem = nn.Conv1d(in_channels, channels, kernel_size=5, padding=2, bias=False)
        self.stem_bn = BatchNorm1d(channels)
        self.blocks = nn.Sequential()
        for _ in range(num_blocks):
            self.blocks.append(ResidualBlock1d(channels, kernel_size=3, dropout=dropout))
        self.head = nn.Linear(channels, num_classes)
        self.reset_parameters(zero_init_residual)

    def reset_parameters(self, zero_init_residual):
        kaiming_normal_(self.stem.weight, mode="fan_in", nonlinearity="relu")
        xavier_uniform_(self.head.weight)
        with torch.no_grad():
            self.head.bias.fill_(0.0)
            for block in self.blocks:
                block.bn2.weight.fill_(0.0 if zero_init_residual else 1.0)

    def forward(self, x):
        if x.dim() == 2:
            x = x[:, None, :]
        h = relu(self.stem_bn(self.stem(x)))
        for block in self.blocks:
            h = block(h)
        return self.head(F.adaptive_avg_pool1d(h, 1).squeeze(-1))
