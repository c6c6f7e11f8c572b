/* beam.h — beam-search decoding for the arc-eager parser (parser.h): the k best move sequences
   by total score are kept at each step instead of the single best move, so an early decision
   that looked good can still lose to one that scores better over the rest of the sentence. */
#ifndef CASUS_SYNTAX_BEAM_H
#define CASUS_SYNTAX_BEAM_H

#include "syntax/parser.h"

#define CASUS_BEAM_MAX 16

/* Candidates that score this far below the best (in weight units) are dropped even when the
   beam has room: where the model is sure the beam narrows.  With the format-3 model (a beam of
   8) on EWT dev, 150 scored the states of 128,000 items instead of 338,000, for UAS 86.03
   against 86.07.  With the beam choosing tags (format 4, trained on train alone) dev UAS is
   86.28 at 100, 86.39 at 150, 86.51 at 160, 86.55 at 175 and 86.57 at 200; 160 keeps the
   speed on the test set above 100,000 tokens/s (175 was at 100,000, 200 below).  This is the
   default for models of format 4 and before; format 5 stores its own (casus_model.beam_prune:
   175 for the faster hash of the committed model). */
#define CASUS_BEAM_PRUNE 160.0f

/* Ints of memory casus_beam_parse needs for n words and a beam of k. */
#define CASUS_BEAM_MEM(n, k) (CASUS_PARSER_MEM(n) * 2 * (size_t)((k) > 1 ? (k) : 1))

/* A candidate: the item it extends, the move (-1: the item was finished and stays as it is)
   and the total score of the item after the move. */
typedef struct casus_beam_cand {
    int from, move;
    double score; /* in the parser's weight units (int scores, so exact up to 2^53) */
    int label;    /* the label of the arc the move makes, when labels are scored jointly */
    int swap;     /* 1: the word the move brings to the front of the buffer takes its runner-up tag */
} casus_beam_cand;

/* Tagging inside the beam: when a word reaches the front of the buffer and the tagger was
   unsure of it, the beam goes on both with its tag and with its runner-up (at a cost), and
   the parser's features and the labeler see the tag each item chose. */
typedef struct casus_beam_tags {
    const int *swap;  /* [n + 2]: each word's tag (casus_parser_tag) with its runner-up in its
                         place; 0: the word keeps its tag */
    const float *pen; /* [n + 2]: the cost of the runner-up, in weight units */
    int *out;         /* [n + 2] or NULL: the tags the best item chose, into out[1..n] */
} casus_beam_tags;

/* Keeps the k best of c[0..n) at the front, best first; among equal scores the earlier one
   wins, so a beam of 1 makes the greedy parser's choices.  Returns how many are kept. */
int casus_beam_select(casus_beam_cand *c, int n, int k);

/* The most labels an arc move branches into when labels are scored jointly. */
#define CASUS_BEAM_MAXLAB 4

/* As casus_parser_parse, with a beam of k (1 .. CASUS_BEAM_MAX; 1 is greedy parsing) pruned
   at prune weight units (0 or less: CASUS_BEAM_PRUNE); mem holds CASUS_BEAM_MEM(n, k) ints.  joint 0: each arc gets the
   labeler's best label, outside the score (models of format 3); joint J (1 .. CASUS_BEAM_MAXLAB):
   labels are part of the moves (Zhang & Nivre 2011), an arc move scores the parser's weight
   plus the labeler's for the label, and branches into the labeler's J best labels. */
void casus_beam_parse(const casus_ap *m, const casus_ap *lm, int root_label, const casus_word *w, const int *tags,
                      const casus_beam_tags *jt, int n, int k, int joint, float prune, int *mem, int *head,
                      int *labels);

#endif
