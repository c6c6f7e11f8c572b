/* perceptron.c — scoring with a trained, pruned and quantised averaged perceptron. */
#include "syntax/perceptron.h"

#include <stdlib.h>

void casus_ap_score(const casus_ap *m, const uint32_t *feats, size_t n, int32_t *scores)
{
    const uint32_t *keys = m->keys;
    const uint32_t mask = m->mask;
    for (size_t i = 0; i < n; i++) {
        uint32_t k = feats[i];
        uint32_t s = (k * 0x9E3779B1u) & mask;
        while (keys[s] && keys[s] != k) s = (s + 1) & mask;
        if (!keys[s]) continue;
        uint32_t v = m->vals[s], e = v >> 8, end = e + (v & 0xFF);
        for (; e < end; e++) scores[m->cls[e]] += m->w[e];
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

void casus_ap_clear(casus_ap *m)
{
    free(m->keys);
    free(m->vals);
    free(m->cls);
    free(m->w);
    m->keys = m->vals = NULL;
    m->cls = NULL;
    m->w = NULL;
}
