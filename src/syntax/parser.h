/* parser.h — greedy arc-eager transition-based dependency parsing; each arc is labelled when it is
   made, by a second classifier, so that later decisions can see the labels. */
#ifndef CASUS_SYNTAX_PARSER_H
#define CASUS_SYNTAX_PARSER_H

#include "syntax/features.h"
#include "syntax/perceptron.h"

enum { CASUS_PARSER_SHIFT, CASUS_PARSER_REDUCE, CASUS_PARSER_LEFT, CASUS_PARSER_RIGHT, CASUS_PARSER_MOVES };

#define CASUS_PARSER_MAXF 128
#define CASUS_PARSER_LABEL_MAXF 48
#define CASUS_PARSER_NOLABEL 400

/* A configuration over words 1..n; 0 is the artificial root.  All arrays have n + 2 slots. */
typedef struct casus_pstate {
    int n;
    int *stack, sp; /* stack[0..sp) */
    int b;          /* first word of the buffer; n + 1 when the buffer is empty */
    int *head;      /* -1 while the word has no head */
    int *l1, *l2;   /* leftmost and second leftmost dependents, 0 if none */
    int *r1, *r2;   /* rightmost and second rightmost dependents, 0 if none */
    int *nl, *nr;   /* number of left and right dependents */
    int *lab;       /* the label of the arc into each word, -1 while it has none */
    int *ls;        /* label sets: 4 ints per word, bits of its left and right dependents' labels */
    int *tg;        /* the words' tags (casus_parser_tag) when the beam chooses them, else unused */
    int *np;        /* the first punctuation word at or after each position, n + 1 if none */
    int owntags;    /* 1: tg is in use and copied with the state */
    int hk;         /* the kind of feature hash (casus_features_hash_k); 0 after casus_parser_init */
    int lx;         /* 1: the features include the words' lexicon classes (casus_word.lex; lexicon
                       kind 2); 0 after casus_parser_init */
} casus_pstate;

/* Memory for a state of up to n words: one block of (n + 2) * 15 ints at mem.  w (1-based, may
   be NULL: no punctuation) gives the words' punctuation flags. */
void casus_parser_init(casus_pstate *s, int n, const casus_word *w, int *mem);
#define CASUS_PARSER_MEM(n) ((size_t)((n) + 2) * 15)

/* Gives the state its own copy of tags[0..n] (the beam then chooses some of them). */
void casus_parser_own_tags(casus_pstate *s, const int *tags);

/* Makes dst, whose memory is a block of CASUS_PARSER_MEM(n) ints at mem, a copy of src; the
   punctuation array is read-only and stays shared with src. */
void casus_parser_copy(casus_pstate *dst, int *mem, const casus_pstate *src);

int casus_parser_terminal(const casus_pstate *s);
void casus_parser_allowed(const casus_pstate *s, unsigned char ok[CASUS_PARSER_MOVES]);
void casus_parser_apply(casus_pstate *s, int move);

/* The head and dependent of the arc that LEFT or RIGHT would make now. */
void casus_parser_arc(const casus_pstate *s, int move, int *h, int *d);

/* Records label l (>= 0) on the arc into d and adds it to the label set of d's head (labels 64
   apart share a bit there). */
void casus_parser_set_label(casus_pstate *s, int d, int l);

/* Features of the state; w[0] and tags[0] stand for the root (words are 1-based).  A tag here is
   the tagger's class in the low 8 bits, a coarse class (one per UPOS) in the next 8 and, above
   them, 1 + the tagger's runner-up class when the tagger was unsure (0: it was sure, or the
   tags are gold); see casus_parser_tag. */
static inline int casus_parser_tag(int tag, int coarse, int alt)
{
    return tag | coarse << 8 | (alt + 1) << 16;
}

size_t casus_parser_features(const casus_pstate *s, const casus_word *w, const int *tags, uint32_t *f);

/* The same features in two parts: CASUS_PARSER_STATIC, those that depend only on the words
   and tags at s0 and from n0 on (items of a beam that agree on them can share their scores),
   and CASUS_PARSER_DYNAMIC, the others. */
enum { CASUS_PARSER_STATIC = 1, CASUS_PARSER_DYNAMIC = 2 };
size_t casus_parser_features_part(const casus_pstate *s, const casus_word *w, const int *tags, uint32_t *f, int part);

/* Features for labelling the arc h -> d about to be made in state s (h > 0). */
size_t casus_parser_label_features(const casus_pstate *s, const casus_word *w, const int *tags, int h, int d,
                                   uint32_t *f);

/* The best label for the arc h -> d: root_label when h is 0, never otherwise. */
int casus_parser_label(const casus_ap *lm, const casus_pstate *s, const casus_word *w, const int *tags, int h,
                       int d, int root_label);

/* The best label but root_label for an arc with label features f[0..nf). */
int casus_parser_label_best(const casus_ap *lm, const uint32_t *f, size_t nf, int root_label);

/* The j best labels but root_label (j <= 8) for an arc with label features f[0..nf), best
   first, into lab[] with their scores (the labeler's int units) into sc[]; returns how many. */
int casus_parser_label_top(const casus_ap *lm, const uint32_t *f, size_t nf, int root_label, int j, int *lab,
                           int32_t *sc);

/* Parses words 1..n (w and tags 1-based, slot 0 unused) into head[1..n] and, with lm, labels[1..n]
   (lm may be NULL: labels untouched); there is exactly one word whose head is 0.  mem holds
   CASUS_PARSER_MEM(n) ints. */
void casus_parser_parse(const casus_ap *m, const casus_ap *lm, int root_label, const casus_word *w, const int *tags,
                        int n, int *mem, int *head, int *labels);

/* Gives every word left without a head one: the root's dependent, or the first such word
   becomes it.  Used at the end of parsing. */
void casus_parser_finish(casus_pstate *s);

#endif
