"""Evaluating with autograd on: every forward records a graph that is never used (memory and time wasted)."""
COMPONENT = "evaluate"
FILE = "pipeline.py"
HINT = ("The forwards in evaluate ran with autograd enabled, building graphs nobody differentiates: wrap the "
        "loop in torch.no_grad().")
CHANGES = [("        with torch.no_grad():\n            for x, y in batches:", "        with torch.enable_grad():\n            for x, y in batches:")]
