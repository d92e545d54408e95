"""Resuming at the epoch the checkpoint holds instead of the one after it: that epoch is trained twice."""
COMPONENT = "train"
FILE = "pipeline.py"
HINT = ("The resumed run trained one epoch too many: last.pt is written after an epoch ends, so the run "
        "continues with the next one (saved epoch + 1).")
CHANGES = [("            first_epoch = saved[\"epoch\"] + 1\n", "            first_epoch = saved[\"epoch\"]\n")]
