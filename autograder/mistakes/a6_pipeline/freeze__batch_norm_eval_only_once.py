"""Frozen batch norms put in eval mode once: the training loop's model.train() switches them back."""
COMPONENT = "freeze_"
FILE = "transfer.py"
HINT = ("After model.train() your frozen batch norms are in train mode again: they normalize with the new "
        "task's batch statistics and overwrite their running statistics, so the frozen layers still change. "
        "They must stay in eval mode whatever mode the model is put in.")
CHANGES = [("            module.train = functools.partial(_stay_in_eval_mode, module)\n            module.train()\n",
            "            module.eval()\n")]
