"""EarlyStopping that stores model.state_dict() itself: its tensors share memory with the live weights, so
restore() brings back the latest weights, not the best."""
COMPONENT = "EarlyStopping"
FILE = "callbacks.py"
HINT = ("restore() did not bring back the best weights: model.state_dict() returns tensors that SHARE "
        "memory with the parameters, so every optimizer step after the best epoch also changed your 'saved'"
        " copy. Store a real copy of every tensor (handout section 8).")
CHANGES = [("copy.deepcopy(model.state_dict())", "model.state_dict()")]
