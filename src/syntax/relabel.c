/* relabel.c — features and decoding for the relabeler over finished trees (relabel.h). */
#include "syntax/relabel.h"

#include "syntax/parser.h"

void casus_relabel_tree(casus_tree *t, int n, const int *head, const int *lab, int *mem)
{
    t->n = n;
    t->head = head;
    t->lab = lab;
    t->first = mem;
    t->kids = mem + n + 2;
    for (int i = 0; i <= n + 1; i++) t->first[i] = 0;
    /* counting sort by head: first[h + 1] counts h's dependents, then becomes an offset */
    for (int d = 1; d <= n; d++) t->first[head[d] + 1]++;
    for (int h = 0; h <= n; h++) t->first[h + 1] += t->first[h];
    for (int d = 1; d <= n; d++) t->kids[t->first[head[d]]++] = d;
    for (int h = n; h >= 1; h--) t->first[h] = t->first[h - 1];
    t->first[0] = 0;
}

/* Signed distance buckets, as the labeler's. */
static uint64_t rdist(int h, int d)
{
    int v = h - d;
    int a = v < 0 ? -v : v;
    uint64_t b = a <= 3 ? (uint64_t)a : a <= 6 ? 4 : a <= 12 ? 5 : 6;
    return v < 0 ? b + 16 : b;
}

size_t casus_relabel_features(const casus_tree *t, const casus_word *w, const int *tags, int d, uint32_t *f)
{
    const uint64_t NONE_T = 300, NONE_W = 7, NONE_L = CASUS_PARSER_NOLABEL;
    const int n = t->n;
    const int *head = t->head, *lab = t->lab;
    int h = head[d];
    int hh = h > 0 ? head[h] : -1;
    int prv = d > 1 ? d - 1 : -1, nxt = d < n ? d + 1 : -1;
#define W(x) ((x) >= 0 ? w[x].lower : NONE_W)
#define T(x) ((x) >= 0 ? (uint64_t)(tags[x] & 0xFF) : NONE_T)
#define C(x) ((x) >= 0 ? (uint64_t)((tags[x] >> 8) & 0xFF) : NONE_T)
#define L(x) ((x) > 0 && lab[x] >= 0 ? (uint64_t)lab[x] : NONE_L)
    uint64_t dw = W(d), dp = T(d), hw = W(h), hp = T(h), dd = rdist(h, d);
    uint64_t side = d < h ? 0 : 1;
    /* d's dependents: how many on each side and the set of their labels */
    int dk0 = t->first[d], dk1 = t->first[d + 1];
    int nl = 0, nr = 0;
    uint64_t dset = 0;
    for (int i = dk0; i < dk1; i++) {
        int c = t->kids[i];
        if (c < d) nl++;
        else nr++;
        if (lab[c] >= 0) dset |= 1ull << (lab[c] & 63);
    }
    /* h's other dependents: the set of their labels, and d's rank on its side */
    int hk0 = t->first[h], hk1 = t->first[h + 1];
    uint64_t hset = 0;
    int rank = 0;
    for (int i = hk0; i < hk1; i++) {
        int s = t->kids[i];
        if (s == d) continue;
        if (lab[s] >= 0) hset |= 1ull << (lab[s] & 63);
        if ((s < h) == (d < h) && (d < h ? s > d : s < d)) rank++;
    }
    /* punctuation between h and d */
    int lo = d < h ? d : h, hi = d < h ? h : d;
    uint64_t pc = 0;
    for (int i = lo + 1; i < hi && pc < 2; i++) pc += (w[i].flags & CASUS_WORD_PUNCT) != 0;
    size_t k = 0;
#define F(tt, a, b, c) f[k++] = casus_features_hash(400 + (tt), a, b, c)
    F(0, 0, 0, 0);
    F(1, dw, 0, 0);
    F(2, dp, 0, 0);
    F(3, hw, 0, 0);
    F(4, hp, 0, 0);
    F(5, dp, hp, 0);
    F(6, dw, hp, 0);
    F(7, dp, hw, 0);
    F(8, dw, hw, 0);
    F(9, dp, hp, dd);
    F(10, dd, 0, 0);
    F(11, w[d].suf[2], dp, 0);
    F(12, dp, hp, T(hh));
    F(13, dp, hp, L(h));
    F(14, dw, dd, 0);
    F(15, hw, dp, dd);
    F(16, w[d].shape, dp, 0);
    F(17, w[d].flags, dp, hp);
    F(18, C(d), C(h), dd);
    F(19, w[d].suf[2], hp, 0);
    F(20, dp, T(prv), T(nxt));
    F(21, dp, hp, W(hh));
    F(22, (uint64_t)(tags[d] >> 16), dp, hp);
    F(23, dp, (uint64_t)(nl < 3 ? nl : 3) * 4 + (uint64_t)(nr < 3 ? nr : 3), hp);
    F(24, dp, dset, 0);
    F(25, C(d), C(h), dset);
    F(26, dp, hset, 0);
    F(27, dp, hp, hset);
    F(28, dp, hp, (uint64_t)(rank < 3 ? rank : 3) * 2 + side);
    F(29, dp, hp, pc * 32 + dd);
    F(30, dw, L(h), 0);
    F(31, C(d), hw, hset);
    /* each dependent of d (the first eight) */
    for (int i = dk0; i < dk1 && i < dk0 + 8; i++) {
        int c = t->kids[i];
        uint64_t cs = c < d ? 0 : 1;
        F(32, dp, T(c), cs);
        F(33, dp, W(c), cs);
        F(34, dp, hp, L(c));
    }
    /* each other dependent of h (the first ten) */
    for (int i = hk0, m = 0; i < hk1 && m < 10; i++) {
        int s = t->kids[i];
        if (s == d) continue;
        m++;
        uint64_t rel = (s < d ? 0 : 2) + (s < h ? 0 : 1);
        F(35, dp, L(s), rel);
        F(36, dp, T(s), rel);
        F(37, dp, W(s), L(s));
    }
#undef F
#undef W
#undef T
#undef C
#undef L
    return k;
}

void casus_relabel(const casus_ap *rm, int root_label, const casus_tree *t, const casus_word *w, const int *tags,
                   int *out)
{
    uint32_t f[CASUS_RELABEL_MAXF];
    int32_t scores[256];
    for (int d = 1; d <= t->n; d++) {
        if (t->head[d] <= 0) {
            out[d] = root_label;
            continue;
        }
        size_t nf = casus_relabel_features(t, w, tags, d, f);
        for (uint32_t c = 0; c < rm->nclass; c++) scores[c] = 0;
        casus_ap_score(rm, f, nf, scores);
        int best = -1;
        for (int c = 0; c < (int)rm->nclass; c++)
            if (c != root_label && (best < 0 || scores[c] > scores[best])) best = c;
        out[d] = best < 0 ? 0 : best;
    }
}
