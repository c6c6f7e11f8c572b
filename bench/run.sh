#!/bin/sh
# Coding throughput on one core: TABARI's real dictionaries (CountryInfo + Internatnl + Levant
# actors, PSU agents, CAMEO.080612 verbs, CAMEO.09b5 options) over the AG News world leads
# repeated to at least 40 MB.  Prints sentences/s, MB/s, peak memory and the ratio to TABARI
# 0.8.4 measured on the same files (about 7,500 sentences/s and 1.4 MB/s).
# Usage: sh bench/run.sh   (or: make bench)       Needs ../shared (set SHARED=...).
set -e
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
if [ ! -d "$SHARED/peers/tabari/dictionaries" ]; then
  echo "bench: '$SHARED/peers/tabari/dictionaries' not found (set SHARED=/path/to/shared)" >&2
  exit 1
fi
SHARED=$(cd "$SHARED" && pwd)
OUT=bench/out
mkdir -p "$OUT"
sh scripts/tabari-project.sh "$SHARED" "$OUT/real.project"
# The same leads twice over: as TABARI text records (what TABARI itself reads) and as JSONL.
CORPUS="$OUT/agnews-40mb"
if [ ! -s "$CORPUS.jsonl" ] || [ ! -s "$CORPUS.tabari" ]; then
  python3 - "$SHARED/corpora/agnews-world/world.jsonl" "$CORPUS" <<'PY'
import json, sys
src, out = sys.argv[1], sys.argv[2]
items = [json.loads(l) for l in open(src, encoding="utf-8")]
with open(out + ".jsonl", "w", encoding="utf-8") as j, open(out + ".tabari", "w", encoding="utf-8") as t:
    size, rep = 0, 0
    while size < 40_000_000 or t.tell() < 40_000_000:
        for it in items:
            text = " ".join(it["text"].split())
            rid = f"{it['id']}-{rep}"
            line = json.dumps({"id": rid, "date": "2004-08-15", "text": text}) + "\n"
            j.write(line)
            t.write(f"040815 {rid}\n{text}\n\n")
            size += len(line.encode("utf-8"))
        rep += 1
PY
fi
PIN=""
command -v taskset > /dev/null 2>&1 && PIN="taskset -c 0"
python3 - "$BUILD/casus" "$OUT/real.project" "$CORPUS" "$PIN" <<'PY'
import os, re, resource, subprocess, sys, time
casus, project, corpus, pin = sys.argv[1:5]
print("casus code, TABARI dictionaries (CountryInfo, Internatnl, Levant, PSU, CAMEO.080612, CAMEO.09b5)")
for label, path, extra in (("TABARI records in, TABARI event lines out (TABARI's own job)", corpus + ".tabari",
                            ["--in", "tabari", "--format", "tabari"]),
                           ("TABARI records in, complete JSONL event records out (dates, places, casualties)",
                            corpus + ".tabari", ["--in", "tabari"]),
                           ("JSONL articles in, complete JSONL event records out", corpus + ".jsonl", [])):
    size = os.path.getsize(path)
    cmd = (pin.split() if pin else []) + [casus, "code", "--project", project] + extra + [path]
    best = None
    for run in range(3):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        dt = time.perf_counter() - t0
        if p.returncode != 0:
            sys.exit("bench: casus failed: " + p.stderr[-500:])
        m = re.search(r"(\d+) records, (\d+) sentences, (\d+) events", p.stderr)
        if best is None or dt < best[0]:
            best = (dt, m)
    dt, m = best
    sentences = int(m.group(2))
    sps, mbs = sentences / dt, size / dt / 1e6
    print(f"\n{label}: {path}")
    print(f"  input       {size/1e6:.1f} MB, {m.group(1)} records, {sentences} sentences, {m.group(3)} events")
    print(f"  time        {dt:.2f} s (best of 3, one core{', pinned' if pin else ''}; includes loading the dictionaries)")
    print(f"  throughput  {sps:,.0f} sentences/s, {mbs:.1f} MB/s")
    print(f"  vs TABARI   {sps/7500:.1f}x sentences/s, {mbs/1.4:.1f}x MB/s (TABARI 0.8.4: ~7,500 sentences/s, 1.4 MB/s)")
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"\npeak memory of the largest run: {rss:.0f} MB")
PY
