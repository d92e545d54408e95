"""Lookahead clearing the inner optimizer's state (momentum, moments) at every sync: the steps after each sync
start from scratch."""
COMPONENT = "Lookahead"
FILE = "optimizers.py"
HINT = ("Your Lookahead's steps after a sync differ: the inner optimizer keeps its state (momentum "
        "buffers, Adam's moments and step count) across syncs; only the weights are reset. Re-read "
        "handout section 7.")
CHANGES = [("                    p.copy_(slow)                           # fast ← slow\n",
            "                    p.copy_(slow)                           # fast ← slow\n"
            "            self.optimizer.state = defaultdict(dict)\n")]
