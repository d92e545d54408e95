"""model.eval() before validation and no model.train() after it: from the second epoch on, training runs in
eval mode (dropout off, batch norm normalizing with its running statistics and never updating them)."""
COMPONENT = "train"
FILE = "pipeline.py"
SCOPE = ["train", "train_epoch"]  # and the helper train runs each epoch
HINT = ("From the second epoch on your model trained in eval mode: after switching it to eval mode for "
        "validation, switch it back with model.train() at the start of each epoch.")
CHANGES = [("    model.train()\n    loss_sum, seen = 0.0, 0\n", "    loss_sum, seen = 0.0, 0\n"),
           ("        val_loss, val_accuracy = evaluate(model, batches(data.val.x, data.val.y, EVAL_BATCH_SIZE, shuffle=False))\n",
            "        model.eval()\n"
            "        val_loss, val_accuracy = evaluate(model, batches(data.val.x, data.val.y, EVAL_BATCH_SIZE, shuffle=False))\n")]
