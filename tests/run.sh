#!/bin/sh
# Runs every unit test binary and the CLI spec tests; ends with "tests: N passed, N failed".
BUILD=${BUILD:-build}
passed=0; failed=0; failures=""
for t in "$BUILD"/tests/test_*; do
  [ -x "$t" ] || continue
  out=$("$t" 2>&1); rc=$?
  p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
  f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [ $rc -ne 0 ]; then
    [ -z "$f" ] && failed=$((failed + 1))
    failures="$failures $(basename "$t")"
    printf '%s\n' "$out"
  fi
done
for s in tests/spec/*.sh; do
  [ -f "$s" ] || continue
  out=$(BUILD="$BUILD" sh "$s" 2>&1); rc=$?
  p=$(printf '%s\n' "$out" | sed -n 's/^spec: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
  f=$(printf '%s\n' "$out" | sed -n 's/^spec: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [ $rc -ne 0 ]; then
    [ -z "$f" ] || [ "$f" = 0 ] && failed=$((failed + 1))
    failures="$failures $(basename "$s")"
    printf '%s\n' "$out"
  fi
done
[ -n "$failures" ] && echo "failing:$failures"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
