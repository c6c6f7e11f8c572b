/* beam.c — beam-search decoding over the arc-eager transitions. */
#include "syntax/beam.h"

#include <string.h>

int casus_beam_select(casus_beam_cand *c, int n, int k)
{
    /* insertion sort: n is at most 4 * CASUS_BEAM_MAX, and it keeps equal scores in order */
    for (int i = 1; i < n; i++) {
        casus_beam_cand x = c[i];
        int j = i;
        while (j > 0 && c[j - 1].score < x.score) {
            c[j] = c[j - 1];
            j--;
        }
        c[j] = x;
    }
    return n < k ? n : k;
}

/* Items of a beam share most of their history, so the same arc is often labelled from the
   same label features by several items: a small cache, keyed by a hash of the features,
   spares the labeler's table look-ups.  The key has 64 bits; a wrong hit is as good as
   impossible. */
#define LABEL_CACHE 64

typedef struct label_cache {
    uint64_t key[LABEL_CACHE];
    int label[LABEL_CACHE];
} label_cache;

/* The labeler's features of the arc h -> d in f, and a hash of them for the label caches
   (never 0, which marks an empty entry). */
static uint64_t label_key(const casus_pstate *s, const casus_word *w, const int *tags, int h, int d, uint32_t *f, size_t *nf)
{
    *nf = casus_parser_label_features(s, w, tags, h, d, f);
    uint64_t key = 0x9E3779B97F4A7C15ull;
    for (size_t i = 0; i < *nf; i++) key = (key ^ f[i]) * 0x100000001B3ull;
    return key | 1;
}

static int cached_label(const casus_ap *lm, label_cache *lc, const casus_pstate *s, const casus_word *w,
                        const int *tags, int h, int d, int root_label)
{
    if (h == 0) return root_label;
    uint32_t f[CASUS_PARSER_LABEL_MAXF];
    size_t nf;
    uint64_t key = label_key(s, w, tags, h, d, f, &nf);
    size_t at = (size_t)(key >> 58) & (LABEL_CACHE - 1);
    if (lc->key[at] == key) return lc->label[at];
    int l = casus_parser_label_best(lm, f, nf, root_label);
    lc->key[at] = key;
    lc->label[at] = l;
    return l;
}

/* With labels scored jointly, the cache keeps the j best labels of an arc and their scores. */
#define TOP_CACHE 128

typedef struct top_cache {
    uint64_t key[TOP_CACHE];
    int n[TOP_CACHE];
    int lab[TOP_CACHE][CASUS_BEAM_MAXLAB];
    int32_t sc[TOP_CACHE][CASUS_BEAM_MAXLAB];
} top_cache;

static int cached_top(const casus_ap *lm, top_cache *tc, const casus_pstate *s, const casus_word *w, const int *tags,
                      int h, int d, int root_label, int j, const int **lab, const int32_t **sc)
{
    uint32_t f[CASUS_PARSER_LABEL_MAXF];
    size_t nf;
    uint64_t key = label_key(s, w, tags, h, d, f, &nf);
    size_t at = (size_t)(key >> 57) & (TOP_CACHE - 1);
    if (tc->key[at] != key) {
        tc->n[at] = casus_parser_label_top(lm, f, nf, root_label, j, tc->lab[at], tc->sc[at]);
        tc->key[at] = key;
    }
    *lab = tc->lab[at];
    *sc = tc->sc[at];
    return tc->n[at];
}

/* Items of a beam often have the same s0 and n0; the scores of the features that depend on
   nothing else (CASUS_PARSER_STATIC) are kept for the last pairs seen. */
#define STATIC_CACHE 128

typedef struct static_cache {
    int key[STATIC_CACHE];
    int32_t sc[STATIC_CACHE][CASUS_PARSER_MOVES];
} static_cache;

