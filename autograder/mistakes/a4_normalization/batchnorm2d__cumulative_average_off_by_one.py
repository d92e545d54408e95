"""BatchNorm2d with momentum=None dividing by num_batches_tracked + 1 (counted after incrementing): the first
batch gets weight 1/2, so the running statistics lag behind the plain average.
"""
COMPONENT = "BatchNorm2d"
FILE = "normalization.py"
SCOPE = "_BatchNorm"  # the shared code of BatchNorm1d and BatchNorm2d
HINT = ("With momentum=None your running statistics lag behind torch's. The cumulative average after "
        "k batches weighs the k-th batch by 1/k, where k already counts the current batch. "
        "Re-read handout section 2 (running statistics, momentum=None).")
CHANGES = [("factor = 1.0 / self.num_batches_tracked.item()",
            "factor = 1.0 / (self.num_batches_tracked.item() + 1)")]
