#!/bin/sh
# casus code's output formats and event store, and casus stats: CSV and Phoenix output, a store
# that replaces a document coded again, stays consistent when the coder is killed, one-a-day,
# --require-dyad and stats.  Needs nothing outside the repository.  Ends with "spec: N passed, N failed".
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
TAB=$(printf '\t')

cat > "$TMP/in.jsonl" <<'JSONL'
{"id":"d1","date":"2024-01-24","text":"Valdoria accused Kestrel of piracy. Then Valdoria met Ostmark in the capital."}
{"id":"d,2","date":"2024-01-24","text":"Valdoria accused Kestrel of theft."}
{"id":"d3","date":"2024-02-05","text":"Kestrel accused Valdoria of lying."}
JSONL

# CSV: a header, one row an event, RFC 4180 quoting
$CASUS code $MINI --format csv -o "$TMP/out.csv" "$TMP/in.jsonl" 2>/dev/null; rc=$?
check "csv: exit 0" '[ $rc -eq 0 ]'
check "csv: header and 5 rows" '[ $(wc -l < "$TMP/out.csv") -eq 6 ]'
check "csv: header" 'head -1 "$TMP/out.csv" | grep -q "^id,sentence,date,source,target,code,label,source_text,source_start,source_end,.*,goldstein,quad_class,plover,plover_mode,plover_context,mentions,mention_ids"'
check "csv: row" 'sed -n 2p "$TMP/out.csv" | tr -d "\r" | grep -qx "d1,0,2024-01-24,VAL,KES,112,Accuse,Valdoria,0,8,Kestrel,17,24,accused,9,16,2024-01-24,-2.0,3,ACCUSE,disapprove,,1,d1:0,,,,,,,,,,,,,"'
check "csv: an id with a comma is quoted" 'grep -q "^\"d,2\",0," "$TMP/out.csv"'
check "csv: CRLF rows" '[ $(tr -cd "\r" < "$TMP/out.csv" | wc -c) -eq 6 ]'

# Phoenix: 26 tab-separated columns
$CASUS code $MINI --format phoenix "$TMP/in.jsonl" > "$TMP/out.tsv" 2>/dev/null
check "phoenix: header" 'head -1 "$TMP/out.tsv" | grep -q "^EventID${TAB}Date${TAB}Year${TAB}Month${TAB}Day${TAB}SourceActorFull"'
check "phoenix: 26 columns everywhere" '[ "$(awk -F "$TAB" "{ print NF }" "$TMP/out.tsv" | sort -u)" = 26 ]'
check "phoenix: row" 'grep -q "^d3-0-0${TAB}20240205${TAB}2024${TAB}02${TAB}05${TAB}KES${TAB}KES${TAB}${TAB}${TAB}VAL${TAB}VAL${TAB}${TAB}${TAB}112${TAB}11${TAB}3${TAB}-2.0${TAB}" "$TMP/out.tsv"'

# --one-a-day: one event per (date, source, target, code), every mention listed
$CASUS code $MINI --one-a-day "$TMP/in.jsonl" > "$TMP/day.jsonl" 2>/dev/null
check "one-a-day: 4 events" '[ $(wc -l < "$TMP/day.jsonl") -eq 4 ]'
check "one-a-day: mentions of VAL KES 112" 'grep "\"source\":\"VAL\",\"target\":\"KES\"" "$TMP/day.jsonl" | grep -q "\"mentions\":\[{\"id\":\"d1\",\"sentence\":0},{\"id\":\"d,2\",\"sentence\":0}\]}$"'

# --require-dyad keeps events with both sides (the mini dictionaries give no one-sided events;
# test_output.c covers the dropping)
$CASUS code $MINI --require-dyad "$TMP/in.jsonl" > "$TMP/dyad.out" 2>/dev/null; rc=$?
check "require-dyad: accepted, full dyads kept" '[ $rc -eq 0 ] && [ $(wc -l < "$TMP/dyad.out") -eq 5 ]'

# the store: documents, sentences, events; coding a document again replaces its events
$CASUS code $MINI --db "$TMP/ev.sqlite" "$TMP/in.jsonl" > "$TMP/db.out" 2>/dev/null; rc=$?
check "db: exit 0, nothing on stdout" '[ $rc -eq 0 ] && [ ! -s "$TMP/db.out" ]'
check "db: check" '[ "$($CASUS stats --db "$TMP/ev.sqlite" --check)" = "ok: 3 documents, 5 events" ]'
printf '%s\n' '{"id":"d1","date":"2024-01-24","text":"Valdoria condemned Kestrel of piracy today."}' > "$TMP/again.jsonl"
$CASUS code $MINI --db "$TMP/ev.sqlite" -o "$TMP/again.out" "$TMP/again.jsonl" 2>/dev/null; rc=$?
check "db: recoded document replaced" '[ $rc -eq 0 ] && [ "$($CASUS stats --db "$TMP/ev.sqlite" --check)" = "ok: 3 documents, 3 events" ]'
check "db: -o still written alongside" '[ $(wc -l < "$TMP/again.out") -eq 1 ]'

