"""LR range test leaving the model trained and the optimizer at the last rate: only the mode is restored."""
COMPONENT = "lr_range_test"
FILE = "schedules.py"
HINT = ("Your rates and losses are right, but afterwards the model and optimizer are not as they were: the test "
        "trains the model with absurd rates, so save copies of model.state_dict() and optimizer.state_dict() "
        "first (deep copies: state_dict() holds the live tensors) and load them back at the end, even on an "
        "error. Re-read the lr_range_test docstring.")
CHANGES = [("        model.load_state_dict(saved_model)\n"
            "        optimizer.load_state_dict(saved_optimizer)\n",
            "")]
