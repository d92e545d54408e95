"""Dropout module that ignores inplace=True: it returns a new tensor and leaves the input unchanged."""
COMPONENT = "Dropout"
FILE = "regularization.py"
HINT = ("With inplace=True, torch.nn.Dropout writes the result into its input and returns that same tensor; "
        "yours returns a new tensor and leaves the input as it was. Look at how you use self.inplace.")
CHANGES = [("        if self.inplace and y is not x:\n            return x.copy_(y)\n", "")]
