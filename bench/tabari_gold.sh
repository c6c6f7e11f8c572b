#!/bin/sh
# bench/tabari_gold.sh — scores TABARI 0.8.4 itself (not casus) on a gold file, for the README's
# side-by-side figure.  TABARI is not part of casus: build it yourself (the README names the
# source commit) and give its binary:
#
#   TABARI=/path/to/TABARI.0.8.4b2 sh bench/tabari_gold.sh [GOLD.jsonl]
#
# It writes one TABARI text record per gold sentence (ids GOLDnnnn-000: the FORWARD mask of
# CAMEO.09b5.options reads 12-character ids), runs TABARI in batch (-aq) with the dictionaries
# bench/run.sh uses, answers the keypress prompts TABARI still shows for dictionary warnings
# with C (continue), turns its event lines into JSONL and scores them with bench/gold_score.py.
set -e
SHARED=${SHARED:-../shared}
GOLD=${1:-$SHARED/gold/dev_gold.jsonl}
[ -n "$TABARI" ] && [ -x "$TABARI" ] || { echo "tabari_gold: set TABARI to the TABARI binary" >&2; exit 2; }
DICT=$(cd "$SHARED/peers/tabari/dictionaries" 2>/dev/null && pwd) ||
  { echo "tabari_gold: $SHARED/peers/tabari/dictionaries not found (set SHARED=...)" >&2; exit 2; }
ROOT=$PWD
RUN=$(mktemp -d)
trap 'rm -rf "$RUN"' EXIT
ln -s "$DICT" "$RUN/dict" # TABARI opens file names of at most 63 characters
python3 - "$GOLD" "$RUN/gold.text" "$RUN/ids.json" <<'PY'
import json, sys, textwrap
gold, text, ids = sys.argv[1:4]
names = {}
with open(text, "w", encoding="ascii", errors="replace") as t:
    for i, line in enumerate(open(gold, encoding="utf-8")):
        if not line.strip():
            continue
        g = json.loads(line)
        rid = "GOLD%04d-000" % i
        names[rid] = g["id"]
        t.write(g["date"] + " " + rid + "\n" + "\n".join(textwrap.wrap(" ".join(g["text"].split()), 78)) + "\n\n")
json.dump(names, open(ids, "w"))
PY
cat > "$RUN/gold.project" <<'PRJ'
<actorsfile> dict/CountryInfo.120116.actors
<actorsfile> dict/Internatnl.120521.actors
<actorsfile> dict/Levant.080629.actors
<agentsfile> dict/PSU.120522.agents
<verbsfile> dict/CAMEO.080612.verbs
<optionsfile> dict/CAMEO.09b5.options
<textfile> gold.text
<outputfile> gold.events
<errorfile> gold.errors
<problemfile> gold.probs
<coder> RUN
PRJ
(cd "$RUN" && yes C | LINES=60 COLUMNS=160 TERM=xterm timeout 300 "$TABARI" -aq gold.project 2>/dev/null |
  head -c 20000000 > /dev/null) || true
[ -s "$RUN/gold.events" ] || { echo "tabari_gold: TABARI wrote no events" >&2; exit 1; }
python3 - "$RUN/gold.events" "$RUN/ids.json" "$RUN/events.jsonl" <<'PY'
import json, sys
events, ids, out = sys.argv[1:4]
names = json.load(open(ids))
with open(out, "w") as o:
    for line in open(events, encoding="latin-1"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 4 and f[-1].strip() in names:
            o.write(json.dumps({"id": names[f[-1].strip()], "source": f[1].strip(),
                                "target": f[2].strip(), "code": f[3].strip()}) + "\n")
PY
cd "$ROOT" && python3 bench/gold_score.py "$GOLD" --events "$RUN/events.jsonl"
