#!/bin/sh
# What reading with the tagger and parser costs 'casus code' with the built-in dictionaries: the
# AG News world leads (../shared/corpora/agnews-world/world.jsonl) coded by default and with
# --no-syntax, best of 3 runs each, model and dictionary loading included (one process a run).
# Usage: sh bench/syntax_cost.sh            Needs ../shared (set SHARED=...).
set -e
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
LEADS="$SHARED/corpora/agnews-world/world.jsonl"
if [ ! -s "$LEADS" ]; then
  echo "bench: '$LEADS' not found (set SHARED=/path/to/shared)" >&2
  exit 1
fi
make -s all BUILD="$BUILD" >/dev/null
python3 - "$BUILD/casus" "$LEADS" <<'PY'
import re, subprocess, sys, time
casus, leads = sys.argv[1:3]
def best(extra):
    times, stats = [], ""
    for _ in range(3):
        start = time.perf_counter()
        run = subprocess.run([casus, "code", "--date", "2004-09-01", *extra, leads],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
        times.append(time.perf_counter() - start)
        stats = run.stderr
    return min(times), int(re.search(r"(\d+) sentences", stats).group(1))
with_syntax, n = best([])
without, _ = best(["--no-syntax"])
print(f"AG News world leads: {n} sentences")
print(f"with the tagger and parser (default): {with_syntax:.3f} s ({n / with_syntax:,.0f} sentences/s)")
print(f"without (--no-syntax):                 {without:.3f} s ({n / without:,.0f} sentences/s)")
PY
