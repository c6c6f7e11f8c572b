# coding.sh — sourced by the spec scripts that code sentences with the built-in dictionaries:
# a temporary folder, pass/fail counters, check NAME CONDITION, and events_on DATE TEXT, which
# writes the "SRC TGT CODE" line of each event to $TMP/out.
BUILD=${BUILD:-build}
CASUS="$PWD/$BUILD/casus"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; cat "$TMP/out"; fi; }
events_on() {
  printf '%s\n' "$2" | $CASUS code --date "$1" 2>/dev/null |
    sed 's/.*"source":"\([^"]*\)","target":"\([^"]*\)","code":"\([^"]*\)".*/\1 \2 \3/' > "$TMP/out"
}
