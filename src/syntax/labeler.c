/* labeler.c — features and greedy decoding for the dependency labeler. */
#include "syntax/labeler.h"

#include <string.h>

void casus_labeler_tree(casus_ltree *t, const int *head, int n, int *mem)
{
    size_t k = (size_t)n + 2;
    t->n = n;
    t->head = head;
    t->l1 = mem;
    t->r1 = mem + k;
    t->nkids = mem + 2 * k;
    t->prevsib = mem + 3 * k;
    memset(mem, 0, 5 * k * sizeof *mem);
    int *last = mem + 4 * k; /* the last dependent of each head seen so far */
    for (int d = 1; d <= n; d++) {
        int h = head[d];
        if (h < 0 || h > n) continue;
        if (t->l1[h] == 0 || d < t->l1[h]) t->l1[h] = d;
        if (d > t->r1[h]) t->r1[h] = d;
        t->nkids[h]++;
        t->prevsib[d] = last[h];
        last[h] = d;
    }
}

static uint64_t dist(int h, int d)
{
    int v = h - d;
    int a = v < 0 ? -v : v;
    uint64_t b = a <= 3 ? (uint64_t)a : a <= 6 ? 4 : a <= 12 ? 5 : 6;
    return v < 0 ? b + 16 : b;
}

size_t casus_labeler_features(const casus_ltree *t, const casus_word *w, const int *tags,
                              const int *labels, int d, uint32_t *f)
{
    const uint64_t NONE_T = 300, NONE_L = 400, NONE_W = 7;
    int h = t->head[d], n = t->n;
    int hh = h > 0 ? t->head[h] : -1;
#define W(x) ((x) >= 0 ? w[x].lower : NONE_W)
#define T(x) ((x) >= 0 ? (uint64_t)tags[x] : NONE_T)
#define C(x) ((x) >= 0 ? (uint64_t)(tags[x] >> 8) : NONE_T)
#define L(x) ((x) > 0 && labels[x] >= 0 ? (uint64_t)labels[x] : NONE_L)
    uint64_t dw = W(d), dp = T(d), hw = W(h), hp = T(h), dd = dist(h, d);
    int dl = t->l1[d] ? t->l1[d] : -1, dr = t->r1[d] ? t->r1[d] : -1;
    int ps = t->prevsib[d] ? t->prevsib[d] : -1;
    size_t k = 0;
#define F(tt, a, b, c) f[k++] = casus_features_hash(tt, a, b, c)
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
    F(12, dp, T(dl), T(dr));
    F(13, dp, W(dl), 0);
    F(14, dp, hp, T(hh));
    F(15, dp, hp, L(h));
    F(16, dp, hp, L(ps));
    F(17, dp, T(ps), L(ps));
    F(18, dp, T(d > 1 ? d - 1 : -1), T(d < n ? d + 1 : -1));
    F(19, dp, hp, (uint64_t)(t->nkids[d] < 3 ? t->nkids[d] : 3));
    F(20, w[d].shape, dp, 0);
    F(21, dw, dd, 0);
    F(22, hp, dd, L(h));
    F(23, dw, T(dl), 0);
    F(24, dp, W(dr), 0);
    F(25, hw, dp, dd);
    F(26, dp, hp, W(hh));
    F(27, dp, T(dl), hp);
    F(28, w[d].flags, dp, hp);
    F(29, C(d), C(h), dd);
    F(30, C(d), C(h), L(ps));
    F(31, w[d].suf[2], hp, 0);
    F(32, dw, C(h), L(h));
    F(33, C(d), C(dl), C(dr));
#undef F
#undef C
#undef W
#undef T
#undef L
    return k;
}

void casus_labeler_label(const casus_ap *m, const casus_word *w, const int *tags, const int *head,
                         int n, int root_label, int *mem, int *labels)
{
    casus_ltree t;
    uint32_t f[CASUS_LABELER_MAXF];
    int32_t scores[256];
    casus_labeler_tree(&t, head, n, mem);
    for (int d = 1; d <= n; d++) labels[d] = -1;
    for (int d = 1; d <= n; d++) {
        if (head[d] == 0) {
            labels[d] = root_label;
            continue;
        }
        size_t nf = casus_labeler_features(&t, w, tags, labels, d, f);
        for (uint32_t c = 0; c < m->nclass; c++) scores[c] = 0;
        casus_ap_score(m, f, nf, scores);
        int best = -1;
        for (int c = 0; c < (int)m->nclass; c++)
            if (c != root_label && (best < 0 || scores[c] > scores[best])) best = c;
        labels[d] = best < 0 ? 0 : best;
    }
}
