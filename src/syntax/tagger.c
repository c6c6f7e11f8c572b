/* tagger.c — features and greedy decoding for the averaged-perceptron part-of-speech tagger. */
#include "syntax/tagger.h"

#include <stdlib.h>

#include "syntax/lexicon.h"

static const casus_word before_start = {1, 1, 1, {1, 1, 1}, {1, 1, 1, 1}, 0, CASUS_LEX_BEFORE};
static const casus_word after_end = {2, 2, 2, {2, 2, 2}, {2, 2, 2, 2}, 0, CASUS_LEX_AFTER};

static const casus_word *at(const casus_word *w, size_t n, size_t i, int d)
{
    if (d < 0 && i < (size_t)-d) return &before_start;
    if (d > 0 && i + (size_t)d >= n) return &after_end;
    return &w[(long)i + d];
}

static CASUS_ALWAYS_INLINE size_t features_k(const casus_word *w, size_t n, size_t i, int p1, int p2, uint32_t *f,
                                              const int hk, int lx)
{
    const casus_word *w0 = &w[i], *m1 = at(w, n, i, -1), *m2 = at(w, n, i, -2);
    const casus_word *n1 = at(w, n, i, 1), *n2 = at(w, n, i, 2);
    uint64_t t1 = (uint64_t)(p1 + 3), t2 = (uint64_t)(p2 + 3);
    size_t k = 0;
#define F(t, a, b, c) f[k++] = casus_features_hash_k(hk, t, a, b, c)
    F(0, 0, 0, 0);
    F(1, w0->lower, 0, 0);
    F(2, w0->form, 0, 0);
    F(3, w0->suf[0], 0, 0);
    F(4, w0->suf[1], 0, 0);
    F(5, w0->suf[2], 0, 0);
    F(6, w0->suf[3], 0, 0);
    F(7, w0->pre[0], 0, 0);
    F(8, w0->pre[1], 0, 0);
    F(9, w0->pre[2], 0, 0);
    F(10, w0->shape, 0, 0);
    F(11, w0->flags, i == 0, 0);
    F(12, t1, 0, 0);
    F(13, t1, t2, 0);
    F(14, t1, w0->lower, 0);
    F(15, m1->lower, 0, 0);
    F(16, m1->suf[2], 0, 0);
    F(17, m2->lower, 0, 0);
    F(18, n1->lower, 0, 0);
    F(19, n1->suf[2], 0, 0);
    F(20, n2->lower, 0, 0);
    F(21, n1->shape, 0, 0);
    F(22, m1->shape, 0, 0);
    F(23, t1, w0->suf[2], 0);
    F(24, m1->lower, w0->lower, 0);
    F(25, w0->lower, n1->lower, 0);
    F(26, n1->suf[0], 0, 0);
    F(27, t2, 0, 0);
    F(28, t1, n1->lower, 0);
    F(29, w0->suf[1], n1->suf[1], 0);
    F(30, m1->suf[1], w0->suf[1], 0);
    F(31, w0->shape, n1->shape, m1->shape);
    F(32, n2->suf[2], 0, 0);
    F(33, w0->flags, t1, 0);
    F(34, n1->lower, n2->lower, 0);
    F(35, m1->lower, m2->lower, 0);
    if (lx) {
        /* the lexicon's classes: the word's alone, with its capitals (at the start or not), with
           the previous tag, and the next word's */
        F(40, w0->lex, 0, 0);
        F(41, w0->lex, w0->flags & (CASUS_WORD_UPPER | CASUS_WORD_ALLCAP), i == 0);
        F(42, w0->lex, t1, 0);
        F(43, n1->lex, 0, 0);
    }
#undef F
    return k;
}

size_t casus_tagger_features(const casus_word *w, size_t n, size_t i, int p1, int p2, uint32_t *f, int hk, int lx)
{
    return hk ? features_k(w, n, i, p1, p2, f, 1, lx) : features_k(w, n, i, p1, p2, f, 0, lx);
}

