"""max_norm_ that takes norms over dim 0 (columns = input units) instead of rows (output units): it
constrains the weights leaving each input."""
COMPONENT = "max_norm_"
FILE = "regularization.py"
HINT = ("You constrain the columns (the weights leaving each input), not the rows. A Linear weight is "
        "[out_features, in_features]: the incoming weights of output unit i are the row weight[i], so the "
        "norm runs over every dim except dim 0.")
CHANGES = [("weight.reshape(weight.shape[0], -1).norm(p=2, dim=1)", "weight.norm(p=2, dim=0, keepdim=True)"),
           ("weight.mul_(scale.reshape(-1, *([1] * (weight.dim() - 1))))   # broadcast one factor per row\n",
            "weight.mul_(scale)\n")]
