"""The convolutions keep torch's default initialization (kaiming_uniform_ with a = sqrt(5)).

Their standard deviation is 1 / sqrt(3 fan_in), sqrt(6) times smaller than He's sqrt(2 / fan_in): each block
starts with a branch that is too small for ReLU.
"""
COMPONENT = "ResidualBlock1d"
FILE = "model.py"
HINT = ("The convolution weights at initialization are too small: they still hold torch's default "
        "initialization. Initialize both with your kaiming_normal_ (fan_in, ReLU gain) as the docstring says.")
CHANGES = [("        for conv in (self.conv1, self.conv2):\n"
            "            kaiming_normal_(conv.weight, mode=\"fan_in\", nonlinearity=\"relu\")\n", "")]
