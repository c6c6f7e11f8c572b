#!/bin/sh
# 'casus explain' and 'casus dict check' on dictionaries written for the tests.
# Ends with "spec: N passed, N failed".
BUILD=${BUILD:-build}
CASUS="$PWD/$BUILD/casus"
DATA="$PWD/tests/spec/data"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi; }
MINI="--actors $DATA/mini.actors --agents $DATA/mini.agents --verbs $DATA/mini.verbs --options $DATA/mini.options"

$CASUS explain $MINI --syntax --date 2024-01-24 "The Valdorian minister met Ostmark in the capital." > "$TMP/x.out" 2>/dev/null; rc=$?
check "explain exits 0" '[ $rc -eq 0 ]'
check "explain shows the actor entry with file:line" 'grep -q "VALDORIAN_ (.*mini.actors:2) -> VAL" "$TMP/x.out"'
check "explain shows the verb and why it fired" 'grep -q "word 3 \"met\": no pattern matched; the verb.s own code (.*mini.verbs:3)" "$TMP/x.out"'
check "explain lists both paired events" 'grep -q "VALGOV -> OST 040" "$TMP/x.out" && grep -q "OST -> VALGOV 040 .*\[paired\]" "$TMP/x.out"'
check "explain shows tokens and tags" 'grep -q "met  *VERB" "$TMP/x.out"'
$CASUS explain $MINI --date 2024-01-24 "OSTBURG, Ostmark - The Valdorian minister met Ostmark in the capital." > "$TMP/x.out" 2>/dev/null
check "explain reads past a dateline as casus code does" 'grep -q "^dateline: OSTBURG, Ostmark - " "$TMP/x.out" && grep -q "VALGOV -> OST 040" "$TMP/x.out"'
$CASUS explain $MINI "Valdoria accused." > "$TMP/s.out" 2>/dev/null
check "explain says why a short text is not coded" 'grep -q "fewer than 4 words" "$TMP/s.out"'
$CASUS explain 2>/dev/null; rc=$?
check "explain without a sentence: exit 2" '[ $rc -eq 2 ]'

$CASUS dict check "$DATA/lint.actors" "$DATA/lint.verbs" "$DATA/lint.options" > "$TMP/d.out" 2> "$TMP/d.err"; rc=$?
check "dict check finds problems: exit 1" '[ $rc -eq 1 ]'
check "pattern that never fires" 'grep -q "lint.verbs:3: pattern never fires: the same pattern stands at .*lint.verbs:2" "$TMP/d.err"'
check "overlapping dates" 'grep -q "lint.actors:2: date restrictions 1 and 2 overlap" "$TMP/d.err"'
check "unlabelled code" 'grep -q "lint.verbs:3: event code 114 has no LABEL" "$TMP/d.err" && grep -q "lint.verbs:4: event code 111 has no LABEL" "$TMP/d.err"'
check "a listed root that is no verb" 'grep -q "lint.options:3: PONDER_ is no verb of the dictionaries" "$TMP/d.err" && ! grep -q "ACCUSE_ is no verb" "$TMP/d.err"'
check "summary" 'grep -q "3 actors, 0 agents, 2 verbs, 2 patterns.*; 5 problems" "$TMP/d.out"'
$CASUS dict check "$DATA/mini.verbs" "$DATA/mini.agents" > /dev/null 2>&1; rc=$?
check "clean dictionaries: exit 0" '[ $rc -eq 0 ]'
$CASUS dict check /nonexistent/x.verbs > /dev/null 2> "$TMP/n.err"; rc=$?
check "missing file: exit 2 with file name" '[ $rc -eq 2 ] && grep -q "/nonexistent/x.verbs: cannot open" "$TMP/n.err"'

# --syntax: verbs fire only where the tagger reads a verb; events on real verbs stay
printf '%s\n' '{"id":"s","date":"2024-01-24","text":"Valdoria accused Kestrel of piracy. The accused Valdoria met Ostmark in the capital."}' > "$TMP/s.jsonl"
$CASUS code $MINI "$TMP/s.jsonl" > "$TMP/plain.out" 2>/dev/null
$CASUS code $MINI --syntax "$TMP/s.jsonl" > "$TMP/syn.out" 2>/dev/null; rc=$?
check "--syntax runs" '[ $rc -eq 0 ] && grep -q "\"code\":\"112\"" "$TMP/syn.out"'
check "--syntax keeps events on real verbs" '[ $(grep -c "\"code\":\"040\"" "$TMP/syn.out") -eq 2 ]'
$CASUS code $MINI --syntax --model /nonexistent/model "$TMP/s.jsonl" > /dev/null 2> "$TMP/m.err"; rc=$?
check "--syntax with a missing model: exit 2" '[ $rc -eq 2 ] && grep -q "/nonexistent/model" "$TMP/m.err"'

echo "spec: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
