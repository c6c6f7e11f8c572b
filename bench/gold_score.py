#!/usr/bin/env python3
"""Scores casus events against a hand-coded gold file (format: ../shared/gold/GUIDE.md).

usage: gold_score.py GOLD.jsonl [--casus build/casus] [CASUS OPTIONS...]
       gold_score.py GOLD.jsonl --events EVENTS.jsonl

Runs `casus code` over the gold sentences (or reads events casus already wrote) and prints
precision, recall and F1 at three levels:
  root+country   CAMEO root (first two digits) and the first three letters of source and target
  code+country   the full event code and the first three letters of source and target
  root+role      CAMEO root, and source and target roles (letters 4-6 of the actor codes)
Events marked optional in the gold are neither required nor penalised.  Every gold sentence is one
document; casus codes its text on its own.  The gold codes only events with both actors named
(GUIDE.md), so casus's one-sided incidents (empty source or target) are left out of the score, as
`casus code --require-dyad` would drop them.
"""
import json, subprocess, sys, tempfile, os
from collections import Counter, defaultdict

def load_gold(path):
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    return rows

def casus_events(gold, casus, extra):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for g in gold:
            d = g.get("date") or ""
            if len(d) == 6:
                yy = int(d[:2]); d = f"{2000 + yy if yy <= 30 else 1900 + yy}-{d[2:4]}-{d[4:6]}"
            f.write(json.dumps({"id": g["id"], "date": d or None, "text": g["text"]}) + "\n")
        name = f.name
    try:
        out = subprocess.run([casus, "code"] + extra + [name], capture_output=True, text=True)
    finally:
        os.unlink(name)
    if out.returncode not in (0, 1):
        sys.exit("gold_score: casus failed: " + out.stderr[-1000:])
    return [json.loads(l) for l in out.stdout.splitlines() if l.strip()]

def keys(ev, level):
    s, t, c = ev["source"], ev["target"], ev["code"]
    if level == "root+country":
        return (c[:2], s[:3], t[:3])
    if level == "code+country":
        return (c, s[:3], t[:3])
    return (c[:2], s[3:6], t[3:6])

def score(gold, produced, level):
    by_id = defaultdict(list)
    for e in produced:
        by_id[e["id"]].append(e)
    tp = fp = fn = 0
    for g in gold:
        req = Counter(keys(e, level) for e in g["events"] if not e.get("optional"))
        opt = Counter(keys(e, level) for e in g["events"] if e.get("optional"))
        got = Counter(keys(e, level) for e in by_id.get(g["id"], []))
        for k, n in got.items():
            hit = min(n, req[k])
            tp += hit
            rest = n - hit
            fp += max(0, rest - opt[k])
        for k, n in req.items():
            fn += max(0, n - got[k])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return tp, fp, fn, p, r, f

def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    gold = load_gold(args[0])
    casus, extra, events = "build/casus", [], None
    i = 1
    while i < len(args):
        if args[i] == "--casus":
            casus = args[i + 1]; i += 2
        elif args[i] == "--events":
            events = args[i + 1]; i += 2
        else:
            extra.append(args[i]); i += 1
    produced = [json.loads(l) for l in open(events, encoding="utf-8")] if events else casus_events(gold, casus, extra)
    one_sided = sum(1 for e in produced if not e["source"] or not e["target"])
    produced = [e for e in produced if e["source"] and e["target"]]
    if one_sided:
        print(f"left out: {one_sided} one-sided incidents (no named source or target)")
    required = sum(1 for g in gold for e in g["events"] if not e.get("optional"))
    print(f"gold: {len(gold)} sentences, {required} required events; casus: {len(produced)} events")
    print(f"{'level':14} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7} {'F1':>6}")
    for level in ("root+country", "code+country", "root+role"):
        tp, fp, fn, p, r, f = score(gold, produced, level)
        print(f"{level:14} {tp:4d} {fp:4d} {fn:4d} {p:9.3f} {r:7.3f} {f:6.3f}")

if __name__ == "__main__":
    main()
