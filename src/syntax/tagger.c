/* tagger.c — features and greedy decoding for the averaged-perceptron part-of-speech tagger. */
#include "syntax/tagger.h"

#include <stdlib.h>

static const casus_word before_start = {1, 1, 1, {1, 1, 1}, {1, 1, 1, 1}, 0};
static const casus_word after_end = {2, 2, 2, {2, 2, 2}, {2, 2, 2, 2}, 0};

static const casus_word *at(const casus_word *w, size_t n, size_t i, int d)
{
    if (d < 0 && i < (size_t)-d) return &before_start;
    if (d > 0 && i + (size_t)d >= n) return &after_end;
    return &w[(long)i + d];
}

/* The features that depend on the word alone (and the bias): the first WORD_FEATURES. */
#define WORD_FEATURES 11
static size_t word_features(const casus_word *w0, uint32_t *f)
{
    size_t k = 0;
#define F(t, a, b, c) f[k++] = casus_features_hash(t, a, b, c)
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
#undef F
    return k;
}

/* The features of word i; with skip, those of word_features are left out. */
static size_t context_features(const casus_word *w, size_t n, size_t i, int p1, int p2, uint32_t *f, int skip)
{
    const casus_word *w0 = &w[i], *m1 = at(w, n, i, -1), *m2 = at(w, n, i, -2);
    const casus_word *n1 = at(w, n, i, 1), *n2 = at(w, n, i, 2);
    uint64_t t1 = (uint64_t)(p1 + 3), t2 = (uint64_t)(p2 + 3);
    size_t k = skip ? 0 : word_features(w0, f);
#define F(t, a, b, c) f[k++] = casus_features_hash(t, a, b, c)
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
#undef F
    return k;
}

size_t casus_tagger_features(const casus_word *w, size_t n, size_t i, int p1, int p2, uint32_t *f)
{
    return context_features(w, n, i, p1, p2, f, 0);
}

static size_t features2(const casus_word *w, size_t n, size_t i, int p1, int p2, const int *first, uint32_t *f,
                        int skip)
{
    size_t k = context_features(w, n, i, p1, p2, f, skip);
    uint64_t own = (uint64_t)first[i] + 3;
    uint64_t r1 = i + 1 < n ? (uint64_t)first[i + 1] + 3 : 1, r2 = i + 2 < n ? (uint64_t)first[i + 2] + 3 : 1;
    uint64_t t1 = (uint64_t)(p1 + 3);
    f[k++] = casus_features_hash(50, own, 0, 0);
    f[k++] = casus_features_hash(51, r1, 0, 0);
    f[k++] = casus_features_hash(52, r1, r2, 0);
    f[k++] = casus_features_hash(53, t1, r1, 0);
    f[k++] = casus_features_hash(54, r1, w[i].lower, 0);
    f[k++] = casus_features_hash(55, r1, w[i].suf[2], 0);
    f[k++] = casus_features_hash(56, own, w[i].lower, 0);
    f[k++] = casus_features_hash(57, t1, own, r1);
    f[k++] = casus_features_hash(58, own, w[i].suf[1], w[i].flags);
    return k;
}

size_t casus_tagger_features2(const casus_word *w, size_t n, size_t i, int p1, int p2, const int *first,
                              uint32_t *f)
{
    return features2(w, n, i, p1, p2, first, f, 0);
}

/* The row of word w in m's word cache, NULL if it has none. */
static const int16_t *cached_row(const casus_ap_words *c, const casus_word *w)
{
    uint64_t key = w->form;
    if (!key) return NULL;
    uint32_t s = (uint32_t)((key * 0x9E3779B97F4A7C15ull) >> 40) & c->mask;
    while (c->keys[s]) {
        if (c->keys[s] == key) return c->vec + (size_t)s * c->stride;
        s = (s + 1) & c->mask;
    }
    return NULL;
}

int casus_tagger_cache_words(casus_ap *m, const char *const *forms, const uint32_t *lens, uint32_t n)
{
    uint32_t size = 16;
    while (size < 2 * n) size *= 2;
    casus_ap_words *c = calloc(1, sizeof *c);
    if (!c) return -1;
    c->mask = size - 1;
    c->stride = (m->nclass + 7) & ~7u;
    c->keys = calloc(size, sizeof *c->keys);
    c->vec = calloc((size_t)size * c->stride, sizeof *c->vec);
    if (!c->keys || !c->vec) {
        free(c->keys);
        free(c->vec);
        free(c);
        return -1;
    }
    uint32_t f[WORD_FEATURES];
    int32_t sc[256];
    for (uint32_t i = 0; i < n; i++) {
        casus_word w;
        casus_features_word(&w, forms[i], lens[i]);
        if (!w.form) continue;
        for (uint32_t k = 0; k < m->nclass; k++) sc[k] = 0;
        casus_ap_score(m, f, word_features(&w, f), sc);
        int fits = 1;
        for (uint32_t k = 0; k < m->nclass; k++) fits &= sc[k] >= INT16_MIN && sc[k] <= INT16_MAX;
        if (!fits) continue;
        uint32_t s = (uint32_t)((w.form * 0x9E3779B97F4A7C15ull) >> 40) & c->mask;
        while (c->keys[s] && c->keys[s] != w.form) s = (s + 1) & c->mask;
        c->keys[s] = w.form;
        for (uint32_t k = 0; k < m->nclass; k++) c->vec[(size_t)s * c->stride + k] = (int16_t)sc[k];
    }
    if (m->words) {
        free(m->words->keys);
        free(m->words->vec);
        free(m->words);
    }
    m->words = c;
    return 0;
}

/* Tags word i (the words before it are tagged). */
static void tag_word(const casus_ap *m, const casus_word *w, size_t n, size_t i, const int *first, int *tags,
                     int *alt, float *gap)
{
    uint32_t f[CASUS_TAGGER_MAXF];
    int32_t scores[256];
    int p1 = i > 0 ? tags[i - 1] : -1, p2 = i > 1 ? tags[i - 2] : -1;
    const int16_t *row = m->words ? cached_row(m->words, &w[i]) : NULL;
    if (row)
        for (uint32_t c = 0; c < m->nclass; c++) scores[c] = row[c];
    else
        for (uint32_t c = 0; c < m->nclass; c++) scores[c] = 0;
    size_t nf = first ? features2(w, n, i, p1, p2, first, f, row != NULL) : context_features(w, n, i, p1, p2, f, row != NULL);
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
