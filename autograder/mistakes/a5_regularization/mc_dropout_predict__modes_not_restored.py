"""mc_dropout_predict that switches dropout on and the rest to eval, and leaves the model like that."""
COMPONENT = "mc_dropout_predict"
FILE = "regularization.py"
HINT = ("After your call the model is left in a different mode than before (e.g. dropout still on in a model "
        "that was in eval mode, or batch norm frozen in a model that was training). Record every module's "
        "training flag first and put each one back afterwards, even if the forward pass raises.")
CHANGES = [("        # module.train(mode) would also set its children; set each flag on its own instead.\n"
            "        for module, mode in was_training.items():\n"
            "            module.training = mode\n",
            "        pass\n")]
