"""mc_dropout_predict that restores modes with model.train(was_training), flattening mixed modes: every
module comes back in the top-level model's mode."""
COMPONENT = "mc_dropout_predict"
FILE = "regularization.py"
HINT = ("A model whose modules were in different modes (say, a frozen batch norm in eval mode inside a "
        "model being trained) came back with every module in the same mode. model.train(flag) sets ALL "
        "submodules; remember and restore each module's own training flag.")
CHANGES = [("    was_training = {module: module.training for module in model.modules()}\n",
            "    was_training = model.training\n"),
           ("        for module, mode in was_training.items():\n            module.training = mode\n",
            "        model.train(was_training)\n")]
