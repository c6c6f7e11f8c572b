#!/bin/sh
# The built-in dictionaries (data/dict) on sentences written for the tests: roles that change
# hands by date, compounds with possessives, paired consultations, lone agents, datelines.
# Ends with "spec: N passed, N failed".
BUILD=${BUILD:-build}
CASUS="$PWD/$BUILD/casus"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; cat "$TMP/out"; fi; }
events() { # DATE TEXT -> "SRC TGT CODE" lines
  printf '%s\n' "$2" | $CASUS code --date "$1" 2>/dev/null |
    sed 's/.*"source":"\([^"]*\)","target":"\([^"]*\)","code":"\([^"]*\)".*/\1 \2 \3/' > "$TMP/out"
}

events 2017-06-01 "Ali Shamkhani met Nikolai Patrushev in Moscow on Monday."
check "2017: both security chiefs are government" 'grep -qx "IRNGOV RUSGOV 040" "$TMP/out" && grep -qx "RUSGOV IRNGOV 040" "$TMP/out"'
events 2024-01-24 "Ali Shamkhani met Nikolai Patrushev in Moscow on Monday."
check "2024: the former secretary no longer codes" '[ ! -s "$TMP/out" ]'
events 2024-01-24 "Ali Akbar Ahmadian and his Russian counterpart discussed security ties in Moscow."
check "compound through a possessive, consultation both ways" '[ "$(sort "$TMP/out" | tr "\n" ";")" = "IRNGOV RUSGOV 040;RUSGOV IRNGOV 040;" ]'
events 2021-03-01 "Hakan Fidan met Fuad Hussein in Baghdad on Monday."
check "2021: Turkey's intelligence chief codes SPY" 'grep -qx "TURSPY IRQGOV 040" "$TMP/out" && grep -qx "IRQGOV TURSPY 040" "$TMP/out"'
events 2024-03-01 "Hakan Fidan met Fuad Hussein in Baghdad on Monday."
check "2024: the same man as foreign minister codes GOV" 'grep -qx "TURGOV IRQGOV 040" "$TMP/out" && ! grep -q SPY "$TMP/out"'
for d in 2013-06-01:ISRMIL 2021-06-01:ISRGOV 2025-06-01:ISROPP; do
  events "${d%%:*}" "Benny Gantz criticized Hamas on Tuesday."
  check "${d%%:*}: army chief, minister, opposition leader ($d)" 'grep -qx "${d#*:} PSEREB 111" "$TMP/out"'
done
events 2023-05-01 "Kaja Kallas condemned Sergei Lavrov on Tuesday."
check "2023: Estonia's prime minister codes ESTGOV" 'grep -qx "ESTGOV RUSGOV 111" "$TMP/out"'
events 2025-05-01 "Kaja Kallas condemned Sergei Lavrov on Tuesday."
check "a prime minister who becomes the EU's High Representative codes IGOEUR" 'grep -qx "IGOEUR RUSGOV 111" "$TMP/out"'
events 2020-05-01 "Abu Mohammed al-Jolani threatened Bashar al-Assad on Tuesday."
check "2020: the rebel commander and the president under their names then" 'grep -qx "SYRREB SYRGOV 130" "$TMP/out"'
events 2025-05-01 "Ahmed al-Sharaa met Recep Tayyip Erdogan in Ankara on Tuesday."
check "2025: the same man as Syria's ruler" 'grep -qx "SYRGOV TURGOV 040" "$TMP/out"'
events 2024-01-01 "İbrahim Kalın met William Burns in Ankara on Tuesday."
check "Turkish dotless i reads as i; two spy chiefs in 2024" 'grep -qx "TURSPY USASPY 040" "$TMP/out"'
events 2024-01-24 "Gunmen killed three police officers near the Syrian border on Tuesday."
check "lone agent takes the nearest country" 'grep -qx "SYRREB SYRCOP 190" "$TMP/out"'
events 2024-01-24 "ANKARA, Turkey - Egypt condemned the shelling of Gaza by Israel."
check "dateline is no subject" 'grep -q "^EGY " "$TMP/out" && ! grep -q "^TUR" "$TMP/out"'
events 2024-01-24 "Who could say whether the talks would resume?"
check "a common word is no actor" '[ ! -s "$TMP/out" ]'

printf '%s\n' "Gunmen killed three police officers near the Syrian border on Tuesday." |
  $CASUS code --date 2024-01-24 2>/dev/null | head -1 > "$TMP/out"
check "complete record: date, place, casualties" 'grep -q "\"event_date\":\"2024-01-23\",\"date_text\":\"Tuesday\",\"place\":{\"name\":\"Syria\",\"country\":\"SYR\"" "$TMP/out" && grep -q "\"killed\":{\"n\":3,\"qual\":\"exact\"},\"injured\":null" "$TMP/out"'

echo "spec: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
