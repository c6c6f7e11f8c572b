/* tagger.h — greedy left-to-right part-of-speech tagging; one class per (UPOS, XPOS) pair. */
#ifndef CASUS_SYNTAX_TAGGER_H
#define CASUS_SYNTAX_TAGGER_H

#include "syntax/features.h"
#include "syntax/perceptron.h"

#define CASUS_TAGGER_MAXF 40

/* Features of word i of w[0..n), given the tags p1, p2 of the two words before it
   (-1: none). */
size_t casus_tagger_features(const casus_word *w, size_t n, size_t i, int p1, int p2, uint32_t *f);

/* Tags w[0..n) into tags[0..n). */
void casus_tagger_tag(const casus_ap *m, const casus_word *w, size_t n, int *tags);

#endif