static void score_item(const casus_ap *m, static_cache *sc, const casus_pstate *s, const casus_word *w,
                       const int *tags, const int *base, int32_t out[CASUS_PARSER_MOVES])
{
    uint32_t f[CASUS_PARSER_MAXF];
    int s0 = s->sp > 0 ? s->stack[s->sp - 1] : -1;
    int key = (s0 + 1) * (s->n + 2) + s->b;
    /* with tags chosen in the beam, the static features also depend on s0's and n0's */
    if (base) key = key * 4 + (s0 >= 0 && tags[s0] != base[s0]) * 2 + (s->b <= s->n && tags[s->b] != base[s->b]);
    int at = (int)(((unsigned)key * 2654435761u) >> 25) & (STATIC_CACHE - 1);
    if (sc->key[at] != key) {
        size_t nf = casus_parser_features_part(s, w, tags, f, CASUS_PARSER_STATIC);
        memset(sc->sc[at], 0, sizeof sc->sc[at]);
        casus_ap_score(m, f, nf, sc->sc[at]);
        sc->key[at] = key;
    }
    memcpy(out, sc->sc[at], sizeof sc->sc[at]);
    size_t nf = casus_parser_features_part(s, w, tags, f, CASUS_PARSER_DYNAMIC);
    casus_ap_score(m, f, nf, out);
}

