"""The validation inputs augmented like the training batches: the validation loss measures noisy signals."""
COMPONENT = "train"
FILE = "pipeline.py"
HINT = ("Your validation inputs were augmented: augmentation is for training batches only; evaluate the real "
        "validation signals.")
CHANGES = [("evaluate(model, batches(data.val.x, data.val.y, EVAL_BATCH_SIZE, shuffle=False))",
            "evaluate(model, [(augment(data.val.x, config, generator), data.val.y)])")]
