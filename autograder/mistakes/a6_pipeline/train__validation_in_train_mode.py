"""Validation written inline, under no_grad but in training mode: batch norm updates its running statistics
on the validation set, and dropout is on while measuring."""
COMPONENT = "train"
FILE = "pipeline.py"
HINT = ("Your validation forwards ran in training mode: batch norm then normalizes with, and updates its "
        "running statistics from, the validation batch, and dropout is on. Validate in eval mode (evaluate does).")
CHANGES = [("        val_loss, val_accuracy = evaluate(model, batches(data.val.x, data.val.y, EVAL_BATCH_SIZE, shuffle=False))\n",
            "        with torch.no_grad():\n            logits = model(data.val.x)\n"
            "            val_loss = label_smoothing_cross_entropy(logits, data.val.y).item()\n"
            "            val_accuracy = (logits.argmax(dim=-1) == data.val.y).double().mean().item()\n")]
