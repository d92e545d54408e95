"""The test split used as the validation set: early stopping and the best epoch are chosen on the test set."""
COMPONENT = "train"
FILE = "pipeline.py"
HINT = ("train() ran the model on the test split: every decision (the best epoch, when to stop) must be made on "
        "data.val; the test split is looked at once, by final_report, after training.")
CHANGES = [("evaluate(model, batches(data.val.x, data.val.y, EVAL_BATCH_SIZE, shuffle=False))",
            "evaluate(model, batches(data.test.x, data.test.y, EVAL_BATCH_SIZE, shuffle=False))")]