# the store keeps each event's place and casualty counts (built-in dictionaries)
printf '%s\n' '{"id":"k1","date":"2024-01-24","text":"Gunmen stormed a police station in Kano yesterday, killing at least 12 officers."}' > "$TMP/kano.jsonl"
$CASUS code --db "$TMP/kano.sqlite" "$TMP/kano.jsonl" 2>/dev/null; rc=$?
python3 -c 'import sqlite3, sys; print("|".join(str(v) for v in sqlite3.connect(sys.argv[1]).execute("SELECT event_date, date_text, place_name, place_country, killed, killed_qual, injured FROM events").fetchone()))' "$TMP/kano.sqlite" > "$TMP/kano.out" 2>&1
check "db: place and counts" '[ $rc -eq 0 ] && [ "$(cat "$TMP/kano.out")" = "2024-01-23|yesterday|Kano|NGA|12|at_least|None" ]'

# stats: a header, one line a period
$CASUS stats --db "$TMP/ev.sqlite" > "$TMP/stats.out" 2>&1; rc=$?
check "stats: exit 0" '[ $rc -eq 0 ]'
check "stats: header" 'head -1 "$TMP/stats.out" | grep -qx "period${TAB}events${TAB}goldstein${TAB}verbal_cooperation${TAB}material_cooperation${TAB}verbal_conflict${TAB}material_conflict"'
check "stats: months" '[ "$(sed -n 2p "$TMP/stats.out")" = "2024-01${TAB}2${TAB}-4.0${TAB}0${TAB}0${TAB}2${TAB}0" ] && [ "$(sed -n 3p "$TMP/stats.out")" = "2024-02${TAB}1${TAB}-2.0${TAB}0${TAB}0${TAB}1${TAB}0" ]'
check "stats: weeks by Monday" '$CASUS stats --db "$TMP/ev.sqlite" --by week | cut -f1 | tr "\n" " " | grep -qx "period 2024-01-22 2024-02-05 "'
check "stats: dyad" '[ "$($CASUS stats --db "$TMP/ev.sqlite" --by day --dyad KES,VAL | tail -n +2)" = "2024-02-05${TAB}1${TAB}-2.0${TAB}0${TAB}0${TAB}1${TAB}0" ]'
check "stats: one-a-day" '$CASUS code $MINI --db "$TMP/ev.sqlite" "$TMP/in.jsonl" 2>/dev/null && [ "$($CASUS stats --db "$TMP/ev.sqlite" --one-a-day | sed -n 2p | cut -f2)" = 3 ] && [ "$($CASUS stats --db "$TMP/ev.sqlite" | sed -n 2p | cut -f2)" = 4 ]'
$CASUS stats --db "$TMP/missing.sqlite" > /dev/null 2> "$TMP/st.err"; rc=$?
check "stats: missing store" '[ $rc -eq 2 ] && grep -q "missing.sqlite" "$TMP/st.err"'
echo "not a database, not at all, really not" > "$TMP/junk.sqlite"
$CASUS code $MINI --db "$TMP/junk.sqlite" "$TMP/in.jsonl" > /dev/null 2> "$TMP/junk.err"; rc=$?
check "db: a file that is not a store" '[ $rc -eq 2 ] && grep -q "junk.sqlite" "$TMP/junk.err"'

# crash consistency: kill the coder mid-run, then every document present is complete
awk 'BEGIN { for (i = 0; i < 60000; i++) printf "{\"id\":\"k%d\",\"date\":\"2024-03-%02d\",\"text\":\"Valdoria accused Kestrel of piracy. Then Valdoria met Ostmark.\"}\n", i, i % 28 + 1 }' > "$TMP/big.jsonl"
$CASUS code $MINI --db "$TMP/kill.sqlite" "$TMP/big.jsonl" 2>/dev/null &
pid=$!
n=0
while [ $n -lt 100 ] && ! [ -s "$TMP/kill.sqlite-wal" ]; do sleep 0.05; n=$((n + 1)); done
sleep 0.2
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
out=$($CASUS stats --db "$TMP/kill.sqlite" --check 2>&1); rc=$?
[ -n "$CASUS_SPEC_VERBOSE" ] && echo "after kill: $out"
check "crash: store consistent after kill -9" '[ $rc -eq 0 ] && echo "$out" | grep -q "^ok: "'
docs=$(echo "$out" | sed -n "s/^ok: \([0-9]*\) documents, \([0-9]*\) events$/\1/p")
evs=$(echo "$out" | sed -n "s/^ok: \([0-9]*\) documents, \([0-9]*\) events$/\2/p")
check "crash: three events for each complete document" '[ -n "$docs" ] && [ "$evs" -eq $((docs * 3)) ]'
$CASUS code $MINI --db "$TMP/kill.sqlite" "$TMP/in.jsonl" 2>/dev/null; rc=$?
check "crash: the store takes more afterwards" '[ $rc -eq 0 ] && $CASUS stats --db "$TMP/kill.sqlite" --check > /dev/null'

echo "spec: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
