#!/usr/bin/env python3
"""Judge the kind decision set by set, and a linear model on the kind cues
beside it, each set held out in turn (leave one set out).

Input: a dump of every figure's kind, year and cues, written by
  go test ./loader/extract -run TestKindDump -kinddump DUMP -kindsets NAME=DIR,... [-kindgoldmeta]
and, per set, the gold CSV of the notices in DIR (same names):
  train.py DUMP NAME=GOLD.csv ... [--l2 1.0]

A dump row matches a gold row of the same notice by the gold README's rule
(values within 0.1 %, same unit, the gold surface inside the sentence,
pinyin artefacts like (wǎng) dropped and, where the opencc command exists,
both sides in simplified characters), one to one; `ignore` rows drop out.
Scores are over matched figures only (kind and year, not finding them).

For every set it prints year accuracy and target P/R/F1 and 3-way kind
accuracy of the decision in the dump (kindOf), then the same for a
logistic regression on the binary cues (target vs not; gradient descent
with an L2 penalty, no third-party packages) trained on all the other sets
and scored on the held-out one; then the model fitted on all sets and its
weights. The model's held-out scores say what the cues can carry to notices
they were not fitted on; a change to kindOf is worth keeping when it holds
up set by set, not when it fixes one set.
"""
import csv, math, re, shutil, subprocess, sys
from collections import defaultdict

ART = re.compile(r"\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]+\)")

_t2s = {}

def t2s_prime(texts):
    """Convert texts to simplified characters with OpenCC (Debian package
    opencc), as the loader reads traditional notices; without it, only the
    pinyin artefacts are dropped."""
    exe = shutil.which("opencc")
    todo = sorted({t for t in texts if t not in _t2s})
    if not exe or not todo:
        return
    flat = [t.replace("\n", " ") for t in todo]
    out = subprocess.run([exe, "-c", "t2s"], input="\n".join(flat) + "\n",
                         check=True, capture_output=True, text=True).stdout.split("\n")
    for t, c in zip(todo, out):
        _t2s[t] = c

def norm(s):
    return _t2s.get(ART.sub("", s), ART.sub("", s))

def close(a, b):
    return a == b or abs(a - b) <= 0.001 * max(abs(a), abs(b))

def load(dump, golds):
    rows = list(csv.DictReader(open(dump), delimiter="\t", quoting=csv.QUOTE_NONE))
    by = defaultdict(list)
    for i, r in enumerate(rows):
        by[(r["set"], r["doc"])].append(i)
    data = []  # (set, cues, gold kind, dump kind, row)
    allgold = {name: list(csv.DictReader(open(path))) for name, path in golds}
    t2s_prime([ART.sub("", r["sentence"]) for r in rows] +
              [ART.sub("", g["surface"]) for gs in allgold.values() for g in gs])
    for name, _ in golds:
        gold = allgold[name]
        gold.sort(key=lambda g: g["kind"] == "ignore")
        used = set()
        for g in gold:
            surf = norm(g["surface"])
            for i in by.get((name, g["doc"]), []):
                r = rows[i]
                if i in used or r["unit"] != g["unit"] or not close(float(r["value"]), float(g["value"])):
                    continue
                if surf not in norm(r["sentence"]):
                    continue
                used.add(i)
                if g["kind"] != "ignore":
                    data.append((name, r["cues"].split(), g["kind"], r["kind"], r, g["year"]))
                break
    return data

def fit(X, y, names, l2, iters=3000, lr=0.5):
    w = {n: 0.0 for n in names}
    n = len(X)
    for _ in range(iters):
        grad = {k: 0.0 for k in names}
        for cues, t in zip(X, y):
            z = sum(w[c] for c in cues)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            for c in cues:
                grad[c] += p - t
        for k in names:
            reg = 0.0 if k == "bias" else l2 * w[k]
            w[k] -= lr * (grad[k] / n + reg / n)
    return w

def predict(w, cues, dumpkind):
    if not cues:
        return dumpkind  # ranks and plan bases: decided before the model
    if sum(w.get(c, 0.0) for c in cues) > 0:
        return "target"
    return "other" if "event" in cues else "achievement"

def years(te):
    ok = sum(1 for d in te if (d[4]["year"] if d[4]["year"] != "0" else "") == d[5])
    return ok / len(te) if te else 0.0

def scores(pairs):
    tp = sum(1 for g, p in pairs if g == "target" and p == "target")
    pp = sum(1 for g, p in pairs if p == "target")
    gp = sum(1 for g, p in pairs if g == "target")
    P = tp / pp if pp else 1.0
    R = tp / gp if gp else 1.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    acc = sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0
    return P, R, F, acc, gp

def main():
    args = sys.argv[1:]
    l2 = 1.0
    if "--l2" in args:
        i = args.index("--l2"); l2 = float(args[i + 1]); del args[i:i + 2]
    dump, golds = args[0], [a.split("=", 1) for a in args[1:]]
    data = load(dump, golds)
    names = sorted({c for d in data for c in d[1]} | {"bias"})
    sets = [n for n, _ in golds]
    print(f"{'held out':9} {'n':>5} {'tgt':>4} {'year':>5} | decision:    {'tP':>6} {'tR':>6} {'tF1':>6} {'kind':>6} | model held out: {'tP':>6} {'tR':>6} {'tF1':>6} {'kind':>6}")
    allr, allm = [], []
    for s in sets:
        tr = [d for d in data if d[0] != s and d[1]]
        te = [d for d in data if d[0] == s]
        w = fit([d[1] for d in tr], [1 if d[2] == "target" else 0 for d in tr], names, l2)
        rp = [(d[2], d[3]) for d in te]
        mp = [(d[2], predict(w, d[1], d[3])) for d in te]
        allr += rp; allm += mp
        a, b = scores(rp), scores(mp)
        print(f"{s:9} {len(te):5} {a[4]:4} {years(te):.3f} | {'':13}{a[0]:6.3f} {a[1]:6.3f} {a[2]:6.3f} {a[3]:6.3f} | {'':16}{b[0]:6.3f} {b[1]:6.3f} {b[2]:6.3f} {b[3]:6.3f}")
    a, b = scores(allr), scores(allm)
    print(f"{'all':9} {len(allr):5} {a[4]:4} {years(data):.3f} | {'':13}{a[0]:6.3f} {a[1]:6.3f} {a[2]:6.3f} {a[3]:6.3f} | {'':16}{b[0]:6.3f} {b[1]:6.3f} {b[2]:6.3f} {b[3]:6.3f}")
    w = fit([d[1] for d in data if d[1]], [1 if d[2] == "target" else 0 for d in data if d[1]], names, l2)
    fp = [(d[2], predict(w, d[1], d[3])) for d in data]
    f = scores(fp)
    print(f"fitted on all sets, scored on them: tP {f[0]:.3f} tR {f[1]:.3f} tF1 {f[2]:.3f} kind {f[3]:.3f}")
    for k in sorted(w, key=lambda k: -abs(w[k])):
        print(f"  {k:16} {w[k]:+.3f}")

if __name__ == "__main__":
    main()
