"""l1_penalty computed with .item(): the right number, but a new leaf tensor that autograd cannot
differentiate (no gradient reaches the weights)."""
COMPONENT = "l1_penalty"
FILE = "regularization.py"
HINT = ("The value is right, but no gradient flows back to the weights, so adding the penalty to the loss "
        "changes nothing. .item(), float() or torch.tensor(...) cut the graph: keep the computation in "
        "tensor operations on the parameters themselves.")
CHANGES = [("    return lam * sum(w.abs().sum() for w in params)\n",
            "    total = sum(w.abs().sum().item() for w in params)\n"
            "    return torch.tensor(lam * total, dtype=params[0].dtype, device=params[0].device)\n")]
