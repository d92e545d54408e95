"""Clamped at two std (an attempt at Keras-style truncation): spread 4% small, a pile at +-2 std."""
COMPONENT = "lecun_normal_"
FILE = "initializers.py"
HINT = ("Your weights' spread is about 4% too small and about 5% of them sit exactly at two standard"
        " deviations: clamping is not truncating, and this course's lecun_normal_ is a plain, untruncated"
        " normal (the docstring says so). Re-read handout section 6.")
CHANGES = [("return tensor.normal_(0.0, std, generator=generator)",
            "return tensor.normal_(0.0, std, generator=generator).clamp_(-2 * std, 2 * std)")]
