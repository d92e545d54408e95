"""The training batches in the same fixed order every epoch."""
COMPONENT = "train"
FILE = "pipeline.py"
SCOPE = "train_epoch"  # the helper train runs each epoch
HINT = ("Every epoch visited the training examples in the same order: shuffle them afresh each epoch (with "
        "your seeded generator, so the run stays repeatable).")
CHANGES = [("batches(data.train.x, data.train.y, config.batch_size, generator=generator)",
            "batches(data.train.x, data.train.y, config.batch_size, shuffle=False)")]
