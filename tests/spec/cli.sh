#!/bin/sh
# CLI behaviour of casus: outputs, error messages, exit codes, bad input.  Needs nothing outside
# the repository.  Ends with "spec: N passed, N failed".
BUILD=${BUILD:-build}
CASUS="$PWD/$BUILD/casus"
DATA="$PWD/tests/spec/data"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }
MINI="--actors $DATA/mini.actors --agents $DATA/mini.agents --verbs $DATA/mini.verbs --options $DATA/mini.options"

# JSONL events carry every field of the event record
printf '%s\n' '{"id":"n1","date":"2024-01-24","text":"Valdoria accused Kestrel of piracy. Then Valdoria met Ostmark in the capital."}' > "$TMP/in.jsonl"
$CASUS code $MINI "$TMP/in.jsonl" > "$TMP/out.jsonl" 2> "$TMP/err"; rc=$?
check "code exits 0 on a bad dictionary line" '[ $rc -eq 0 ]'
check "bad dictionary line reported as file:line: reason" 'grep -q "mini.actors:5: missing .\]." "$TMP/err"'
check "three events" '[ $(wc -l < "$TMP/out.jsonl") -eq 3 ]'
for field in id sentence date source target code label source_text target_text verb_text event_date date_text place killed injured missing arrested goldstein quad_class plover; do
  check "field $field present" 'grep -q "\"$field\":" "$TMP/out.jsonl"'
done
check "first event" 'head -1 "$TMP/out.jsonl" | grep -q "\"source\":\"VAL\",\"target\":\"KES\",\"code\":\"112\",\"label\":\"Accuse\""'
check "derived fields of 112" 'head -1 "$TMP/out.jsonl" | grep -q ",\"arrested\":null,\"goldstein\":-2.0,\"quad_class\":3,\"plover\":{\"type\":\"ACCUSE\",\"mode\":\"disapprove\",\"context\":null}}$"'
check "derived fields of 040" 'sed -n 2p "$TMP/out.jsonl" | grep -q ",\"arrested\":null,\"goldstein\":1.0,\"quad_class\":1,\"plover\":\"CONSULT\"}$"'
check "sentence index and offsets" 'sed -n 2p "$TMP/out.jsonl" | grep -q "\"sentence\":1,.*\"source_text\":{\"text\":\"Valdoria\",\"start\":41,\"end\":49}"'

# --strict turns dictionary problems into exit status 2
$CASUS code --strict $MINI "$TMP/in.jsonl" > /dev/null 2>&1; rc=$?
check "--strict exits 2" '[ $rc -eq 2 ]'

# TABARI output
$CASUS code $MINI --format tabari "$TMP/in.jsonl" > "$TMP/out.tsv" 2>/dev/null
check "tabari output: date, source, target, code, label" 'head -1 "$TMP/out.tsv" | grep -q "^240124	VAL	KES	112	Accuse$"'

# TABARI records as input
$CASUS code $MINI --in tabari "$DATA/mini.text" > "$TMP/t.jsonl" 2>/dev/null
check "tabari records coded" 'grep -q "\"id\":\"MINI-02\".*\"source\":\"VALGOV\"" "$TMP/t.jsonl"'

# validation projects
$CASUS validate "$DATA/mini.project" > "$TMP/v.out" 2>/dev/null; rc=$?
check "validate summary" 'tail -1 "$TMP/v.out" | grep -q "^4 passed, 0 failed$"'
check "validate exit 0" '[ $rc -eq 0 ]'
check "validate JSON line" 'grep -q "{\"id\":\"MINI-01\",\"expected\":\[\[\"VAL\",\"KES\",\"112\"\]\],\"produced\":\[\[\"VAL\",\"KES\",\"112\"\]\],\"flags\":\[\],\"pass\":true}" "$TMP/v.out"'