static CASUS_ALWAYS_INLINE size_t features2_k(const casus_word *w, size_t n, size_t i, int p1, int p2, const int *first,
                                               uint32_t *f, const int hk, int lx)
{
    size_t k = features_k(w, n, i, p1, p2, f, hk, lx);
    uint64_t own = (uint64_t)first[i] + 3;
    uint64_t r1 = i + 1 < n ? (uint64_t)first[i + 1] + 3 : 1, r2 = i + 2 < n ? (uint64_t)first[i + 2] + 3 : 1;
    uint64_t t1 = (uint64_t)(p1 + 3);
    f[k++] = casus_features_hash_k(hk, 50, own, 0, 0);
    f[k++] = casus_features_hash_k(hk, 51, r1, 0, 0);
    f[k++] = casus_features_hash_k(hk, 52, r1, r2, 0);
    f[k++] = casus_features_hash_k(hk, 53, t1, r1, 0);
    f[k++] = casus_features_hash_k(hk, 54, r1, w[i].lower, 0);
    f[k++] = casus_features_hash_k(hk, 55, r1, w[i].suf[2], 0);
    f[k++] = casus_features_hash_k(hk, 56, own, w[i].lower, 0);
    f[k++] = casus_features_hash_k(hk, 57, t1, own, r1);
    f[k++] = casus_features_hash_k(hk, 58, own, w[i].suf[1], w[i].flags);
    return k;
}

size_t casus_tagger_features2(const casus_word *w, size_t n, size_t i, int p1, int p2, const int *first,
                              uint32_t *f, int hk, int lx)
{
    return hk ? features2_k(w, n, i, p1, p2, first, f, 1, lx) : features2_k(w, n, i, p1, p2, first, f, 0, lx);
}

/* Tags word i (the words before it are tagged). */
static void tag_word(const casus_ap *m, const casus_word *w, size_t n, size_t i, const int *first, int *tags,
                     int *alt, float *gap)
{
    uint32_t f[CASUS_TAGGER_MAXF];
    int32_t scores[256];
    int p1 = i > 0 ? tags[i - 1] : -1, p2 = i > 1 ? tags[i - 2] : -1;
    const int hk = (int)m->hash, lx = (int)m->lex;
    size_t nf = first ? casus_tagger_features2(w, n, i, p1, p2, first, f, hk, lx)
                      : casus_tagger_features(w, n, i, p1, p2, f, hk, lx);
    for (uint32_t c = 0; c < m->nclass; c++) scores[c] = 0;
    casus_ap_score(m, f, nf, scores);
    int best = casus_ap_best(m, scores, NULL);
    tags[i] = best;
    if (alt) {
        int second = -1;
        for (int c = 0; c < (int)m->nclass; c++)
            if (c != best && (second < 0 || scores[c] > scores[second])) second = c;
        alt[i] = second;
        gap[i] = second < 0 ? 1e30f : (float)(scores[best] - scores[second]) * m->scale;
    }
}

void casus_tagger_pass(const casus_ap *m, const casus_word *w, size_t n, const int *first, int *tags, int *alt,
                       float *gap)
{
    for (size_t i = 0; i < n; i++) tag_word(m, w, n, i, first, tags, alt, gap);
}

void casus_tagger_tag(const casus_ap *m1, const casus_ap *m2, const casus_word *w, size_t n, int *tmp,
                      int *tags, int *alt, float *gap)
{
    if (!m2) {
        casus_tagger_pass(m1, w, n, NULL, tags, alt, gap);
        return;
    }
    if (!alt) {
        casus_tagger_pass(m1, w, n, NULL, tmp, NULL, NULL);
        casus_tagger_pass(m2, w, n, tmp, tags, NULL, NULL);
        return;
    }
    /* Where the first pass was sure, the second keeps its tag (it changes about one in ten
       thousand of them, and rarely for the better) and its runner-up and gap. */
    casus_tagger_pass(m1, w, n, NULL, tmp, alt, gap);
    for (size_t i = 0; i < n; i++) {
        if (gap[i] >= CASUS_TAGGER_SURE) tags[i] = tmp[i];
        else tag_word(m2, w, n, i, tmp, tags, alt, gap);
    }
}
