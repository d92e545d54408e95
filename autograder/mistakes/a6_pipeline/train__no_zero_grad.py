"""No zero_grad at all: gradients accumulate, so each step follows the sum of every earlier batch's gradient."""
COMPONENT = "train"
FILE = "pipeline.py"
SCOPE = "train_epoch"  # the helper train runs each epoch
HINT = ("Before a backward the gradients still held the previous batches': PyTorch adds new gradients to "
        ".grad, so zero them once per batch, before loss.backward().")
CHANGES = [("        optimizer.zero_grad()\n        loss = label_smoothing", "        loss = label_smoothing")]
