/* lemma.c — the lemmatizer: exceptions learned from the treebank, then longest-suffix rules. */
#include "syntax/lemma.h"

#include <stdlib.h>
#include <string.h>

#include "syntax/features.h"

static uint64_t lower_hash(const char *s, size_t len)
{
    uint64_t h = 0xCBF29CE484222325ull;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        h ^= c;
        h *= 0x100000001B3ull;
    }
    return h;
}

uint32_t casus_lemma_word_key(const char *form, size_t len, int tag)
{
    return casus_features_hash(1000, lower_hash(form, len), (uint64_t)tag, 0);
}

uint32_t casus_lemma_suffix_key(const char *form, size_t len, size_t k, int tag)
{
    if (k > len) k = len;
    return casus_features_hash(1001, lower_hash(form + len - k, k), (uint64_t)tag, k);
}

static long find(const uint32_t *keys, uint32_t n, uint32_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (keys[mid] < key) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && keys[lo] == key ? (long)lo : -1;
}

static size_t put(char *out, size_t cap, size_t at, const char *s, size_t n, int lowercase)
{
    for (size_t i = 0; i < n && at + 1 < cap; i++) {
        char c = s[i];
        if (lowercase && c >= 'A' && c <= 'Z') c = (char)(c + 32);
        out[at++] = c;
    }
    return at;
}

size_t casus_lemma_get(const casus_lemmatizer *m, const char *form, size_t len, int tag, char *out,
                       size_t cap)
{
    if (cap == 0) return 0;
    size_t n = 0;
    long e = m->nexc ? find(m->ekey, m->nexc, casus_lemma_word_key(form, len, tag)) : -1;
    if (e >= 0) {
        const char *s = m->strs + m->elemma[e];
        n = put(out, cap, 0, s, strlen(s), 0);
        out[n] = '\0';
        return n;
    }
    int lowercase = !(tag >= 0 && (uint32_t)tag < m->ntags && m->keepcase[tag]);
    for (size_t k = (len < CASUS_LEMMA_MAXSUF ? len : CASUS_LEMMA_MAXSUF) + 1; k-- > 0;) {
        long r = m->nrules ? find(m->rkey, m->nrules, casus_lemma_suffix_key(form, len, k, tag)) : -1;
        if (r < 0) continue;
        size_t strip = m->rstrip[r] < len ? m->rstrip[r] : len, keep = len - strip;
        /* a rule learnt on ASCII ("'m" -> "be", strip 2) may cut inside a character ("\xC2\xB4m"):
           the whole character goes */
        while (keep > 0 && ((unsigned char)form[keep] & 0xC0) == 0x80) keep--;
        const char *app = m->strs + m->rappend[r];
        n = put(out, cap, 0, form, keep, lowercase);
        n = put(out, cap, n, app, strlen(app), 0);
        out[n] = '\0';
        return n;
    }
    n = put(out, cap, 0, form, len, lowercase);
    out[n] = '\0';
    return n;
}

void casus_lemma_clear(casus_lemmatizer *m)
{
    free(m->keepcase);
    free(m->rkey);
    free(m->rstrip);
    free(m->rappend);
    free(m->ekey);
    free(m->elemma);
    free(m->strs);
    memset(m, 0, sizeof *m);
}
