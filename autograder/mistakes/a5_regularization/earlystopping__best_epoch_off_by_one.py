"""EarlyStopping whose best_epoch counts step() calls from 1 instead of 0: best_epoch is one too large."""
COMPONENT = "EarlyStopping"
FILE = "callbacks.py"
HINT = ("best_epoch is one too large: it is the 0-based index of the step() call that set the best metric "
        "(the first call is epoch 0). Look at when you update your step counter relative to best_epoch.")
CHANGES = [("            self.best_epoch = self.num_steps\n", "            self.best_epoch = self.num_steps + 1\n")]
