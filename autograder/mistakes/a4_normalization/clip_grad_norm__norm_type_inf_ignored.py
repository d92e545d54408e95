"""clip_grad_norm_ using (Σ|g|^p)^(1/p) for every p: at norm_type=inf that is inf ** 0 or 0 ** 0, a total norm
of 1, whatever the gradients.
"""
COMPONENT = "clip_grad_norm_"
FILE = "clipping.py"
HINT = ("Your clipping is right for norm_type 1, 2 and 3 but wrong for norm_type=inf. The formula "
        "(Σ|g|^p)^(1/p) does not work at p = inf: the infinity norm is the largest absolute entry of all "
        "the gradients. Re-read handout section 6 (gradient clipping, norm_type).")
CHANGES = [("    per_parameter_norms = [torch.linalg.vector_norm(g, norm_type).to(first_device) for g in grads]\n"
            "    total_norm = torch.linalg.vector_norm(torch.stack(per_parameter_norms), norm_type)\n",
            "    total_norm = sum((g.abs() ** norm_type).sum() for g in grads) ** (1.0 / norm_type)\n")]
