"""LayerNorm taking its statistics over the batch dim 0 (batch norm without running statistics)."""
COMPONENT = "LayerNorm"
FILE = "normalization.py"
HINT = ("Your LayerNorm output depends on the other samples in the batch. Layer norm normalizes each "
        "sample on its own, over its last len(normalized_shape) dims, never over the batch dim. "
        "Re-read handout section 4 (layer normalization).")
CHANGES = [("dims = list(range(input.dim() - k, input.dim()))        # the last k dims",
            "dims = [0]")]
