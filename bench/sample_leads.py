#!/usr/bin/env python3
"""Draws AG News world leads outside the dev gold at random and prints casus's dyadic events for
each, for judging by hand at root-code + country level (the dev scorer's first level).

    python3 bench/sample_leads.py [--seed N] [--count N] [--titles] [--casus build/casus]

The texts and events go to stdout; judge each event right or wrong by reading the text.  The dev
gold's sentences come from the same file: they are left out so that the sample says how casus
does on news it was not tuned on."""
import argparse, collections, json, os, random, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
shared = os.environ.get("SHARED", os.path.join(here, "..", "..", "shared"))
ap = argparse.ArgumentParser()
ap.add_argument("--seed", type=int, default=2026)
ap.add_argument("--count", type=int, default=30)
ap.add_argument("--casus", default=os.path.join(here, "..", "build", "casus"))
ap.add_argument("--date", default="2004-09-01")
ap.add_argument("--titles", action="store_true", help="the headlines instead of the leads")
args = ap.parse_args()

world = os.path.join(shared, "corpora", "agnews-world", "world.jsonl")
gold = os.path.join(shared, "gold", "dev_gold.jsonl")
for path in (world, gold):
    if not os.path.exists(path):
        sys.exit(f"sample_leads: '{path}' not found (set SHARED=/path/to/shared)")
dev = {json.loads(l)["id"].split("-")[0] for l in open(gold, encoding="utf-8")}
texts = {}
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
    for line in open(world, encoding="utf-8"):
        d = json.loads(line)
        text = d["title"] if args.titles else d["text"]
        texts[d["id"]] = text
        tmp.write(json.dumps({"id": d["id"], "text": text}) + "\n")
try:
    out = subprocess.run([args.casus, "code", "--require-dyad", "--date", args.date, tmp.name],
                         capture_output=True, text=True, check=True).stdout
finally:
    os.unlink(tmp.name)
events = collections.defaultdict(list)
for line in out.splitlines():
    e = json.loads(line)
    events[e["id"]].append((e["code"], e["source"], e["target"], (e.get("verb_text") or {}).get("text", "")[:50]))
ids = sorted(i for i in events if i not in dev)
random.seed(args.seed)
total = 0
for i in random.sample(ids, min(args.count, len(ids))):
    print(i, texts[i][:260])
    for e in events[i]:
        print("    ", *e)
        total += 1
print(f"{total} events in {min(args.count, len(ids))} texts", file=sys.stderr)
