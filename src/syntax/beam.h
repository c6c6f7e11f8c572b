/* beam.h — beam-search decoding for the arc-eager parser (parser.h): the k best move sequences
   by total score are kept at each step instead of the single best move, so an early decision
   that looked good can still lose to one that scores better over the rest of the sentence. */
#ifndef CASUS_SYNTAX_BEAM_H
#define CASUS_SYNTAX_BEAM_H

#include "syntax/parser.h"

#define CASUS_BEAM_MAX 16

/* Candidates that score this far below the best (in weight units) are dropped even when the
   beam has room: where the model is sure the beam narrows.  On EWT dev the committed model (a
   beam of 8) then scores the states of 128,000 items instead of 338,000, for UAS 86.03 against
   86.07 (200: 173,000 items, 86.11; 100: 83,000, 85.76). */
#define CASUS_BEAM_PRUNE 150.0f

/* Ints of memory casus_beam_parse needs for n words and a beam of k. */
#define CASUS_BEAM_MEM(n, k) (CASUS_PARSER_MEM(n) * 2 * (size_t)((k) > 1 ? (k) : 1))

/* A candidate: the item it extends, the move (-1: the item was finished and stays as it is)
   and the total score of the item after the move. */
typedef struct casus_beam_cand {
    int from, move;
    int64_t score;
} casus_beam_cand;

/* Keeps the k best of c[0..n) at the front, best first; among equal scores the earlier one
   wins, so a beam of 1 makes the greedy parser's choices.  Returns how many are kept. */
int casus_beam_select(casus_beam_cand *c, int n, int k);

/* As casus_parser_parse, with a beam of k (1 .. CASUS_BEAM_MAX; 1 is greedy parsing) pruned
   at CASUS_BEAM_PRUNE; mem holds CASUS_BEAM_MEM(n, k) ints. */
void casus_beam_parse(const casus_ap *m, const casus_ap *lm, int root_label, const casus_word *w, const int *tags,
                      int n, int k, int *mem, int *head, int *labels);

#endif
