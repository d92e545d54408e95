"""Clipping before loss.backward(): it clips the (zeroed) old gradients, and the step uses unclipped ones."""
COMPONENT = "train"
FILE = "pipeline.py"
SCOPE = "train_epoch"  # the helper train runs each epoch
HINT = ("The gradients at the optimizer step were not clipped: clip_grad_norm_ acts on the .grad that exists "
        "when you call it, so call it after loss.backward() and before optimizer.step().")
CHANGES = [("        loss.backward()\n        if config.clip_norm is not None:\n"
            "            clip_grad_norm_(model.parameters(), config.clip_norm)\n",
            "        if config.clip_norm is not None:\n"
            "            clip_grad_norm_(model.parameters(), config.clip_norm)\n        loss.backward()\n")]
