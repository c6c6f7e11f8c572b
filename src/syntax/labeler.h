/* labeler.h — dependency labels for a parsed sentence, chosen word by word, left to right. */
#ifndef CASUS_SYNTAX_LABELER_H
#define CASUS_SYNTAX_LABELER_H

#include "syntax/features.h"
#include "syntax/perceptron.h"

#define CASUS_LABELER_MAXF 40

/* Per-sentence facts the labeler reads, computed from the heads: 1-based arrays of n + 2. */
typedef struct casus_ltree {
    int n;
    const int *head;
    int *l1, *r1;   /* leftmost and rightmost dependents, 0 if none */
    int *nkids;
    int *prevsib;   /* the nearest dependent of the same head to the left, 0 if none */
} casus_ltree;

#define CASUS_LABELER_MEM(n) ((size_t)((n) + 2) * 5)
void casus_labeler_tree(casus_ltree *t, const int *head, int n, int *mem);

/* Features for the arc into word d; labels[] holds the labels chosen so far (-1: not yet). */
size_t casus_labeler_features(const casus_ltree *t, const casus_word *w, const int *tags,
                              const int *labels, int d, uint32_t *f);

/* Labels every word 1..n; root_label is given to the word whose head is 0 and to no other. */
void casus_labeler_label(const casus_ap *m, const casus_word *w, const int *tags, const int *head,
                         int n, int root_label, int *mem, int *labels);

#endif