# bad input never crashes and is reported
printf '%s\n' '{"id":"a","text":"Valdoria accused Kestrel of piracy."}' 'not json' '{"id":"b","date":"bad","text":"x"}' > "$TMP/mixed.jsonl"
$CASUS code $MINI --date 2024-01-24 "$TMP/mixed.jsonl" > "$TMP/m.out" 2> "$TMP/m.err"; rc=$?
check "bad JSONL lines skipped with file:line" 'grep -q "mixed.jsonl:2: invalid JSON" "$TMP/m.err" && grep -q "mixed.jsonl:3:" "$TMP/m.err"'
check "good JSONL line still coded" '[ $(wc -l < "$TMP/m.out") -eq 1 ]'
check "bad input gives exit 1" '[ $rc -eq 1 ]'
check "--date used when the input has none" 'grep -q "\"date\":\"2024-01-24\"" "$TMP/m.out"'
head -c 20000 /dev/urandom > "$TMP/junk.bin"
$CASUS code $MINI --in text "$TMP/junk.bin" > /dev/null 2> "$TMP/j.err"; rc=$?
check "binary junk: clear message, no crash" '[ $rc -le 1 ] && grep -q "junk.bin" "$TMP/j.err"'
printf 'Valdoria \377\376 accused Kestrel \303 of piracy.\n' > "$TMP/badutf8.txt"
$CASUS code $MINI "$TMP/badutf8.txt" > "$TMP/u.out" 2>/dev/null; rc=$?
check "invalid UTF-8 coded around" '[ $rc -eq 0 ] && grep -q "\"code\":\"112\"" "$TMP/u.out"'
: > "$TMP/empty.txt"
$CASUS code $MINI "$TMP/empty.txt" > "$TMP/e.out" 2>/dev/null; rc=$?
check "empty file: no events, exit 0" '[ $rc -eq 0 ] && [ ! -s "$TMP/e.out" ]'
awk 'BEGIN { for (i = 0; i < 250000; i++) printf "Valdoria accused Kestrel and "; print "" }' > "$TMP/huge.txt"
$CASUS code $MINI "$TMP/huge.txt" > /dev/null 2>&1; rc=$?
check "7 MB sentence: no crash" '[ $rc -eq 0 ]'
$CASUS code $MINI /nonexistent/input.txt "$TMP/in.jsonl" > "$TMP/n.out" 2> "$TMP/n.err"; rc=$?
check "missing input reported, others coded" '[ $rc -eq 1 ] && grep -q "/nonexistent/input.txt" "$TMP/n.err" && [ -s "$TMP/n.out" ]'

# output through a temporary file: complete or absent
$CASUS code $MINI -o "$TMP/final.jsonl" "$TMP/in.jsonl" 2>/dev/null; rc=$?
check "-o writes the file" '[ $rc -eq 0 ] && [ $(wc -l < "$TMP/final.jsonl") -eq 3 ] && [ -z "$(ls "$TMP" | grep final.jsonl.tmp)" ]'
$CASUS code $MINI -o /nonexistent/dir/out.jsonl "$TMP/in.jsonl" 2>/dev/null; rc=$?
check "unwritable output: exit 2" '[ $rc -eq 2 ] && [ ! -e /nonexistent/dir/out.jsonl ]'
$CASUS code --project /nonexistent/x.project "$TMP/in.jsonl" > /dev/null 2> "$TMP/p.err"; rc=$?
check "missing project: exit 2 with message" '[ $rc -eq 2 ] && grep -q "/nonexistent/x.project: cannot open" "$TMP/p.err"'
$CASUS code --bogus 2>/dev/null; rc=$?
check "unknown option: exit 2" '[ $rc -eq 2 ]'

# the default dictionaries and the example the README uses
$CASUS code --date 2024-01-24 data/examples/security-talks.txt > "$TMP/ex.out" 2>/dev/null; rc=$?
check "README example codes" '[ $rc -eq 0 ] && grep -q "\"source\":\"RUS\",\"target\":\"IRN\"" "$TMP/ex.out"'

echo "spec: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
