"""Dropout module that ignores self.training: it keeps dropping units (and rescaling the rest) after model.eval()."""
COMPONENT = "Dropout"
FILE = "regularization.py"
HINT = ("After layer.eval() your Dropout still drops units. A module knows its mode from self.training "
        "(set by model.train() / model.eval()); pass it on. Re-read handout section 3.")
CHANGES = [("dropout(x, self.p, self.training)", "dropout(x, self.p)")]
