/* tagger.h — greedy left-to-right part-of-speech tagging; one class per (UPOS, XPOS) pair. */
#ifndef CASUS_SYNTAX_TAGGER_H
#define CASUS_SYNTAX_TAGGER_H

#include "syntax/features.h"
#include "syntax/perceptron.h"

#define CASUS_TAGGER_MAXF 64

/* Features of word i of w[0..n), given the tags p1, p2 of the two words before it
   (-1: none), hashed with casus_features_hash_k of kind hk; with lx, also of the words' lexicon
   classes (casus_word.lex; casus_ap.lex of the tagger's classifiers says whether). */
size_t casus_tagger_features(const casus_word *w, size_t n, size_t i, int p1, int p2, uint32_t *f, int hk, int lx);

/* Second-pass features: those of the first pass plus the first pass's tags of this word and
   the words after it (first[0..n)). */
size_t casus_tagger_features2(const casus_word *w, size_t n, size_t i, int p1, int p2, const int *first,
                              uint32_t *f, int hk, int lx);

/* One greedy pass: tags w[0..n) into tags[0..n); with first != NULL it is the second pass.  alt
   and gap may be NULL; otherwise alt[i] is the runner-up tag of word i and gap[i] how far below
   the best it scored, in weight units. */
void casus_tagger_pass(const casus_ap *m, const casus_word *w, size_t n, const int *first, int *tags, int *alt,
                       float *gap);

/* A first-pass gap (in weight units) from which the second pass leaves a word's tag alone:
   three quarters of the words, and the second pass would change 3 in 10,000 of them. */
#define CASUS_TAGGER_SURE 30.0f

/* Both passes: m1 then m2 (which may be NULL: one pass); tmp holds n ints; alt and gap as in
   casus_tagger_pass, from the last pass that tagged the word.  With alt, the second pass skips
   the words the first was sure of (CASUS_TAGGER_SURE). */
void casus_tagger_tag(const casus_ap *m1, const casus_ap *m2, const casus_word *w, size_t n, int *tmp,
                      int *tags, int *alt, float *gap);

#endif
