"""max_norm_ that rescales every row to norm max_norm, including rows that were already shorter
(a normalization instead of a constraint)."""
COMPONENT = "max_norm_"
FILE = "regularization.py"
HINT = ("Rows whose norm was already below max_norm changed too. Max-norm is a constraint, not a "
        "normalization: only rows with norm > max_norm are scaled down; the others stay exactly as they are "
        "(handout section 7).")
CHANGES = [("    scale = torch.where(row_norms > max_norm, max_norm / (row_norms + RENORM_EPS),\n"
            "                        torch.ones_like(row_norms))\n",
            "    scale = max_norm / (row_norms + RENORM_EPS)\n")]
