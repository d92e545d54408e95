"""The class similarity report (tools/similarity.py): a planted near-copy among distinct submissions is found,
and nothing else; the stub's code and what the whole class writes alike are not evidence; the page escapes code.

Each student hands in a2's optimizers.py with their own SGD.step (the stub's other components untouched), so the
stub's docstrings and signatures are in every file, as in a real class.
"""
import csv
import sys

from support import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import similarity  # noqa: E402

STUB = (ROOT / "assignments" / "a2_optimizers" / "optimizers.py").read_text()
MARK = "        # YOUR CODE HERE\n        raise NotImplementedError('Task 2.1 - handout section 1 \"SGD with momentum\"')\n"

# Five students' SGD.step, each written their own way.
STEPS = {
    "ada": '''
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                d_p = p.grad if not group["maximize"] else -p.grad
                if group["weight_decay"] != 0:
                    d_p = d_p.add(p, alpha=group["weight_decay"])
                if group["momentum"] != 0:
                    state = self.state[p]
                    if "momentum_buffer" not in state:
                        buf = state["momentum_buffer"] = torch.clone(d_p).detach()
                    else:
                        buf = state["momentum_buffer"]
                        buf.mul_(group["momentum"]).add_(d_p, alpha=1 - group["dampening"])
                    d_p = d_p.add(buf, alpha=group["momentum"]) if group["nesterov"] else buf
                p.add_(d_p, alpha=-group["lr"])
        return loss
''',
    "bo": '''
        loss = closure() if closure else None
        for g in self.param_groups:
            lr, mu, tau, wd = g['lr'], g['momentum'], g['dampening'], g['weight_decay']
            params_with_grad = [q for q in g['params'] if q.grad is not None]
            for q in params_with_grad:
                grad = -q.grad if g['maximize'] else q.grad
                grad = grad + wd * q if wd else grad
                if mu:
                    st = self.state[q]
                    b = st.get('momentum_buffer')
                    b = grad.clone() if b is None else mu * b + (1.0 - tau) * grad
                    st['momentum_buffer'] = b
                    grad = grad + mu * b if g['nesterov'] else b
                q -= lr * grad
        return loss
''',
    "cy": '''
        total = None
        if closure is not None:
            with torch.enable_grad():
                total = closure()
        for settings in self.param_groups:
            self._update_group(settings)
        return total

    def _update_group(self, settings):
        sign = -1.0 if settings["maximize"] else 1.0
        for weight in filter(lambda t: t.grad is not None, settings["params"]):
            direction = sign * weight.grad
            if settings["weight_decay"]:
                direction = torch.add(direction, weight, alpha=settings["weight_decay"])
            velocity = self.state[weight].get("momentum_buffer") if settings["momentum"] else None
            if settings["momentum"]:
                if velocity is None:
                    velocity = direction.detach().clone()
                else:
                    velocity = velocity * settings["momentum"] + direction * (1 - settings["dampening"])
                self.state[weight]["momentum_buffer"] = velocity
                if settings["nesterov"]:
                    direction = direction + settings["momentum"] * velocity
                else:
                    direction = velocity
            weight.sub_(settings["lr"] * direction)
        return None
''',
    "dee": '''
        result = None
        if closure:
            with torch.enable_grad():
                result = closure()
        for grp in self.param_groups:
            i = 0
            while i < len(grp["params"]):
                x = grp["params"][i]
                i += 1
                if x.grad is None:
                    continue
                step = x.grad.neg() if grp["maximize"] else x.grad.clone()
                step.add_(x, alpha=grp["weight_decay"])
                m = grp["momentum"]
                if m > 0:
                    memory = self.state[x]
                    if len(memory) == 0:
                        memory["momentum_buffer"] = step.clone()
                    else:
                        memory["momentum_buffer"].mul_(m).add_(step * (1 - grp["dampening"]))
                    step = step + m * memory["momentum_buffer"] if grp["nesterov"] else memory["momentum_buffer"]
                x.data.add_(-grp["lr"] * step)
        return result
''',
    "eli": '''
        value = closure() if callable(closure) else None
        updates = []
        for hp in self.param_groups:
            for tensor in hp["params"]:
                if tensor.grad is not None:
                    updates.append((hp, tensor))
        for hp, tensor in updates:
            gradient = tensor.grad * (-1 if hp["maximize"] else 1)
            if hp["weight_decay"] > 0:
                gradient = gradient + tensor * hp["weight_decay"]
            if hp["momentum"] > 0:
                prev = self.state[tensor].setdefault("momentum_buffer", None)
                new = gradient.clone() if prev is None else torch.lerp(gradient, prev, 0) * 0 + (
                    hp["momentum"] * prev + (1 - hp["dampening"]) * gradient)
                self.state[tensor]["momentum_buffer"] = new
                gradient = (gradient + hp["momentum"] * new) if hp["nesterov"] else new
            tensor.add_(gradient, alpha=-hp["lr"])
        return value
''',
}

