/* perceptron.h — a trained linear classifier: hashed features -> sparse rows of int16 weights. */
#ifndef CASUS_SYNTAX_PERCEPTRON_H
#define CASUS_SYNTAX_PERCEPTRON_H

#include <stddef.h>
#include <stdint.h>

/* Read-only once built.  An open-addressing table maps a feature hash (never 0) to a row of
   (class, weight) entries; weights are int16 and scores stay integers until compared. */
typedef struct casus_ap {
    uint32_t nclass;   /* at most 255 */
    uint32_t mask;     /* table slots - 1, slots a power of two */
    uint32_t *keys;    /* [mask + 1], 0 marks an empty slot */
    uint32_t *vals;    /* [mask + 1], first entry << 8 | entry count */
    uint32_t nentries;
    uint8_t *cls;      /* [nentries] */
    int16_t *w;        /* [nentries] */
    float scale;       /* weight = w * scale */
} casus_ap;

/* Adds the weights of n features to scores[0..nclass). */
void casus_ap_score(const casus_ap *m, const uint32_t *feats, size_t n, int32_t *scores);

/* The best class among those with allowed[c] non-zero (allowed may be NULL: all); -1 if none. */
int casus_ap_best(const casus_ap *m, const int32_t *scores, const unsigned char *allowed);

void casus_ap_clear(casus_ap *m); /* frees the arrays, accepts a zeroed struct */

#endif
