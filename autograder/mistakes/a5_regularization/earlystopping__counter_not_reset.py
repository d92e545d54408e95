"""EarlyStopping that never resets its count of bad steps when the metric improves: it stops once patience
bad steps have happened in all, not in a row."""
COMPONENT = "EarlyStopping"
FILE = "callbacks.py"
HINT = ("Your stopper stopped too early after an improvement: patience counts bad steps IN A ROW, so an "
        "improvement must start the count again from 0.")
CHANGES = [("            self.best_epoch = self.num_steps\n            self.num_bad_steps = 0\n",
            "            self.best_epoch = self.num_steps\n")]
