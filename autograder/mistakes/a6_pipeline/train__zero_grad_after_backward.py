"""optimizer.zero_grad() between backward and step: every step sees zero gradients (only weight decay acts)."""
COMPONENT = "train"
FILE = "pipeline.py"
SCOPE = "train_epoch"  # the helper train runs each epoch
HINT = ("At the optimizer step the gradients were already zero: zero_grad must come before loss.backward() "
        "(at the start of each batch), not between backward and step.")
CHANGES = [("        optimizer.zero_grad()\n        loss = label_smoothing_cross_entropy(model(x), y, config.label_smoothing)\n"
            "        loss.backward()\n",
            "        loss = label_smoothing_cross_entropy(model(x), y, config.label_smoothing)\n"
            "        loss.backward()\n        optimizer.zero_grad()\n")]
