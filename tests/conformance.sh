#!/bin/sh
# Conformance against the peers' own files in ../shared (TABARI's validation suite and real
# dictionaries).  Not part of 'make test': those files are not ours and are not in the repository.
# Ends with "conformance: N passed, N failed".
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
CASUS="$PWD/$BUILD/casus"
if [ ! -d "$SHARED/peers/tabari" ]; then
  echo "conformance: FAILED: the reference data is missing: '$SHARED/peers/tabari' not found (set SHARED=/path/to/shared)" >&2
  echo "conformance: 0 passed, 1 failed"
  exit 1
fi
SHARED=$(cd "$SHARED" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }

# 1. TABARI's validation suite, records up to FINAL-01: at least 95% must pass.
V="$SHARED/peers/tabari/validation/Validate.project"
$CASUS validate --until FINAL-01 "$V" > "$TMP/validate.jsonl" 2> "$TMP/validate.err"
summary=$(tail -1 "$TMP/validate.jsonl")
p=$(echo "$summary" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
f=$(echo "$summary" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
if [ -n "$p" ] && [ $((p * 100)) -ge $(((p + f) * 95)) ]; then ok "TABARI validation: $summary"
else bad "TABARI validation below 95%: $summary"; fi
grep '"pass":false' "$TMP/validate.jsonl" | cut -c1-200

# 2. The real dictionaries load with warnings only, in under one second.
sh scripts/tabari-project.sh "$SHARED" "$TMP/real.project"
: > "$TMP/empty.txt"
start=$(date +%s%N)
$CASUS code --project "$TMP/real.project" "$TMP/empty.txt" > /dev/null 2> "$TMP/load.err"; rc=$?
end=$(date +%s%N)
ms=$(((end - start) / 1000000))
warnings=$(grep -c '^/' "$TMP/load.err")
if [ $rc -eq 0 ] && [ $ms -lt 1000 ]; then ok "real dictionaries load in ${ms} ms with $warnings warnings"
else bad "real dictionaries: exit $rc after ${ms} ms"; fi

# 3. Real news: every AG News world item codes without error or hang.
A="$SHARED/corpora/agnews-world/world.jsonl"
timeout 120 $CASUS code --project "$TMP/real.project" --date 2004-08-15 "$A" > "$TMP/ag.jsonl" 2> "$TMP/ag.err"; rc=$?
if [ $rc -eq 0 ]; then ok "AG News world: $(tail -1 "$TMP/ag.err")"
else bad "AG News world: exit $rc: $(tail -1 "$TMP/ag.err")"; fi

echo "conformance: $pass passed, $fail failed"
[ $fail -eq 0 ]
