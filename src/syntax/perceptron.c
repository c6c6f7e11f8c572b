/* perceptron.c — scoring with a trained, pruned and quantised averaged perceptron. */
#include "syntax/perceptron.h"

#include <stdlib.h>

#if defined(__GNUC__)
#define PREFETCH(address) __builtin_prefetch(address)
#else
#define PREFETCH(address) ((void)0)
#endif

/* Adds the dense weight rows (of type T: int8_t m->w8 or int16_t m->w) of the n features to
   scores.  A macro, not a function per weight type, so that one body serves both and each
   expansion compiles to the loop its type needs: this is the parser's hot path. */
#define SCORE_DENSE(T, rows)                                                                         \
    do {                                                                                          \
        const uint32_t C = m->nclass;                                                             \
        for (size_t i = 0; i < n; i++) {                                                          \
            slot[i] = casus_ap_slot(feats[i], nslots);                                            \
            PREFETCH(&(rows)[(size_t)slot[i] * C]);                                               \
        }                                                                                         \
        if (C == 4) { /* the parser's case: sums in registers, not a chain of stores and loads */ \
            int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;                                               \
            for (size_t i = 0; i < n; i++) {                                                      \
                const T *w = (rows) + (size_t)slot[i] * 4;                      \
                a0 += w[0];                                                                       \
                a1 += w[1];                                                                       \
                a2 += w[2];                                                                       \
                a3 += w[3];                                                                       \
            }                                                                                     \
            scores[0] += a0;                                                                      \
            scores[1] += a1;                                                                      \
            scores[2] += a2;                                                                      \
            scores[3] += a3;                                                                      \
        } else {                                                                                  \
            for (size_t i = 0; i < n; i++) {                                                      \
                const T *w = (rows) + (size_t)slot[i] * C;                      \
                for (uint32_t c = 0; c < C; c++) scores[c] += w[c];                               \
            }                                                                                     \
        }                                                                                         \
    } while (0)

void casus_ap_score(const casus_ap *m, const uint32_t *feats, size_t n, int32_t *scores)
{
    const uint32_t nslots = m->nslots;
    uint32_t slot[128];
    if (n > 128) n = 128;
    if (m->dense == 2) {
        SCORE_DENSE(int8_t, m->w8);
        return;
    }
    if (m->dense) {
        SCORE_DENSE(int16_t, m->w);
        return;
    }
    if (m->buckets) {
        const casus_ap_bucket *bk = m->buckets;
        const uint32_t nb = m->nbuckets;
        for (size_t i = 0; i < n; i++) {
            slot[i] = casus_ap_slot(feats[i], nb);
            PREFETCH(&bk[slot[i]]);
        }
        size_t nmore = 0;
        for (size_t i = 0; i < n; i++) {
            uint32_t k = feats[i], s = slot[i];
            while (bk[s].key != 0 && bk[s].key != k)
                if (++s == nb) s = 0;
            const casus_ap_bucket *b = &bk[s];
            scores[b->e0 >> 16] += (int16_t)(uint16_t)b->e0;
            scores[b->e1 >> 16] += (int16_t)(uint16_t)b->e1;
            if (b->more) {
                slot[nmore++] = b->more;
                PREFETCH(&m->ent[b->more >> 8]);
            }
        }
        const uint32_t *ent = m->ent;
        for (size_t i = 0; i < nmore; i++) {
            uint32_t v = slot[i], e = v >> 8, end = e + (v & 0xFF);
            for (; e < end; e++) scores[ent[e] >> 16] += (int16_t)(uint16_t)ent[e];
        }
        return;
    }
    /* find every slot first, prefetching, so the cache misses overlap */
    const uint64_t *slots = m->slots;
    for (size_t i = 0; i < n; i++) {
        slot[i] = casus_ap_slot(feats[i], nslots);
        PREFETCH(&slots[slot[i]]);
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t k = feats[i], s = slot[i];
        uint64_t v;
        while ((v = slots[s]) != 0 && (uint32_t)v != k)
            if (++s == nslots) s = 0;
        slot[i] = v ? (uint32_t)(v >> 32) : 0;
        if (slot[i]) PREFETCH(&m->ent[slot[i] >> 8]);
    }
    const uint32_t *ent = m->ent;
    for (size_t i = 0; i < n; i++) {
        uint32_t v = slot[i], e = v >> 8, end = e + (v & 0xFF);
        for (; e < end; e++) scores[ent[e] >> 16] += (int16_t)(uint16_t)ent[e];
    }
}

int casus_ap_best(const casus_ap *m, const int32_t *scores, const unsigned char *allowed)
{
    int best = -1;
    for (uint32_t c = 0; c < m->nclass; c++) {
        if (allowed && !allowed[c]) continue;
        if (best < 0 || scores[c] > scores[best]) best = (int)c;
    }
    return best;
}

int casus_ap_compact(casus_ap *m)
{
    if (m->dense || m->buckets || !m->slots) return 0;
    uint32_t used = 0;
    for (uint32_t i = 0; i < m->nslots; i++) used += m->slots[i] != 0;
    uint32_t nb = used * 2 + 1;
    casus_ap_bucket *bk = calloc(nb, sizeof *bk);
    if (!bk) return -1;
    for (uint32_t i = 0; i < m->nslots; i++) {
        uint64_t v = m->slots[i];
        if (!v) continue;
        uint32_t key = (uint32_t)v, row = (uint32_t)(v >> 32), e = row >> 8, c = row & 0xFF;
        uint32_t t = casus_ap_slot(key, nb);
        while (bk[t].key)
            if (++t == nb) t = 0;
        bk[t].key = key;
        if (c > 0) bk[t].e0 = m->ent[e];
        if (c > 1) bk[t].e1 = m->ent[e + 1];
        if (c > 2) bk[t].more = (e + 2) << 8 | (c - 2);
    }
    free(m->slots);
    m->slots = NULL;
    m->buckets = bk;
    m->nbuckets = nb;
    return 0;
}

void casus_ap_clear(casus_ap *m)
{
    free(m->buckets);
    m->buckets = NULL;
    free(m->slots);
    free(m->ent);
    free(m->w);
    free(m->w8);
    m->w8 = NULL;
    m->slots = NULL;
    m->ent = NULL;
    m->w = NULL;
}