# Fay copies Ada: every name changed, comments added, layout and quotes changed, one line split.
FAY = '''
        l = None   # the loss
        if closure is not None:
            with torch.enable_grad():
                l = closure()
        for pg in self.param_groups:   # each group has its own settings
            for w in pg['params']:
                if w.grad is None:
                    continue   # frozen or unused
                gr = w.grad if not pg['maximize'] else -w.grad
                if pg['weight_decay'] != 0:
                    gr = gr.add(w, alpha=pg['weight_decay'])   # L2
                if pg['momentum'] != 0:
                    s = self.state[w]
                    if 'momentum_buffer' not in s:
                        v = s['momentum_buffer'] = torch.clone(gr).detach()
                    else:
                        v = s['momentum_buffer']
                        v.mul_(pg['momentum']).add_(gr,
                                                    alpha=1 - pg['dampening'])
                    gr = gr.add(v, alpha=pg['momentum']) if pg['nesterov'] else v
                w.add_(gr, alpha=-pg['lr'])   # the step
        return l
'''

FILES = {"a2_optimizers": ["optimizers.py"]}


def submission(tmp_path, student, step):
    assert STUB.count(MARK) == 1
    folder = tmp_path / student / "a2_optimizers"
    folder.mkdir(parents=True)
    (folder / "optimizers.py").write_text(STUB.replace(MARK, step.strip("\n") + "\n"))
    return tmp_path / student


def test_the_planted_copy_is_the_only_pair(tmp_path):
    roots = {s: submission(tmp_path, s, step) for s, step in {**STEPS, "fay": FAY}.items()}
    pairs = similarity.similar_pairs(roots, FILES, ROOT / "assignments", threshold=0.8)
    assert [(p.component, p.students) for p in pairs] == [("a2_optimizers/optimizers.py:SGD", ("ada", "fay"))]
    assert min(pairs[0].similarity) > 0.9
    # The distinct ones are not close, so the threshold is not what separates them.
    everything = similarity.similar_pairs(roots, FILES, ROOT / "assignments", threshold=0.0)
    assert all(max(p.similarity) < 0.5 for p in everything if p.students != ("ada", "fay"))

    similarity.write_report(pairs, tmp_path)
    rows = list(csv.DictReader((tmp_path / "similarity.csv").open()))
    assert [(r["component"], r["student_a"], r["student_b"]) for r in rows] == [
        ("a2_optimizers/optimizers.py:SGD", "ada", "fay")]
    page = (tmp_path / "similarity.html").read_text()
    assert "<mark>" in page and "fay" in page and "1 pairs" in page


def test_untouched_stubs_and_what_everyone_writes_are_not_evidence(tmp_path):
    stubs = {f"stub{i}": submission(tmp_path, f"stub{i}", MARK) for i in range(3)}
    assert similarity.similar_pairs(stubs, FILES, ROOT / "assignments", threshold=0.5) == []
    # Twelve students with Ada's code: shared by more than `common` students, so it says nothing about a pair.
    same = {f"s{i:02}": submission(tmp_path / "same", f"s{i:02}", STEPS["ada"]) for i in range(12)}
    assert similarity.similar_pairs(same, FILES, ROOT / "assignments", threshold=0.5) == []


def test_the_page_escapes_student_code(tmp_path):
    evil = STEPS["ada"].replace('loss = None', 'loss = None  # </pre><script>alert(1)</script>')
    roots = {"ada": submission(tmp_path, "ada", STEPS["ada"]), "mal": submission(tmp_path, "mal", evil)}
    pairs = similarity.similar_pairs(roots, FILES, ROOT / "assignments", threshold=0.8)
    assert [p.students for p in pairs] == [("ada", "mal")]
    similarity.write_report(pairs, tmp_path)
    page = (tmp_path / "similarity.html").read_text()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "default-src 'none'" in page


def test_a_file_that_does_not_parse_is_skipped(tmp_path):
    roots = {"ada": submission(tmp_path, "ada", STEPS["ada"]), "fay": submission(tmp_path, "fay", FAY)}
    (roots["fay"] / "a2_optimizers" / "optimizers.py").write_text("def broken(:\n")
    assert similarity.similar_pairs(roots, FILES, ROOT / "assignments", threshold=0.5) == []


def test_grade_class_finds_each_students_files_as_the_grader_does(tmp_path):
    """write_similarity locates each entry like the grader (a folder, a zip, wrapped), and skips what is unusable."""
    import shutil
    import grade_class

    class_dir = tmp_path / "class"
    for student, step in {"ada": STEPS["ada"], "bo": STEPS["bo"], "fay": FAY}.items():
        submission(class_dir / "made", student, step)
        shutil.copytree(class_dir / "made" / student, class_dir / student / "my-work")   # wrapped in a folder
    shutil.make_archive(str(class_dir / "fay"), "zip", class_dir / "fay")
    shutil.rmtree(class_dir / "fay")
    (class_dir / "broken.zip").write_bytes(b"not a zip")
    entries = sorted(p for p in class_dir.iterdir() if p.name != "made")
    out = tmp_path / "out"
    out.mkdir()
    grade_class.write_similarity(entries, out, FILES, 0.8)
    rows = list(csv.DictReader((out / "similarity.csv").open()))
    assert [(r["student_a"], r["student_b"]) for r in rows] == [("ada", "fay")]
