"""scheduler.step() once per epoch, although the schedule was built for epochs x batches steps."""
COMPONENT = "train"
FILE = "pipeline.py"
SCOPE = "train_epoch"  # the helper train runs each epoch
HINT = ("Your learning rate changes only once per epoch: the schedule counts optimizer steps (it was built "
        "over epochs x batches per epoch), so call scheduler.step() after every optimizer.step().")
CHANGES = [("        optimizer.step()\n        if scheduler is not None:\n            scheduler.step()\n"
            "        loss_sum += loss.item() * len(y)\n        seen += len(y)\n",
            "        optimizer.step()\n        loss_sum += loss.item() * len(y)\n        seen += len(y)\n"
            "    if scheduler is not None:\n        scheduler.step()\n")]
