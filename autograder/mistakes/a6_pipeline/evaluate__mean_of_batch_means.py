"""The mean of the batch means: a smaller last batch counts as much as a full one."""
COMPONENT = "evaluate"
FILE = "pipeline.py"
HINT = ("Your loss is the average of the batch averages; when the last batch is smaller its examples weigh "
        "more. Sum loss x batch size and divide by the number of examples.")
CHANGES = [("    loss_sum, correct, count = 0.0, 0, 0\n", "    loss_sum, correct, count, n_batches = 0.0, 0, 0, 0\n"),
           ("                loss_sum += label_smoothing_cross_entropy(logits, y).item() * len(y)\n",
            "                loss_sum += label_smoothing_cross_entropy(logits, y).item()\n                n_batches += 1\n"),
           ("    return loss_sum / count, correct / count\n", "    return loss_sum / n_batches, correct / count\n")]
