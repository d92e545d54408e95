"""Weight decay on every parameter: biases and normalization parameters decayed too."""
COMPONENT = "discriminative_groups"
FILE = "transfer.py"
HINT = ("Your groups decay the 1-D parameters too (biases, batch-norm scales and shifts): a6's rule gives "
        "them weight_decay 0.0 and decays only weights with more than one dimension.")
CHANGES = [("\"lr\": lr, \"weight_decay\": 0.0}", "\"lr\": lr, \"weight_decay\": weight_decay}")]
