/* relabel.h — labels the arcs of a finished tree again, each with the whole tree in view: the
   head's other dependents and their labels, the dependent's own dependents, the grandparent.
   The parser's labeler labels an arc when it is made, before the head has all its dependents;
   this second look is one classification per word. */
#ifndef CASUS_SYNTAX_RELABEL_H
#define CASUS_SYNTAX_RELABEL_H

#include "syntax/features.h"
#include "syntax/perceptron.h"

#define CASUS_RELABEL_MAXF 96

/* A finished tree over words 1..n with each word's dependents in order: kids[first[h] ..
   first[h + 1]) are h's dependents, left to right.  lab holds the labels the parser gave (the
   context the features see). */
typedef struct casus_tree {
    int n;
    const int *head, *lab; /* [n + 1], 1-based */
    int *first, *kids;     /* [n + 2] and [n + 1] */
} casus_tree;

/* Ints of memory casus_relabel_tree needs for n words. */
#define CASUS_RELABEL_MEM(n) ((size_t)(n) * 2 + 4)

/* Fills t's dependent lists for head[1..n] and lab[1..n] (head 0: the root), in mem. */
void casus_relabel_tree(casus_tree *t, int n, const int *head, const int *lab, int *mem);

/* Features of the arc into word d (head[d] > 0); w and tags 1-based as for the parser
   (casus_parser_tag). */
size_t casus_relabel_features(const casus_tree *t, const casus_word *w, const int *tags, int d, uint32_t *f);

/* New labels into out[1..n] for the tree (out may not be t->lab): root_label for the word
   whose head is 0, the relabeler's best label but root_label for the others. */
void casus_relabel(const casus_ap *rm, int root_label, const casus_tree *t, const casus_word *w, const int *tags,
                   int *out);

#endif
