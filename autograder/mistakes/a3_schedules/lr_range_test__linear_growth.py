"""LR range test growing the rate linearly from start_lr to end_lr: nearly every step at a large rate."""
COMPONENT = "lr_range_test"
FILE = "schedules.py"
HINT = ("Your rates grow linearly, so almost every step is spent at large rates and the small ones are never "
        "tried: the range test multiplies the rate by the same factor each step, lr_i = start_lr * (end_lr / "
        "start_lr)^(i / (num_iters - 1)). Re-read handout section 10.")
CHANGES = [("lr = start_lr * (end_lr / start_lr) ** (i / (num_iters - 1))",
            "lr = start_lr + (end_lr - start_lr) * i / (num_iters - 1)")]