void casus_beam_parse(const casus_ap *m, const casus_ap *lm, int root_label, const casus_word *w, const int *tags,
                      const casus_beam_tags *jt, int n, int k, int joint, float prune_units, int *mem, int *head,
                      int *labels)
{
    if (!lm || joint > CASUS_BEAM_MAXLAB) joint = 0;
    if (jt && !jt->swap) jt = NULL;
    if (k <= 1 && !joint && !jt) {
        casus_parser_parse(m, lm, root_label, w, tags, n, mem, head, labels);
        return;
    }
    if (k < 1) k = 1;
    if (k > CASUS_BEAM_MAX) k = CASUS_BEAM_MAX;
    const size_t blk = CASUS_PARSER_MEM(n);
    casus_pstate item[CASUS_BEAM_MAX], next[CASUS_BEAM_MAX];
    double score[CASUS_BEAM_MAX];
    int *block[CASUS_BEAM_MAX], *nblock[CASUS_BEAM_MAX];
    int *spare[2 * CASUS_BEAM_MAX];
    int children[CASUS_BEAM_MAX];
    casus_beam_cand cand[(3 + 3 * CASUS_BEAM_MAXLAB) * CASUS_BEAM_MAX];
    int32_t sc[CASUS_PARSER_MOVES];
    unsigned char ok[CASUS_PARSER_MOVES];
    /* scores are whole numbers unless labels are joint, so this is the truncated threshold of
       before for them */
    if (!(prune_units > 0)) prune_units = CASUS_BEAM_PRUNE;
    const double prune = (double)(prune_units / (m->scale > 0 ? m->scale : 1.0f));
    /* joint label scores in the parser's units */
    const double lratio = joint && m->scale > 0 ? (double)lm->scale / (double)m->scale : 1.0;
    label_cache lc;
    memset(lc.key, 0, sizeof lc.key);
    top_cache tc;
    if (joint) memset(tc.key, 0, sizeof tc.key);
    static_cache stc;
    for (int i = 0; i < STATIC_CACHE; i++) stc.key[i] = -1;
    /* 2k blocks: the items' own and the free ones; the first holds the shared punctuation array */
    casus_parser_init(&item[0], n, w, mem);
    item[0].hk = (int)m->hash;
    item[0].lx = (int)m->lex;
    block[0] = mem;
    score[0] = 0;
    int nitem = 1, nspare = 0;
    for (int i = 2 * k - 1; i >= 1; i--) spare[nspare++] = mem + (size_t)i * blk;
    const double tscale = m->scale > 0 ? 1.0 / m->scale : 1.0;
    if (jt) {
        casus_parser_own_tags(&item[0], tags);
        if (n >= 1 && jt->swap[1] && k > 1) {
            /* the first word's choice is made before any move */
            block[1] = spare[--nspare];
            casus_parser_copy(&item[1], block[1], &item[0]);
            item[1].tg[1] = jt->swap[1];
            score[1] = -jt->pen[1] * tscale;
            nitem = 2;
        }
    }
    for (;;) {
        int nc = 0, busy = 0;
        for (int i = 0; i < nitem; i++) {
            if (casus_parser_terminal(&item[i])) {
                cand[nc++] = (casus_beam_cand){i, -1, score[i], -1, 0};
                continue;
            }
            busy = 1;
            const int *tg = jt ? item[i].tg : tags;
            casus_parser_allowed(&item[i], ok);
            score_item(m, &stc, &item[i], w, tg, jt ? tags : NULL, sc);
            int any = 0, c0 = nc;
            for (int mv = 0; mv < CASUS_PARSER_MOVES; mv++) {
                if (!ok[mv]) continue;
                any = 1;
                if (joint && (mv == CASUS_PARSER_LEFT || mv == CASUS_PARSER_RIGHT)) {
                    int h, d;
                    casus_parser_arc(&item[i], mv, &h, &d);
                    if (h == 0) {
                        cand[nc++] = (casus_beam_cand){i, mv, score[i] + sc[mv], root_label, 0};
                        continue;
                    }
                    const int *lab;
                    const int32_t *lsc;
                    int nl = cached_top(lm, &tc, &item[i], w, tg, h, d, root_label, joint, &lab, &lsc);
                    for (int l = 0; l < nl; l++)
                        cand[nc++] = (casus_beam_cand){i, mv, score[i] + sc[mv] + lsc[l] * lratio, lab[l], 0};
                } else {
                    cand[nc++] = (casus_beam_cand){i, mv, score[i] + sc[mv], -1, 0};
                }
            }
            if (!any) cand[nc++] = (casus_beam_cand){i, CASUS_PARSER_SHIFT, score[i], -1, 0};
            /* moves that bring an unsure word to the front of the buffer also go on with its
               runner-up tag */
            int nb = item[i].b + 1;
            if (jt && nb <= n && jt->swap[nb])
                for (int c = c0, e = nc; c < e; c++)
                    if (cand[c].move == CASUS_PARSER_SHIFT || cand[c].move == CASUS_PARSER_RIGHT) {
                        cand[nc] = cand[c];
                        cand[nc].swap = 1;
                        cand[nc].score -= jt->pen[nb] * tscale;
                        nc++;
                    }
        }
        if (!busy) break;
        int nk = casus_beam_select(cand, nc, k);
        while (nk > 1 && cand[nk - 1].score < cand[0].score - prune) nk--;
        /* an item's block goes to its first successor; the others copy it before any move is
           made; blocks of items with no successor become free */
        memset(children, 0, sizeof children);
        for (int j = 0; j < nk; j++) children[cand[j].from]++;
        for (int i = 0; i < nitem; i++)
            if (!children[i]) spare[nspare++] = block[i];
        for (int j = 0; j < nk; j++) {
            int p = cand[j].from;
            if (children[p] > 0) {
                next[j] = item[p];
                nblock[j] = block[p];
                children[p] = -1;
            } else {
                nblock[j] = spare[--nspare];
                casus_parser_copy(&next[j], nblock[j], &item[p]);
            }
        }
        for (int j = 0; j < nk; j++) {
            int mv = cand[j].move;
            casus_pstate *s = &next[j];
            if (mv == CASUS_PARSER_LEFT || mv == CASUS_PARSER_RIGHT) {
                int h, d;
                casus_parser_arc(s, mv, &h, &d);
                int l = joint ? cand[j].label : lm ? cached_label(lm, &lc, s, w, jt ? s->tg : tags, h, d, root_label) : -1;
                casus_parser_apply(s, mv);
                if (lm) casus_parser_set_label(s, d, l);
            } else if (mv >= 0) {
                casus_parser_apply(s, mv);
            }
            if (cand[j].swap && s->b <= n) s->tg[s->b] = jt->swap[s->b];
            item[j] = next[j];
            block[j] = nblock[j];
            score[j] = cand[j].score;
        }
        nitem = nk;
    }
    casus_pstate *s = &item[0];
    casus_parser_finish(s);
    const int *tg = jt ? s->tg : tags;
    for (int i = 1; i <= n; i++) {
        head[i] = s->head[i];
        if (jt && jt->out) jt->out[i] = s->tg[i];
        if (!lm) continue;
        if (s->lab[i] < 0) casus_parser_set_label(s, i, casus_parser_label(lm, s, w, tg, s->head[i], i, root_label));
        labels[i] = s->lab[i];
    }
}
