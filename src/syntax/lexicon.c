/* lexicon.c — building and checking the table of word classes from an external dictionary. */
#include "syntax/lexicon.h"

#include <stdlib.h>

typedef struct lexpair {
    uint64_t key;
    uint32_t classes;
} lexpair;

static int pair_cmp(const void *x, const void *y)
{
    const lexpair *a = x, *b = y;
    return a->key < b->key ? -1 : a->key > b->key;
}

int casus_lexicon_build(casus_lexicon *l, uint32_t kind, const uint64_t *lower, const uint32_t *classes, size_t n)
{
    if (n >= CASUS_LEX_MAXSLOTS / 2) return -1;
    lexpair *p = malloc((n ? n : 1) * sizeof *p);
    if (!p) return -1;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (classes[i] & CASUS_LEX_MASK) p[m++] = (lexpair){lower[i], classes[i] & CASUS_LEX_MASK};
    /* in key order, so that the table does not depend on the order of the pairs */
    qsort(p, m, sizeof *p, pair_cmp);
    size_t u = 0;
    for (size_t i = 0; i < m; i++) {
        if (u && p[u - 1].key == p[i].key) p[u - 1].classes |= p[i].classes;
        else p[u++] = p[i];
    }
    uint32_t nslots = (uint32_t)(u * 10 / 7 + 1);
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots) {
        free(p);
        return -1;
    }
    for (size_t i = 0; i < u; i++) {
        uint32_t at = casus_lexicon_home(p[i].key, nslots), k = casus_lexicon_keyhash(p[i].key);
        /* two forms whose key hashes agree share an entry (their classes merged) */
        while (slots[at] && slots[at] >> CASUS_LEX_BITS != k)
            if (++at == nslots) at = 0;
        slots[at] |= k << CASUS_LEX_BITS | p[i].classes;
    }
    free(p);
    casus_lexicon_clear(l);
    l->kind = kind;
    l->nslots = nslots;
    l->slots = slots;
    return 0;
}

const char *casus_lexicon_check(const casus_lexicon *l)
{
    if (l->kind > 2) return "unknown lexicon kind";
    if (!l->kind) return l->nslots ? "lexicon of kind 0 with entries" : NULL;
    if (l->nslots == 0 || l->nslots > CASUS_LEX_MAXSLOTS) return "bad lexicon size";
    uint32_t empty = 0;
    for (uint32_t i = 0; i < l->nslots; i++) {
        if (!l->slots[i]) empty++;
        else if (!(l->slots[i] & CASUS_LEX_MASK)) return "lexicon entry without classes";
    }
    return empty ? NULL : "lexicon has no empty slot";
}

void casus_lexicon_clear(casus_lexicon *l)
{
    free(l->slots);
    l->slots = NULL;
    l->nslots = 0;
    l->kind = 0;
}
