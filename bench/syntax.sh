#!/bin/sh
# bench/syntax.sh — measures casus syntax on the English Web Treebank test set.
#
#   sh bench/syntax.sh            evaluate the committed model, models/en_ewt.casus
#   sh bench/syntax.sh --train    train a model from ../shared first (as make model: on train + dev), then evaluate it
#
# Tags and parses en_ewt-ud-test.conllu with its gold tokenization through 'casus parse --in
# conllu', scores the output with bench/conllu_score.py (independent of casus), prints the speed
# of tagging and parsing as 'casus parse --stats' measures it (one core, model loading and I/O
# excluded), then the sentence-splitting F1 on the test set's raw text.
set -e
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
EWT=${EWT:-$SHARED/corpora/ud-english-ewt}
OUT=bench/out
mkdir -p "$OUT"
make -s all train BUILD="$BUILD" >/dev/null
MODEL=models/en_ewt.casus
if [ "$1" = "--train" ]; then
  MODEL=$OUT/en_ewt.casus
  echo "training (as 'make model' does) into $MODEL ..."
  start=$(date +%s)
  cat "$EWT"/en_ewt-ud-train.conllu "$EWT"/en_ewt-ud-dev.conllu > "$OUT"/train+dev.conllu
  "$BUILD"/train-syntax "$OUT"/train+dev.conllu "$EWT"/en_ewt-ud-dev.conllu "$MODEL" \
    $(sed -n 's/^TRAIN_OPTS *:\{0,1\}= *//p' Makefile) 2> "$OUT"/train.log
  echo "trained in $(( $(date +%s) - start )) s; log in $OUT/train.log"
fi
echo "model: $MODEL ($(wc -c < "$MODEL") bytes)"
echo "== EWT test, gold tokenization =="
best=""
for i in 1 2 3; do
  "$BUILD"/casus parse --model "$MODEL" --in conllu --stats "$EWT"/en_ewt-ud-test.conllu \
    > "$OUT"/test.conllu 2> "$OUT"/stats.txt
  tps=$(sed -n 's/.*: \([0-9]*\) tokens\/s$/\1/p' "$OUT"/stats.txt)
  if [ -z "$best" ] || [ "$tps" -gt "$best" ]; then best=$tps; cp "$OUT"/stats.txt "$OUT"/stats.best; fi
done
python3 bench/conllu_score.py "$EWT"/en_ewt-ud-test.conllu "$OUT"/test.conllu
echo "speed (best of 3 runs): $(cat "$OUT"/stats.best)"
echo "== sentence splitting on the test set's raw text =="
python3 bench/sentsplit.py make "$EWT"/en_ewt-ud-test.conllu > "$OUT"/test.txt
"$BUILD"/casus parse --model "$MODEL" "$OUT"/test.txt > "$OUT"/test-text.conllu
python3 bench/sentsplit.py score "$EWT"/en_ewt-ud-test.conllu "$OUT"/test-text.conllu
