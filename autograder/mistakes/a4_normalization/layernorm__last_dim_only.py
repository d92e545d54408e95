"""LayerNorm always normalizing over the last dim only: wrong whenever normalized_shape has several dims."""
COMPONENT = "LayerNorm"
FILE = "normalization.py"
HINT = ("Your LayerNorm is right when normalized_shape is one number but wrong for a tuple such as "
        "(3, 5). The statistics are taken over *all* the trailing dims named by normalized_shape "
        "together. Re-read handout section 4 (layer normalization).")
CHANGES = [("dims = list(range(input.dim() - k, input.dim()))        # the last k dims",
            "dims = [-1]")]
