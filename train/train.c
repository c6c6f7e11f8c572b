/* train.c — trains the casus syntax model (tagger, parser with arc labeler, lemmatizer) from CoNLL-U.
 *
 *   build/train-syntax TRAIN.conllu DEV.conllu OUT.model [--seed N] [--jackknife K] [--beam K] ...
 *
 * --beam K (K > 1) trains the parser for beam search of width K with max-violation updates;
 * the model records K and casus parses with it.  --hash 1 hashes every feature with the faster
 * hash and --beam-prune F records the beam's pruning threshold (both make a format-5 file).
 * --lexicon 1 stores a table of word classes from WordNet 3.0 (read from --wordnet DIR,
 * /usr/share/wordnet by default; Debian's wordnet-base) that the tagger's features use, --lexicon 2
 * the parser's and the labeler's too (a format-6 file; src/syntax/lexicon.h).
 * Deterministic: the same data and options give the same model file, byte for byte.  Prints
 * progress and dev-set scores (from the saved model, reloaded) to stderr. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "casus.h"
#include "syntax/features.h"
#include "syntax/lemma.h"
#include "syntax/beam.h"
#include "syntax/model.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"

/* ---- data -------------------------------------------------------------------------------- */

typedef struct sent {
    int n;
    char **form, **lemma, **upos, **xpos, **deprel;
    int *head; /* 1-based arrays with slot 0 unused */
    int *tag, *label;
    casus_word *w; /* 1-based, w[0] is the root */
    /* tags chosen in the beam (--tag-cost): each word's tag with its runner-up in its place (0:
       none), the runner-up's cost, and the gold tag */
    int *swap, *gtag;
    float *pen;
} sent;

typedef struct corpus {
    sent *s;
    size_t n, cap;
} corpus;

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "train: out of memory\n");
        exit(1);
    }
    return p;
}

static void *xcalloc(size_t n, size_t k)
{
    void *p = calloc(n ? n : 1, k);
    if (!p) {
        fprintf(stderr, "train: out of memory\n");
        exit(1);
    }
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s);
    char *p = xmalloc(n + 1);
    memcpy(p, s, n + 1);
    return p;
}

static void read_conllu(const char *path, corpus *c)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(1);
    }
    char line[8192];
    char *fields[10];
    sent cur = {0};
    int cap = 0;
    for (;;) {
        char *got = fgets(line, sizeof line, f);
        size_t len = got ? strlen(line) : 0;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        if (!got || len == 0) {
            if (cur.n > 0) {
                if (c->n == c->cap) {
                    c->cap = c->cap ? c->cap * 2 : 1024;
                    c->s = realloc(c->s, c->cap * sizeof *c->s);
                    if (!c->s) exit(1);
                }
                c->s[c->n++] = cur;
            }
            memset(&cur, 0, sizeof cur);
            cap = 0;
            if (!got) break;
            continue;
        }
        if (line[0] == '#') continue;
        int nf = 0;
        char *p = line;
        fields[nf++] = p;
        while (nf < 10 && (p = strchr(p, '\t'))) {
            *p++ = '\0';
            fields[nf++] = p;
        }
        if (nf < 10) continue;
        if (strchr(fields[0], '-') || strchr(fields[0], '.')) continue;
        if (cur.n + 2 > cap) {
            cap = cap ? cap * 2 : 64;
            cur.form = realloc(cur.form, (size_t)cap * sizeof(char *));
            cur.lemma = realloc(cur.lemma, (size_t)cap * sizeof(char *));
            cur.upos = realloc(cur.upos, (size_t)cap * sizeof(char *));
            cur.xpos = realloc(cur.xpos, (size_t)cap * sizeof(char *));
            cur.deprel = realloc(cur.deprel, (size_t)cap * sizeof(char *));
            cur.head = realloc(cur.head, (size_t)cap * sizeof(int));
            if (!cur.form || !cur.lemma || !cur.upos || !cur.xpos || !cur.deprel || !cur.head) exit(1);
        }
        int i = ++cur.n;
        cur.form[i] = xstrdup(fields[1]);
        cur.lemma[i] = xstrdup(fields[2]);
        cur.upos[i] = xstrdup(fields[3]);
        cur.xpos[i] = xstrdup(fields[4]);
        /* "acl:relcl" and the like are kept whole: EWT's basic relations include subtypes */
        cur.deprel[i] = xstrdup(fields[7]);
        cur.head[i] = atoi(fields[6]);
    }
    fclose(f);
}

/* ---- name sets ----------------------------------------------------------------------------- */

typedef struct names {
    char **v;
    uint32_t n;
} names;

static int name_find(const names *s, const char *x)
{
    for (uint32_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i], x)) return (int)i;
    return -1;
}

static int name_add(names *s, const char *x)
{
    int i = name_find(s, x);
    if (i >= 0) return i;
    s->v = realloc(s->v, (s->n + 1) * sizeof *s->v);
    if (!s->v) exit(1);
    s->v[s->n] = xstrdup(x);
    return (int)s->n++;
}

static void pair_name(char *buf, size_t cap, const char *upos, const char *xpos)
{
    snprintf(buf, cap, "%s\t%s", upos, xpos);
}

/* ---- training perceptron --------------------------------------------------------------------- */

/* The kind of feature hash (--hash; casus_features_hash_k), for every classifier trained. */
static int hash_kind = 0;

/* The kind of lexicon (--lexicon; casus_lexicon.kind): 1, the tagger's features use it; 2, the
   parser's and the labeler's too. */
static int lex_kind = 0;

typedef struct aptrain {
    uint32_t nclass, mask, nrows, caprows;
    uint32_t *keys, *rows;
    float *w;
    double *u;
    double c; /* instances seen */
} aptrain;

static void apt_init(aptrain *a, uint32_t nclass)
{
    memset(a, 0, sizeof *a);
    a->nclass = nclass;
    a->mask = (1u << 16) - 1;
    a->keys = xcalloc(a->mask + 1, 4);
    a->rows = xcalloc(a->mask + 1, 4);
    a->c = 1;
}

static void apt_free(aptrain *a)
{
    free(a->keys);
    free(a->rows);
    free(a->w);
    free(a->u);
}

static uint32_t slot_of(uint32_t k, uint32_t mask) { return (k * 0x9E3779B1u) & mask; }

static long apt_row(aptrain *a, uint32_t k, int create)
{
    uint32_t s = slot_of(k, a->mask);
    while (a->keys[s] && a->keys[s] != k) s = (s + 1) & a->mask;
    if (a->keys[s]) return a->rows[s];
    if (!create) return -1;
    if ((a->nrows + 1) * 2 > a->mask + 1) {
        uint32_t nmask = a->mask * 2 + 1;
        uint32_t *nk = xcalloc(nmask + 1, 4), *nr = xcalloc(nmask + 1, 4);
        for (uint32_t i = 0; i <= a->mask; i++) {
            if (!a->keys[i]) continue;
            uint32_t t = slot_of(a->keys[i], nmask);
            while (nk[t]) t = (t + 1) & nmask;
            nk[t] = a->keys[i];
            nr[t] = a->rows[i];
        }
        free(a->keys);
        free(a->rows);
        a->keys = nk;
        a->rows = nr;
        a->mask = nmask;
        s = slot_of(k, a->mask);
        while (a->keys[s]) s = (s + 1) & a->mask;
    }
    if (a->nrows == a->caprows) {
        a->caprows = a->caprows ? a->caprows * 2 : 4096;
        a->w = realloc(a->w, (size_t)a->caprows * a->nclass * sizeof *a->w);
        a->u = realloc(a->u, (size_t)a->caprows * a->nclass * sizeof *a->u);
        if (!a->w || !a->u) exit(1);
    }
    memset(a->w + (size_t)a->nrows * a->nclass, 0, a->nclass * sizeof *a->w);
    memset(a->u + (size_t)a->nrows * a->nclass, 0, a->nclass * sizeof *a->u);
    a->keys[s] = k;
    a->rows[s] = a->nrows;
    return a->nrows++;
}

static void apt_score(aptrain *a, const uint32_t *f, size_t n, float *scores)
{
    for (uint32_t c = 0; c < a->nclass; c++) scores[c] = 0;
    for (size_t i = 0; i < n; i++) {
        long r = apt_row(a, f[i], 0);
        if (r < 0) continue;
        const float *w = a->w + (size_t)r * a->nclass;
        for (uint32_t c = 0; c < a->nclass; c++) scores[c] += w[c];
    }
}

static void apt_update(aptrain *a, const uint32_t *f, size_t n, int good, int bad)
{
    for (size_t i = 0; i < n; i++) {
        long r = apt_row(a, f[i], 1);
        size_t o = (size_t)r * a->nclass;
        a->w[o + good] += 1;
        a->u[o + good] += a->c;
        a->w[o + bad] -= 1;
        a->u[o + bad] -= a->c;
    }
}

/* Adds d to the weights of class cls for n features (one side of a structured update). */
static void apt_add(aptrain *a, const uint32_t *f, size_t n, int cls, float d)
{
    for (size_t i = 0; i < n; i++) {
        long r = apt_row(a, f[i], 1);
        size_t o = (size_t)r * a->nclass + (size_t)cls;
        a->w[o] += d;
        a->u[o] += d * a->c;
    }
}

static int argmax(const float *s, uint32_t n, const unsigned char *ok)
{
    int best = -1;
    for (uint32_t c = 0; c < n; c++)
        if ((!ok || ok[c]) && (best < 0 || s[c] > s[best])) best = (int)c;
    return best;
}

/* Dense hashed form: training keys were folded to row + 1 (see fold_rows); weights of bits
   (8 or 16) bits. */
static void apt_finish_dense(const aptrain *a, uint32_t rows, int bits, casus_ap *out)
{
    uint32_t C = a->nclass;
    double maxabs = 0;
    for (size_t i = 0; i < (size_t)a->nrows * C; i++) {
        double v = a->w[i] - a->u[i] / a->c;
        if (fabs(v) > maxabs) maxabs = fabs(v);
    }
    double top = bits == 8 ? 127.0 : 32000.0;
    double scale = maxabs > 0 ? maxabs / top : 1.0;
    memset(out, 0, sizeof *out);
    out->nclass = C;
    out->hash = (uint32_t)hash_kind;
    out->lex = lex_kind >= 2;
    out->nslots = rows;
    out->dense = bits == 8 ? 2 : 1;
    out->nentries = rows * C;
    if (bits == 8) out->w8 = xcalloc((size_t)rows * C, sizeof *out->w8);
    else out->w = xcalloc((size_t)rows * C, sizeof *out->w);
    out->scale = (float)scale;
    for (uint32_t s = 0; s <= a->mask; s++) {
        if (!a->keys[s]) continue;
        uint32_t row = a->keys[s] - 1, r = a->rows[s];
        for (uint32_t c = 0; c < C; c++) {
            double v = a->w[(size_t)r * C + c] - a->u[(size_t)r * C + c] / a->c;
            long q = lround(v / scale);
            if (q > (long)top) q = (long)top;
            if (q < -(long)top) q = -(long)top;
            if (bits == 8) out->w8[(size_t)row * C + c] = (int8_t)q;
            else out->w[(size_t)row * C + c] = (int16_t)q;
        }
    }
    fprintf(stderr, "  classifier: %u classes, dense, %u rows for %u features, %d-bit weights, %.1f MB\n", C, rows,
            a->nrows, bits, rows * C * bits / 8.0 / 1e6);
}

/* Averages, prunes weights below prune (absolute), quantises to int16 and builds the table. */
static void apt_finish(const aptrain *a, double prune, casus_ap *out)
{
    uint32_t C = a->nclass;
    float *avg = xmalloc((size_t)a->nrows * C * sizeof *avg);
    double maxabs = 0;
    for (size_t i = 0; i < (size_t)a->nrows * C; i++) {
        double v = a->w[i] - a->u[i] / a->c;
        avg[i] = (float)v;
        if (fabs(v) > maxabs) maxabs = fabs(v);
    }
    double scale = maxabs > 0 ? maxabs / 32000.0 : 1.0;
    if (prune < scale * 0.5) prune = scale * 0.5;
    uint32_t keep = 0, nent = 0;
    for (uint32_t r = 0; r < a->nrows; r++) {
        uint32_t k = 0;
        for (uint32_t c = 0; c < C; c++)
            if (fabs(avg[(size_t)r * C + c]) >= prune) k++;
        if (k) keep++;
        nent += k;
    }
    uint32_t slots = keep + keep / 4 + 1; /* a load of 0.8 */
    memset(out, 0, sizeof *out);
    out->nclass = C;
    out->hash = (uint32_t)hash_kind;
    out->lex = lex_kind >= 1;
    out->nslots = slots;
    out->slots = xcalloc(slots, sizeof *out->slots);
    out->ent = xmalloc((nent + 1) * sizeof *out->ent);
    out->scale = (float)scale;
    uint32_t e = 0;
    for (uint32_t s = 0; s <= a->mask; s++) {
        if (!a->keys[s]) continue;
        uint32_t r = a->rows[s], start = e;
        for (uint32_t c = 0; c < C; c++) {
            double v = avg[(size_t)r * C + c];
            if (fabs(v) < prune) continue;
            long q = lround(v / scale);
            if (q > 32767) q = 32767;
            if (q < -32767) q = -32767;
            if (q == 0) continue;
            out->ent[e++] = casus_ap_entry((int)c, (int)q);
        }
        if (e == start) continue;
        uint32_t t = casus_ap_slot(a->keys[s], out->nslots);
        while (out->slots[t])
            if (++t == out->nslots) t = 0;
        out->slots[t] = casus_ap_slotval(a->keys[s], start, e - start);
    }
    out->nentries = e;
    free(avg);
    fprintf(stderr, "  classifier: %u classes, %u of %u features kept, %u weights, %.1f MB\n", C, keep,
            a->nrows, e, (slots * 8.0 + e * 3.0) / 1e6);
}

/* ---- random numbers (xorshift, seeded) ------------------------------------------------------ */

static uint64_t rng_state = 88172645463325252ull;
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static void shuffle(size_t *v, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = rnd() % i;
        size_t t = v[i - 1];
        v[i - 1] = v[j];
        v[j] = t;
    }
}

static int float_cmp(const void *x, const void *y)
{
    float a = *(const float *)x, b = *(const float *)y;
    return a < b ? -1 : a > b;
}

/* ---- tagger ------------------------------------------------------------------------------- */

/* first: per sentence, the first pass's tags (0-based) when training the second pass, else NULL. */
static void train_tagger(corpus *c, const size_t *idx, size_t nidx, uint32_t ntags, int iters, int **first, aptrain *a)
{
    apt_init(a, ntags);
    size_t *order = xmalloc(nidx * sizeof *order);
    memcpy(order, idx, nidx * sizeof *order);
    float *scores = xmalloc(ntags * sizeof *scores);
    uint32_t f[CASUS_TAGGER_MAXF];
    int *pred = NULL;
    int predcap = 0;
    for (int it = 0; it < iters; it++) {
        shuffle(order, nidx);
        size_t right = 0, total = 0;
        for (size_t oi = 0; oi < nidx; oi++) {
            sent *s = &c->s[order[oi]];
            if (s->n + 1 > predcap) {
                predcap = s->n + 1;
                pred = realloc(pred, (size_t)predcap * sizeof *pred);
            }
            for (int i = 0; i < s->n; i++) {
                int p1 = i > 0 ? pred[i - 1] : -1, p2 = i > 1 ? pred[i - 2] : -1;
                size_t nf = first ? casus_tagger_features2(s->w + 1, (size_t)s->n, (size_t)i, p1, p2, first[order[oi]], f,
                                                           hash_kind, lex_kind >= 1)
                                  : casus_tagger_features(s->w + 1, (size_t)s->n, (size_t)i, p1, p2, f, hash_kind, lex_kind >= 1);
                apt_score(a, f, nf, scores);
                int p = argmax(scores, ntags, NULL), g = s->tag[i + 1];
                if (p != g) apt_update(a, f, nf, g, p);
                else right++;
                total++;
                a->c += 1;
                pred[i] = p;
            }
        }
        fprintf(stderr, "  tagger iteration %d: train accuracy %.2f%%\n", it + 1, 100.0 * right / total);
    }
    free(pred);
    free(order);
    free(scores);
}

/* ---- parser with a dynamic oracle (Goldberg & Nivre 2012, arc-eager) ------------------------ */

static void costs(const casus_pstate *st, const int *gold, int *cost, int *onstack)
{
    int n = st->n, b = st->b;
    int s0 = st->sp > 0 ? st->stack[st->sp - 1] : -1;
    for (int i = 0; i < CASUS_PARSER_MOVES; i++) cost[i] = 0;
    for (int i = 0; i < st->sp; i++) onstack[st->stack[i]] = 1;
    if (b <= n) {
        /* SHIFT: b loses heads and dependents on the stack */
        for (int i = 0; i < st->sp; i++) {
            int k = st->stack[i];
            if (gold[b] == k) cost[CASUS_PARSER_SHIFT]++;
            if (k > 0 && st->head[k] < 0 && gold[k] == b) cost[CASUS_PARSER_SHIFT]++;
        }
        /* RIGHT: b loses any other head, and dependents on the stack */
        if (s0 >= 0) {
            if (gold[b] != s0 && (onstack[gold[b]] || gold[b] > b)) cost[CASUS_PARSER_RIGHT]++;
            for (int i = 0; i < st->sp; i++) {
                int k = st->stack[i];
                if (k > 0 && st->head[k] < 0 && gold[k] == b) cost[CASUS_PARSER_RIGHT]++;
            }
        }
    }
    if (s0 > 0) {
        for (int k = b; k <= n; k++) {
            if (gold[k] == s0) {
                cost[CASUS_PARSER_REDUCE]++;
                cost[CASUS_PARSER_LEFT]++;
            }
            if (gold[s0] == k && k != b) cost[CASUS_PARSER_LEFT]++;
        }
    }
    for (int i = 0; i < st->sp; i++) onstack[st->stack[i]] = 0;
}

static uint32_t parser_rows = 1u << 20;

static void fold_rows(uint32_t *f, size_t n)
{
    for (size_t i = 0; i < n; i++) f[i] = casus_ap_slot(f[i], parser_rows) + 1;
}

static void train_parser(corpus *c, int iters, aptrain *a, aptrain *al, uint32_t nlabels, int root)
{
    apt_init(a, CASUS_PARSER_MOVES);
    apt_init(al, nlabels);
    float *lscores = xmalloc(nlabels * sizeof *lscores);
    unsigned char *lok = xmalloc(nlabels);
    for (uint32_t i = 0; i < nlabels; i++) lok[i] = (int)i != root;
    uint32_t fl[CASUS_PARSER_LABEL_MAXF];
    size_t lright = 0, ltotal = 0;
    size_t *order = xmalloc(c->n * sizeof *order);
    for (size_t i = 0; i < c->n; i++) order[i] = i;
    int maxn = 0;
    for (size_t i = 0; i < c->n; i++)
        if (c->s[i].n > maxn) maxn = c->s[i].n;
    int *mem = xmalloc(CASUS_PARSER_MEM(maxn) * sizeof *mem);
    int *onstack = xcalloc((size_t)maxn + 2, sizeof *onstack);
    uint32_t f[CASUS_PARSER_MAXF];
    float scores[CASUS_PARSER_MOVES];
    int cost[CASUS_PARSER_MOVES];
    unsigned char ok[CASUS_PARSER_MOVES], zero[CASUS_PARSER_MOVES];
    for (int it = 0; it < iters; it++) {
        shuffle(order, c->n);
        size_t right = 0, total = 0;
        for (size_t oi = 0; oi < c->n; oi++) {
            sent *s = &c->s[order[oi]];
            casus_pstate st;
            casus_parser_init(&st, s->n, s->w, mem);
            st.hk = hash_kind;
            st.lx = lex_kind >= 2;
            while (!casus_parser_terminal(&st)) {
                casus_parser_allowed(&st, ok);
                costs(&st, s->head, cost, onstack);
                int mincost = 1 << 30;
                for (int m = 0; m < CASUS_PARSER_MOVES; m++)
                    if (ok[m] && cost[m] < mincost) mincost = cost[m];
                for (int m = 0; m < CASUS_PARSER_MOVES; m++) zero[m] = ok[m] && cost[m] == mincost;
                size_t nf = casus_parser_features(&st, s->w, s->tag, f);
                if (parser_rows) fold_rows(f, nf);
                apt_score(a, f, nf, scores);
                int p = argmax(scores, CASUS_PARSER_MOVES, ok);
                int g = argmax(scores, CASUS_PARSER_MOVES, zero);
                if (!zero[p]) apt_update(a, f, nf, g, p);
                else right++;
                total++;
                a->c += 1;
                int next = g;
                if (it > 0 && (rnd() % 100) < 90) next = p;
                if (next == CASUS_PARSER_LEFT || next == CASUS_PARSER_RIGHT) {
                    int h, d, l = root;
                    casus_parser_arc(&st, next, &h, &d);
                    if (h > 0) {
                        size_t nfl = casus_parser_label_features(&st, s->w, s->tag, h, d, fl);
                        apt_score(al, fl, nfl, lscores);
                        int pl = argmax(lscores, nlabels, lok), gl = s->label[d];
                        if (s->head[d] == h && gl != root) {
                            if (pl != gl) apt_update(al, fl, nfl, gl, pl);
                            else lright++;
                            ltotal++;
                        }
                        al->c += 1;
                        l = it == 0 && s->head[d] == h ? gl : pl;
                    }
                    casus_parser_apply(&st, next);
                    casus_parser_set_label(&st, d, l);
                } else {
                    casus_parser_apply(&st, next);
                }
            }
        }
        fprintf(stderr, "  parser iteration %d: %.2f%% of moves right, %.2f%% of labels\n", it + 1, 100.0 * right / total,
                100.0 * lright / (ltotal ? ltotal : 1));
        lright = ltotal = 0;
    }
    free(lscores);
    free(lok);
    free(order);
    free(mem);
    free(onstack);
}

/* ---- the parser with a beam, trained globally --------------------------------------------- */

/* Each step of each hypothesis is a node: its parent, the move (-1: the hypothesis was finished
   and stayed) and the label of the arc the move made (-1: none). */
typedef struct bnode {
    int parent;
    int move, label;
    int swap; /* 1: the word the move brought to the front of the buffer took its runner-up tag */
} bnode;

typedef struct bitem {
    casus_pstate st;
    int *mem;
    double score;
    int node, gold; /* gold: every move so far was one the dynamic oracle allows */
} bitem;

typedef struct bcand {
    int from, move, gold;
    double score;
    int label; /* joint labels: the label of the arc the move makes (-1: none) */
    int swap;  /* see bnode */
} bcand;

typedef struct btrain {
    bnode *nodes;
    size_t nnodes, capnodes;
    int *seqp, *seqg; /* node paths, for the updates */
    size_t capseq;
} btrain;

static int bt_node(btrain *t, int parent, int move, int label, int swap)
{
    if (t->nnodes == t->capnodes) {
        t->capnodes = t->capnodes ? t->capnodes * 2 : 4096;
        t->nodes = realloc(t->nodes, t->capnodes * sizeof *t->nodes);
        if (!t->nodes) exit(1);
    }
    t->nodes[t->nnodes] = (bnode){parent, move, label, swap};
    return (int)t->nnodes++;
}

/* The moves from the start to node, into seq; returns how many. */
static size_t bt_path(btrain *t, int node, int *seq)
{
    size_t n = 0;
    for (int x = node; x > 0; x = t->nodes[x].parent) n++;
    size_t i = n;
    for (int x = node; x > 0; x = t->nodes[x].parent) seq[--i] = x;
    return n;
}

static int label_of(aptrain *al, const casus_pstate *st, const sent *s, int move, int root, float *lscores,
                    const unsigned char *lok)
{
    int h, d;
    uint32_t fl[CASUS_PARSER_LABEL_MAXF];
    casus_parser_arc(st, move, &h, &d);
    if (h == 0) return root;
    size_t nfl = casus_parser_label_features(st, s->w, st->owntags ? st->tg : s->tag, h, d, fl);
    apt_score(al, fl, nfl, lscores);
    return argmax(lscores, al->nclass, lok);
}

static void apply_labelled(casus_pstate *st, int move, int label)
{
    int h = -1, d = -1;
    if (move == CASUS_PARSER_LEFT || move == CASUS_PARSER_RIGHT) casus_parser_arc(st, move, &h, &d);
    casus_parser_apply(st, move);
    if (d >= 0) casus_parser_set_label(st, d, label);
}

/* The move (none when negative), then the runner-up tag for the word now at the front of the
   buffer when swap is set. */
static void apply_full(casus_pstate *st, const sent *s, int move, int label, int swap)
{
    if (move >= 0) apply_labelled(st, move, label);
    if (swap && st->b <= s->n) st->tg[st->b] = s->swap[st->b];
}

/* Whether the word's own tag, and its runner-up, agree with the gold tag (both do when
   neither is right: either choice loses the same). */
static void swap_gold(const sent *s, int i, int *plain, int *alt)
{
    int ft = s->tag[i] & 0xFF, fs = s->swap[i] & 0xFF, gt = s->gtag[i];
    *plain = ft == gt || fs != gt;
    *alt = fs == gt || ft != gt;
}

/* The structured perceptron update: the predicted sequence down, the gold one up, over the
   moves after the point where they part. */
static void bt_update(btrain *t, aptrain *a, aptrain *al, const sent *s, int pnode, int gnode, int *mem1, int *mem2)
{
    uint32_t fl[CASUS_PARSER_LABEL_MAXF];
    size_t np = bt_path(t, pnode, t->seqp), ng = bt_path(t, gnode, t->seqg);
    casus_pstate sp, sg;
    uint32_t f[CASUS_PARSER_MAXF];
    casus_parser_init(&sp, s->n, s->w, mem1);
    sp.hk = hash_kind;
    sp.lx = lex_kind >= 2;
    size_t i = 0;
    if (s->swap) casus_parser_own_tags(&sp, s->tag);
    while (i < np && i < ng && t->nodes[t->seqp[i]].move == t->nodes[t->seqg[i]].move &&
           t->nodes[t->seqp[i]].label == t->nodes[t->seqg[i]].label && t->nodes[t->seqp[i]].swap == t->nodes[t->seqg[i]].swap) {
        const bnode *x = &t->nodes[t->seqp[i]];
        apply_full(&sp, s, x->move, x->label, x->swap);
        i++;
    }
    casus_parser_copy(&sg, mem2, &sp);
    for (int side = 0; side < 2; side++) {
        casus_pstate *st = side ? &sg : &sp;
        const int *seq = side ? t->seqg : t->seqp;
        size_t n = side ? ng : np;
        for (size_t j = i; j < n; j++) {
            const bnode *x = &t->nodes[seq[j]];
            if (x->move < 0) {
                apply_full(st, s, -1, -1, x->swap);
                continue;
            }
            const int *tg = st->owntags ? st->tg : s->tag;
            size_t nf = casus_parser_features(st, s->w, tg, f);
            if (parser_rows) fold_rows(f, nf);
            apt_add(a, f, nf, x->move, side ? 1.0f : -1.0f);
            if (al && x->label >= 0 && (x->move == CASUS_PARSER_LEFT || x->move == CASUS_PARSER_RIGHT)) {
                /* joint labels: the labeler's weights are part of the move's score */
                int h, d;
                casus_parser_arc(st, x->move, &h, &d);
                if (h > 0) {
                    size_t nfl = casus_parser_label_features(st, s->w, tg, h, d, fl);
                    apt_add(al, fl, nfl, x->label, side ? 1.0f : -1.0f);
                }
            }
            apply_full(st, s, x->move, x->label, x->swap);
        }
    }
}

static int bcand_cmp(const void *x, const void *y)
{
    const bcand *p = x, *q = y;
    if (p->score != q->score) return p->score > q->score ? -1 : 1;
    if (p->from != q->from) return p->from < q->from ? -1 : 1;
    if (p->move != q->move) return p->move < q->move ? -1 : 1;
    if (p->swap != q->swap) return p->swap < q->swap ? -1 : 1;
    return p->label < q->label ? -1 : p->label > q->label;
}

/* Beam search with max-violation updates (Huang, Fayong & Guo 2012): the beam is run to the
   end beside the best hypothesis the dynamic oracle allows ("gold"), and the update is made at
   the step where the beam's best leads gold by most.  The labeler learns greedily on gold's arcs. */
/* The j best labels but root of float scores sc[0..n), best first, into lab; returns how many. */
static int top_labels(const float *sc, uint32_t n, int root, int j, int *lab)
{
    int m = 0;
    for (int c = 0; c < (int)n; c++) {
        if (c == root) continue;
        int at = m;
        while (at > 0 && sc[lab[at - 1]] < sc[c]) at--;
        if (at >= j) continue;
        if (m < j) m++;
        for (int i = m - 1; i > at; i--) lab[i] = lab[i - 1];
        lab[at] = c;
    }
    return m;
}

static void train_parser_beam(corpus *c, int iters, int k, int joint, aptrain *a, aptrain *al, uint32_t nlabels, int root)
{
    apt_init(a, CASUS_PARSER_MOVES);
    apt_init(al, nlabels);
    float *lscores = xmalloc(nlabels * sizeof *lscores);
    unsigned char *lok = xmalloc(nlabels);
    for (uint32_t i = 0; i < nlabels; i++) lok[i] = (int)i != root;
    uint32_t fl[CASUS_PARSER_LABEL_MAXF];
    size_t *order = xmalloc(c->n * sizeof *order);
    for (size_t i = 0; i < c->n; i++) order[i] = i;
    int maxn = 0;
    for (size_t i = 0; i < c->n; i++)
        if (c->s[i].n > maxn) maxn = c->s[i].n;
    size_t blk = CASUS_PARSER_MEM(maxn);
    int nblocks = 2 * k + 4;
    int *pool = xmalloc(blk * (size_t)nblocks * sizeof *pool);
    int *onstack = xcalloc((size_t)maxn + 2, sizeof *onstack);
    size_t maxsteps = 2 * (size_t)maxn + 8;
    double *viol = xmalloc(maxsteps * sizeof *viol);
    int *vp = xmalloc(maxsteps * sizeof *vp), *vg = xmalloc(maxsteps * sizeof *vg);
    btrain t = {0};
    t.capseq = maxsteps;
    t.seqp = xmalloc(maxsteps * sizeof *t.seqp);
    t.seqg = xmalloc(maxsteps * sizeof *t.seqg);
    bitem *item = xmalloc((size_t)k * sizeof *item), *next = xmalloc((size_t)k * sizeof *next);
    bitem gold, gnext;
    size_t per = 6 + 2 * (size_t)(joint > 0 ? joint + 1 : 0);
    bcand *cand = xmalloc((per * (size_t)k + 4) * sizeof *cand), *gc = xmalloc(per * (size_t)(k + 1) * sizeof *gc);
    int tl[CASUS_BEAM_MAXLAB + 1];
    uint32_t f[CASUS_PARSER_MAXF];
    float scores[CASUS_PARSER_MOVES];
    int cost[CASUS_PARSER_MOVES];
    unsigned char ok[CASUS_PARSER_MOVES];
    for (int it = 0; it < iters; it++) {
        shuffle(order, c->n);
        size_t updates = 0, lright = 0, ltotal = 0, uas = 0, words = 0;
        for (size_t oi = 0; oi < c->n; oi++) {
            sent *s = &c->s[order[oi]];
            /* blocks 0..k-1 and k..2k-1 for the two beams, 2k and 2k+1 for gold, the rest for updates */
            for (int i = 0; i < k; i++) item[i].mem = pool + blk * (size_t)i, next[i].mem = pool + blk * (size_t)(k + i);
            gold.mem = pool + blk * (size_t)(2 * k);
            gnext.mem = pool + blk * (size_t)(2 * k + 1);
            t.nnodes = 0;
            bt_node(&t, -1, -2, -1, 0);
            casus_parser_init(&item[0].st, s->n, s->w, item[0].mem);
            item[0].st.hk = hash_kind;
            item[0].st.lx = lex_kind >= 2;
            item[0].score = 0;
            item[0].node = 0;
            item[0].gold = 1;
            int nitem = 1, gin = 0; /* gin: gold is item[0..nitem) with the gold flag */
            if (s->swap) {
                casus_parser_own_tags(&item[0].st, s->tag);
                if (s->n >= 1 && s->swap[1] && k > 1) {
                    /* the first word's choice is made before any move */
                    casus_parser_copy(&item[1].st, item[1].mem, &item[0].st);
                    apply_full(&item[1].st, s, -1, -1, 1);
                    item[1].score = -s->pen[1];
                    item[1].node = bt_node(&t, 0, -1, -1, 1);
                    swap_gold(s, 1, &item[0].gold, &item[1].gold);
                    nitem = 2;
                }
            }
            bitem *g0 = item[0].gold ? &item[0] : &item[1];
            casus_parser_copy(&gold.st, gold.mem, &g0->st);
            gold.score = g0->score;
            gold.node = g0->node;
            gold.gold = 1;
            size_t nsteps = 0;
            for (;;) {
                int nc = 0, ngc = 0, busy = 0;
                for (int i = 0; i < nitem + !gin; i++) {
                    bitem *x = i < nitem ? &item[i] : &gold;
                    int from = i < nitem ? i : -1;
                    if (casus_parser_terminal(&x->st)) {
                        bcand cc = {from, -1, x->gold, x->score, -1, 0};
                        if (from >= 0) cand[nc++] = cc;
                        if (x->gold) gc[ngc++] = cc;
                        continue;
                    }
                    busy = 1;
                    casus_parser_allowed(&x->st, ok);
                    const int *tg = x->st.owntags ? x->st.tg : s->tag;
                    size_t nf = casus_parser_features(&x->st, s->w, tg, f);
                    if (parser_rows) fold_rows(f, nf);
                    apt_score(a, f, nf, scores);
                    int mincost = 1 << 30;
                    if (x->gold) {
                        costs(&x->st, s->head, cost, onstack);
                        for (int m = 0; m < CASUS_PARSER_MOVES; m++)
                            if (ok[m] && cost[m] < mincost) mincost = cost[m];
                    }
                    for (int m = 0; m < CASUS_PARSER_MOVES; m++) {
                        if (!ok[m]) continue;
                        int mg = x->gold && cost[m] == mincost;
                        if (joint && (m == CASUS_PARSER_LEFT || m == CASUS_PARSER_RIGHT)) {
                            int h, d;
                            casus_parser_arc(&x->st, m, &h, &d);
                            if (h == 0) {
                                bcand cc = {from, m, mg, x->score + scores[m], root, 0};
                                if (from >= 0) cand[nc++] = cc;
                                if (cc.gold) gc[ngc++] = cc;
                                continue;
                            }
                            size_t nfl = casus_parser_label_features(&x->st, s->w, tg, h, d, fl);
                            apt_score(al, fl, nfl, lscores);
                            int nl = top_labels(lscores, nlabels, root, joint, tl);
                            /* a right arc needs the right label; a wrong one, which the oracle
                               allows when the word's head is out of reach, any label */
                            int gl = mg && s->head[d] == h && s->label[d] != root ? s->label[d] : -1, gin2 = 0;
                            for (int li = 0; li < nl; li++) {
                                bcand cc = {from, m, mg && (gl < 0 || tl[li] == gl), x->score + scores[m] + lscores[tl[li]], tl[li], 0};
                                gin2 |= tl[li] == gl;
                                if (from >= 0) cand[nc++] = cc;
                                if (cc.gold) gc[ngc++] = cc;
                            }
                            if (gl >= 0 && !gin2) gc[ngc++] = (bcand){from, m, 1, x->score + scores[m] + lscores[gl], gl, 0};
                            continue;
                        }
                        bcand cc = {from, m, mg, x->score + scores[m], -1, 0};
                        int nb = x->st.b + 1;
                        if (s->swap && (m == CASUS_PARSER_SHIFT || m == CASUS_PARSER_RIGHT) && nb <= s->n && s->swap[nb]) {
                            /* the word the move brings to the front of the buffer: its tag or its runner-up */
                            int okp, oks;
                            swap_gold(s, nb, &okp, &oks);
                            bcand c2 = cc;
                            c2.swap = 1;
                            c2.score -= s->pen[nb];
                            c2.gold = mg && oks;
                            cc.gold = mg && okp;
                            if (from >= 0) cand[nc++] = cc;
                            if (cc.gold) gc[ngc++] = cc;
                            if (from >= 0) cand[nc++] = c2;
                            if (c2.gold) gc[ngc++] = c2;
                            continue;
                        }
                        if (from >= 0) cand[nc++] = cc;
                        if (cc.gold) gc[ngc++] = cc;
                    }
                }
                if (!busy) break;
                qsort(cand, (size_t)nc, sizeof *cand, bcand_cmp);
                int nk = nc < k ? nc : k;
                /* the best gold continuation, in the beam or not */
                int gbest = 0;
                for (int i = 1; i < ngc; i++)
                    if (gc[i].score > gc[gbest].score) gbest = i;
                bcand g = gc[gbest];
                int gsel = -1;
                for (int j = 0; j < nk; j++)
                    if (cand[j].gold && (gsel < 0 || cand[j].score > cand[gsel].score)) gsel = j;
                /* the labeler learns on gold's arcs, from gold's state before the move */
                bitem *gsrc = g.from >= 0 ? &item[g.from] : &gold;
                if (!joint && (g.move == CASUS_PARSER_LEFT || g.move == CASUS_PARSER_RIGHT)) {
                    int h, d;
                    casus_parser_arc(&gsrc->st, g.move, &h, &d);
                    if (h > 0 && s->head[d] == h && s->label[d] != root) {
                        size_t nfl = casus_parser_label_features(&gsrc->st, s->w, gsrc->st.owntags ? gsrc->st.tg : s->tag, h, d, fl);
                        apt_score(al, fl, nfl, lscores);
                        int pl = argmax(lscores, nlabels, lok);
                        if (pl != s->label[d]) apt_update(al, fl, nfl, s->label[d], pl);
                        else lright++;
                        ltotal++;
                        al->c += 1;
                    }
                }
                /* gold leaves the beam: follow it outside */
                if (gsel < 0) {
                    casus_parser_copy(&gnext.st, gnext.mem, &gsrc->st);
                    int l = -1;
                    if (joint) l = g.label;
                    else if (g.move == CASUS_PARSER_LEFT || g.move == CASUS_PARSER_RIGHT)
                        l = label_of(al, &gnext.st, s, g.move, root, lscores, lok);
                    apply_full(&gnext.st, s, g.move, l, g.swap);
                    gnext.score = g.score;
                    gnext.gold = 1;
                    gnext.node = g.move >= 0 ? bt_node(&t, gsrc->node, g.move, l, g.swap) : gsrc->node;
                }
                for (int j = 0; j < nk; j++) {
                    bitem *p = &item[cand[j].from], *x = &next[j];
                    casus_parser_copy(&x->st, x->mem, &p->st);
                    int mv = cand[j].move, l = -1;
                    if (joint) l = cand[j].label;
                    else if (mv == CASUS_PARSER_LEFT || mv == CASUS_PARSER_RIGHT) l = label_of(al, &x->st, s, mv, root, lscores, lok);
                    apply_full(&x->st, s, mv, l, cand[j].swap);
                    x->score = cand[j].score;
                    x->gold = cand[j].gold;
                    x->node = mv >= 0 ? bt_node(&t, p->node, mv, l, cand[j].swap) : p->node;
                }
                for (int j = 0; j < nk; j++) {
                    bitem tmp = item[j];
                    item[j] = next[j];
                    next[j] = tmp;
                }
                nitem = nk;
                if (gsel < 0) {
                    bitem tmp = gold;
                    gold = gnext;
                    gnext = tmp;
                    gin = 0;
                } else {
                    gin = 1;
                    gold.node = item[gsel].node;
                    gold.score = item[gsel].score;
                    gold.gold = 1;
                }
                if (nsteps < maxsteps) {
                    /* -1: no violation here (the best is gold, or scores below it) */
                    viol[nsteps] = item[0].gold || item[0].score < gold.score ? -1 : item[0].score - gold.score;
                    vp[nsteps] = item[0].node;
                    vg[nsteps] = gold.node;
                    nsteps++;
                }
            }
            int best = -1;
            for (size_t i = 0; i < nsteps; i++)
                if (viol[i] >= 0 && (best < 0 || viol[i] > viol[best])) best = (int)i;
            if (best >= 0) {
                if (joint) al->c = a->c;
                bt_update(&t, a, joint ? al : NULL, s, vp[best], vg[best], pool + blk * (size_t)(2 * k + 2), pool + blk * (size_t)(2 * k + 3));
                updates++;
            }
            a->c += 1;
            if (joint) al->c = a->c;
            for (int i = 1; i <= s->n; i++) {
                uas += item[0].st.head[i] == s->head[i], words++;
                if (joint && item[0].st.head[i] == s->head[i] && s->head[i] > 0)
                    lright += item[0].st.lab[i] == s->label[i], ltotal++;
            }
        }
        fprintf(stderr, "  parser iteration %d: %zu updates (%.1f%% of sentences), %.2f%% of attached words right, %.2f%% of labels\n",
                it + 1, updates, 100.0 * updates / c->n, 100.0 * uas / (words ? words : 1), 100.0 * lright / (ltotal ? ltotal : 1));
    }
    free(lscores);
    free(lok);
    free(order);
    free(pool);
    free(onstack);
    free(viol);
    free(vp);
    free(vg);
    free(t.nodes);
    free(t.seqp);
    free(t.seqg);
    free(item);
    free(next);
    free(cand);
    free(gc);
}

/* ---- lemmatizer --------------------------------------------------------------------------- */

typedef struct strpool {
    char *p;
    uint32_t n, cap;
} strpool;

static uint32_t pool_add(strpool *sp, const char *s)
{
    /* reuse an identical string already stored (linear scan of short pools is too slow; hash) */
    size_t n = strlen(s);
    if (sp->n + n + 1 > sp->cap) {
        while (sp->n + n + 1 > sp->cap) sp->cap = sp->cap ? sp->cap * 2 : 4096;
        sp->p = realloc(sp->p, sp->cap);
        if (!sp->p) exit(1);
    }
    uint32_t at = sp->n;
    memcpy(sp->p + at, s, n + 1);
    sp->n += (uint32_t)n + 1;
    return at;
}

typedef struct kv {
    uint32_t key;
    uint32_t a, b; /* rule: strip, append offset; exception: lemma offset */
    uint32_t count;
    char *s;
} kv;

static int kv_cmp(const void *x, const void *y)
{
    const kv *p = x, *q = y;
    if (p->key != q->key) return p->key < q->key ? -1 : 1;
    if (p->count != q->count) return p->count > q->count ? -1 : 1; /* most frequent first */
    if (p->a != q->a) return p->a < q->a ? -1 : 1;
    return strcmp(p->s, q->s);
}

static void lower_copy(char *dst, const char *src)
{
    for (; *src; src++) *dst++ = (char)(*src >= 'A' && *src <= 'Z' ? *src + 32 : *src);
    *dst = '\0';
}

/* Counts (key, rule) pairs then keeps the most frequent per key. */
static kv *count_keep(kv *v, size_t n, size_t *out)
{
    /* sort by key then rule identity to count duplicates */
    for (size_t i = 0; i < n; i++) v[i].count = 0;
    qsort(v, n, sizeof *v, kv_cmp);
    kv *u = xmalloc((n + 1) * sizeof *u);
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j].key == v[i].key && v[j].a == v[i].a && !strcmp(v[j].s, v[i].s)) j++;
        u[m] = v[i];
        u[m].count = (uint32_t)(j - i);
        m++;
        i = j;
    }
    qsort(u, m, sizeof *u, kv_cmp);
    size_t k = 0;
    for (size_t i = 0; i < m; i++)
        if (k == 0 || u[k - 1].key != u[i].key) u[k++] = u[i];
    *out = k;
    return u;
}

static void train_lemmas(corpus *c, uint32_t ntags, casus_lemmatizer *l)
{
    memset(l, 0, sizeof *l);
    l->ntags = ntags;
    l->keepcase = xcalloc(ntags, 1);
    /* case: of capitalised words with this tag, do most keep the capital in the lemma? */
    long *keep = xcalloc(ntags, sizeof *keep), *capn = xcalloc(ntags, sizeof *capn);
    size_t ntok = 0;
    for (size_t i = 0; i < c->n; i++) ntok += (size_t)c->s[i].n;
    kv *rules = xmalloc((ntok * (CASUS_LEMMA_MAXSUF + 1) + 1) * sizeof *rules);
    size_t nr = 0;
    char lf[1024], ll[1024];
    for (size_t i = 0; i < c->n; i++) {
        sent *s = &c->s[i];
        for (int k = 1; k <= s->n; k++) {
            const char *form = s->form[k], *lemma = s->lemma[k];
            int t = s->tag[k];
            if (strlen(form) >= sizeof lf || strlen(lemma) >= sizeof ll) continue;
            if (form[0] >= 'A' && form[0] <= 'Z') {
                capn[t]++;
                if (lemma[0] >= 'A' && lemma[0] <= 'Z') keep[t]++;
            }
            lower_copy(lf, form);
            lower_copy(ll, lemma);
            size_t fl = strlen(lf), p = 0;
            while (lf[p] && lf[p] == ll[p]) p++;
            for (size_t sk = 0; sk <= CASUS_LEMMA_MAXSUF && sk <= fl; sk++) {
                kv *r = &rules[nr++];
                r->key = casus_lemma_suffix_key(form, fl, sk, t);
                r->a = (uint32_t)(fl - p);
                r->s = xstrdup(ll + p);
            }
        }
    }
    for (uint32_t t = 0; t < ntags; t++) l->keepcase[t] = capn[t] > 0 && keep[t] * 2 > capn[t];
    size_t nkept;
    kv *best = count_keep(rules, nr, &nkept);
    strpool sp = {0};
    pool_add(&sp, "");
    l->nrules = 0;
    l->rkey = xmalloc((nkept + 1) * 4);
    l->rstrip = xmalloc((nkept + 1) * 4);
    l->rappend = xmalloc((nkept + 1) * 4);
    for (size_t i = 0; i < nkept; i++) {
        if (best[i].count < 2) continue;
        l->rkey[l->nrules] = best[i].key;
        l->rstrip[l->nrules] = best[i].a;
        l->rappend[l->nrules] = best[i].s[0] ? pool_add(&sp, best[i].s) : 0;
        l->nrules++;
    }
    for (size_t i = 0; i < nr; i++) free(rules[i].s);
    free(best);
    /* exceptions: every (word, tag) whose usual lemma the rules get wrong */
    l->strs = sp.p;
    l->strslen = sp.n;
    kv *exc = xmalloc((ntok + 1) * sizeof *exc);
    size_t ne = 0;
    char got[2048];
    for (size_t i = 0; i < c->n; i++) {
        sent *s = &c->s[i];
        for (int k = 1; k <= s->n; k++) {
            kv *e = &exc[ne++];
            e->key = casus_lemma_word_key(s->form[k], strlen(s->form[k]), s->tag[k]);
            e->a = 0;
            e->s = s->lemma[k];
            e->b = (uint32_t)k;
        }
    }
    size_t nbest;
    kv *eb = count_keep(exc, ne, &nbest);
    casus_lemmatizer probe = *l;
    probe.nexc = 0;
    l->ekey = xmalloc((nbest + 1) * 4);
    l->elemma = xmalloc((nbest + 1) * 4);
    uint32_t nx = 0;
    /* probing needs a form: find one by lemma key is not possible, so recheck on the corpus */
    unsigned char *need = xcalloc(nbest + 1, 1);
    for (size_t i = 0; i < c->n; i++) {
        sent *s = &c->s[i];
        for (int k = 1; k <= s->n; k++) {
            uint32_t key = casus_lemma_word_key(s->form[k], strlen(s->form[k]), s->tag[k]);
            size_t lo = 0, hi = nbest;
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (eb[mid].key < key) lo = mid + 1;
                else hi = mid;
            }
            if (lo >= nbest || eb[lo].key != key || need[lo]) continue;
            probe.strs = sp.p;
            casus_lemma_get(&probe, s->form[k], strlen(s->form[k]), s->tag[k], got, sizeof got);
            need[lo] = strcmp(got, eb[lo].s) != 0 ? 1 : 2;
        }
    }
    for (size_t i = 0; i < nbest; i++) {
        if (need[i] != 1) continue;
        l->ekey[nx] = eb[i].key;
        l->elemma[nx] = pool_add(&sp, eb[i].s);
        nx++;
    }
    l->nexc = nx;
    l->strs = sp.p;
    l->strslen = sp.n;
    fprintf(stderr, "  lemmatizer: %u rules, %u exceptions, %u bytes of strings\n", l->nrules, l->nexc, l->strslen);
    free(need);
    free(eb);
    free(exc);
    free(keep);
    free(capn);
}

/* ---- evaluation through the public API ---------------------------------------------------- */

static void evaluate(const char *model, corpus *c, const char *what)
{
    casus_syntax *syn = NULL;
    char err[512];
    clock_t t0 = clock();
    if (casus_syntax_load(model, &syn, err, sizeof err) != CASUS_OK) {
        fprintf(stderr, "train: %s\n", err);
        exit(1);
    }
    double load = (double)(clock() - t0) / CLOCKS_PER_SEC;
    size_t tok = 0, upos = 0, xpos = 0, lem = 0, uas = 0, las = 0;
    clock_t t1 = clock();
    for (size_t i = 0; i < c->n; i++) {
        sent *s = &c->s[i];
        casus_syntax_doc *doc = NULL;
        if (casus_syntax_parse_tokens(syn, (const char *const *)s->form + 1, (size_t)s->n, &doc) != CASUS_OK) exit(1);
        for (int k = 1; k <= s->n; k++) {
            const casus_syntax_token *t = casus_syntax_doc_token(doc, (size_t)k - 1);
            tok++;
            upos += !strcmp(t->upos, s->upos[k]);
            xpos += !strcmp(t->xpos, s->xpos[k]);
            lem += !strcmp(t->lemma, s->lemma[k]);
            if (t->head == s->head[k]) {
                uas++;
                las += !strcmp(t->deprel, s->deprel[k]);
            }
        }
        casus_syntax_doc_free(doc);
    }
    double secs = (double)(clock() - t1) / CLOCKS_PER_SEC;
    fprintf(stderr, "%s: UPOS %.2f  XPOS %.2f  lemma %.2f  UAS %.2f  LAS %.2f  (%zu tokens, %.0f tokens/s, load %.0f ms)\n",
            what, 100.0 * upos / tok, 100.0 * xpos / tok, 100.0 * lem / tok, 100.0 * uas / tok,
            100.0 * las / tok, tok, tok / (secs > 0 ? secs : 1e-9), load * 1000);
    casus_syntax_free(syn);
}

/* ---- the lexicon from WordNet ------------------------------------------------------------------ */

/* (form, classes) pairs, keyed as casus_lexicon keys them: by the form's casus_word.lower. */
typedef struct lexpairs {
    uint64_t *key;
    uint32_t *cls;
    size_t n, cap;
} lexpairs;

static void lex_add(lexpairs *lp, const char *form, size_t len, uint32_t cls)
{
    if (lp->n == lp->cap) {
        lp->cap = lp->cap ? lp->cap * 2 : 1 << 16;
        lp->key = realloc(lp->key, lp->cap * sizeof *lp->key);
        lp->cls = realloc(lp->cls, lp->cap * sizeof *lp->cls);
        if (!lp->key || !lp->cls) {
            fprintf(stderr, "train: out of memory\n");
            exit(1);
        }
    }
    casus_word w;
    casus_features_word(&w, form, len);
    lp->key[lp->n] = w.lower;
    lp->cls[lp->n++] = cls;
}

static FILE *wn_open(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        fprintf(stderr, "train: --lexicon 1 reads WordNet 3.0 (Debian: wordnet-base, see scripts/install-deps.sh); "
                        "--wordnet DIR says where\n");
        exit(1);
    }
    return f;
}

static int ends_with(const char *w, size_t n, const char *end, size_t *elen)
{
    *elen = strlen(end);
    return n > *elen && !memcmp(w + n - *elen, end, *elen);
}

/* Regular inflections (the lemma's ending, the form's), by part of speech: the forms a lemma
   of that part can take.  Some made are not English words, which costs nothing. */
typedef struct infl {
    const char *end, *add;
} infl;
static const infl noun_infl[] = {{"", "s"}, {"s", "ses"}, {"x", "xes"}, {"z", "zes"}, {"ch", "ches"},
                                 {"sh", "shes"}, {"man", "men"}, {"y", "ies"}, {NULL, NULL}};
static const infl verb_infl[] = {{"", "s"}, {"y", "ies"}, {"e", "es"}, {"", "es"}, {"e", "ed"},
                                 {"", "ed"}, {"e", "ing"}, {"", "ing"}, {NULL, NULL}};
static const infl adj_infl[] = {{"", "er"}, {"", "est"}, {"e", "er"}, {"e", "est"}, {NULL, NULL}};
static const infl adv_infl[] = {{NULL, NULL}};

/* The lexicon of WordNet 3.0 in dir (index.*, *.exc, data.*): see syntax/lexicon.h.  Words of
   several parts joined by '_' are left out (a token is one word). */
static void read_wordnet(const char *dir, uint32_t kind, casus_lexicon *lex)
{
    static const char *parts[4] = {"noun", "verb", "adj", "adv"};
    static const infl *rules[4] = {noun_infl, verb_infl, adj_infl, adv_infl};
    lexpairs lp = {0};
    char line[65536], name[64], form[512];
    size_t lemmas = 0, made = 0, exc = 0, senses = 0;
    for (int p = 0; p < 4; p++) {
        /* index.POS: one lemma a line, after a licence whose lines start with a space */
        snprintf(name, sizeof name, "index.%s", parts[p]);
        FILE *f = wn_open(dir, name);
        while (fgets(line, sizeof line, f)) {
            if (line[0] == ' ') continue;
            size_t n = strcspn(line, " \n");
            if (!n || memchr(line, '_', n) || n + 8 > sizeof form) continue;
            lex_add(&lp, line, n, 1u << p);
            lemmas++;
            for (const infl *r = rules[p]; r->end; r++) {
                size_t elen;
                if (!ends_with(line, n, r->end, &elen)) continue;
                size_t alen = strlen(r->add);
                memcpy(form, line, n - elen);
                memcpy(form + n - elen, r->add, alen);
                lex_add(&lp, form, n - elen + alen, 1u << (p + 4));
                made++;
            }
        }
        fclose(f);
        /* POS.exc: irregular forms, "form lemma..." */
        snprintf(name, sizeof name, "%s.exc", parts[p]);
        f = wn_open(dir, name);
        while (fgets(line, sizeof line, f)) {
            size_t n = strcspn(line, " \n");
            if (!n || memchr(line, '_', n)) continue;
            lex_add(&lp, line, n, 1u << (p + 4));
            exc++;
        }
        fclose(f);
        /* data.POS: the synsets' words as written, capitalised or not; a line is "offset
           lex_filenum ss_type w_cnt (hex) word lex_id ...", adjectives' words may end in "(a)",
           "(p)" or "(ip)" */
        snprintf(name, sizeof name, "data.%s", parts[p]);
        f = wn_open(dir, name);
        while (fgets(line, sizeof line, f)) {
            if (line[0] == ' ') continue;
            char *save = NULL, *tok = strtok_r(line, " ", &save);
            for (int k = 0; k < 3 && tok; k++) tok = strtok_r(NULL, " ", &save);
            if (!tok) continue;
            long nw = strtol(tok, NULL, 16);
            for (long k = 0; k < nw; k++) {
                char *word = strtok_r(NULL, " ", &save);
                if (!word || !strtok_r(NULL, " ", &save)) break;
                size_t n = strcspn(word, "(");
                if (!n || memchr(word, '_', n)) continue;
                int cap = 0;
                for (size_t j = 0; j < n; j++) cap |= word[j] >= 'A' && word[j] <= 'Z';
                lex_add(&lp, word, n, cap ? CASUS_LEX_CAP : CASUS_LEX_LOWER);
                senses++;
            }
        }
        fclose(f);
    }
    if (casus_lexicon_build(lex, kind, lp.key, lp.cls, lp.n) < 0) {
        fprintf(stderr, "train: cannot build the lexicon\n");
        exit(1);
    }
    uint32_t used = 0;
    for (uint32_t i = 0; i < lex->nslots; i++) used += lex->slots[i] != 0;
    fprintf(stderr, "lexicon from %s: %zu lemmas, %zu regular and %zu irregular forms, %zu synset words; %u forms in %u slots "
                    "(%.1f MB)\n", dir, lemmas, made, exc, senses, used, lex->nslots, lex->nslots * 4 / 1e6);
    free(lp.key);
    free(lp.cls);
}

/* ---- main ---------------------------------------------------------------------------------- */

static void prepare(corpus *c, names *tags, names *labels, int grow, const casus_lexicon *lex)
{
    char buf[256];
    for (size_t i = 0; i < c->n; i++) {
        sent *s = &c->s[i];
        s->tag = xcalloc((size_t)s->n + 2, sizeof(int));
        s->label = xcalloc((size_t)s->n + 2, sizeof(int));
        s->w = xcalloc((size_t)s->n + 2, sizeof(casus_word));
        s->w[0].lower = 5;
        for (int k = 1; k <= s->n; k++) {
            pair_name(buf, sizeof buf, s->upos[k], s->xpos[k]);
            int t = grow ? name_add(tags, buf) : name_find(tags, buf);
            s->tag[k] = t < 0 ? 0 : t;
            int l = grow ? name_add(labels, s->deprel[k]) : name_find(labels, s->deprel[k]);
            s->label[k] = l < 0 ? 0 : l;
            casus_features_word(&s->w[k], s->form[k], strlen(s->form[k]));
            s->w[k].lex = casus_lexicon_get(lex, s->w[k].lower);
        }
    }
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: train-syntax TRAIN.conllu DEV.conllu OUT.model [--seed N] [--jackknife K]\n"
                        "       [--tag-iters N] [--parse-iters N] [--tag-passes 1|2] [--alt-share F] [--beam K]\n"
                        "       [--joint-labels J] [--parser-bits 8|16] [--tag-cost F]\n"
                        "       [--beam-prune F] [--hash 0|1] [--lexicon 0|1|2] [--wordnet DIR]\n"
                        "       [--parser-from MODEL] [--tags-cache FILE] [--tagger-only 1]\n"
                        "       [--eval-labeler-prunes F,F..] [--eval-beam-prunes F,F..] [--test TEST.conllu]\n");
        return 2;
    }
    int jack = 4, titers = 8, piters = 18, passes = 2, beam = 1, joint = 0, parser_bits = 16;
    double alt_share = 0.1, tag_cost = 0;
    double prune_t = 0.0, prune_p = 0.0, prune_l = 0.0, beam_prune = 0.0;
    int tagger_only = 0;
    const char *test = NULL, *parser_from = NULL, *tags_cache = NULL;
    const char *eval_lprunes = NULL, *eval_bprunes = NULL;
    const char *wordnet = "/usr/share/wordnet";
    for (int i = 4; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--seed")) rng_state ^= strtoull(argv[i + 1], NULL, 10) * 0x9E3779B97F4A7C15ull;
        else if (!strcmp(argv[i], "--jackknife")) jack = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--tag-iters")) titers = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--parse-iters")) piters = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--beam")) beam = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--joint-labels")) joint = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--tag-cost")) tag_cost = atof(argv[i + 1]);
        else if (!strcmp(argv[i], "--parser-bits")) parser_bits = atoi(argv[i + 1]) == 8 ? 8 : 16;
        else if (!strcmp(argv[i], "--tag-passes")) passes = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--alt-share")) alt_share = atof(argv[i + 1]);
        else if (!strcmp(argv[i], "--prune-tagger")) prune_t = atof(argv[i + 1]);
        else if (!strcmp(argv[i], "--prune-parser")) prune_p = atof(argv[i + 1]);
        else if (!strcmp(argv[i], "--prune-labeler")) prune_l = atof(argv[i + 1]);
        else if (!strcmp(argv[i], "--test")) test = argv[i + 1];
        else if (!strcmp(argv[i], "--beam-prune")) beam_prune = atof(argv[i + 1]);
        else if (!strcmp(argv[i], "--parser-from")) parser_from = argv[i + 1];
        else if (!strcmp(argv[i], "--tags-cache")) tags_cache = argv[i + 1];
        else if (!strcmp(argv[i], "--tagger-only")) tagger_only = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--hash")) hash_kind = atoi(argv[i + 1]) == 1;
        else if (!strcmp(argv[i], "--lexicon")) lex_kind = atoi(argv[i + 1]) >= 2 ? 2 : atoi(argv[i + 1]) == 1;
        else if (!strcmp(argv[i], "--wordnet")) wordnet = argv[i + 1];
        else if (!strcmp(argv[i], "--eval-labeler-prunes")) eval_lprunes = argv[i + 1];
        else if (!strcmp(argv[i], "--eval-beam-prunes")) eval_bprunes = argv[i + 1];
        else if (!strcmp(argv[i], "--parser-rows")) parser_rows = (uint32_t)atol(argv[i + 1]);
        else {
            fprintf(stderr, "train: unknown option %s\n", argv[i]);
            return 2;
        }
    }
    corpus train = {0}, dev = {0};
    read_conllu(argv[1], &train);
    read_conllu(argv[2], &dev);
    names tags = {0}, labels = {0};
    casus_lexicon lexicon = {0};
    if (lex_kind) read_wordnet(wordnet, (uint32_t)lex_kind, &lexicon);
    prepare(&train, &tags, &labels, 1, &lexicon);
    prepare(&dev, &tags, &labels, 0, &lexicon);
    int root = name_find(&labels, "root");
    fprintf(stderr, "train: %zu sentences, %u tags, %u labels\n", train.n, tags.n, labels.n);
    size_t *all = xmalloc(train.n * sizeof *all);
    for (size_t i = 0; i < train.n; i++) all[i] = i;

    casus_model m;
    memset(&m, 0, sizeof m);
    aptrain a;
    /* --parser-from: the tagger, parser and labeler of a trained model (which the same data and
       options made), to package it again (another --beam-prune) without training them; with
       --tags-cache the jackknifed tags of an earlier run are read instead of made again */
    casus_model from;
    memset(&from, 0, sizeof from);
    if (parser_from) {
        char ferr[512];
        if (casus_model_read_file(&from, parser_from, ferr, sizeof ferr, 0) != CASUS_OK) {
            fprintf(stderr, "train: %s\n", ferr);
            return 1;
        }
    }
    int **gold_tags = xmalloc(train.n * sizeof *gold_tags);
    int **first = xmalloc(train.n * sizeof *first);
    int **altv = xmalloc(train.n * sizeof *altv); /* the jackknifed tagger's runner-up and gap */
    float **gapv = xmalloc(train.n * sizeof *gapv);
    for (size_t i = 0; i < train.n; i++) {
        gold_tags[i] = xmalloc(((size_t)train.s[i].n + 2) * sizeof(int));
        memcpy(gold_tags[i], train.s[i].tag, ((size_t)train.s[i].n + 2) * sizeof(int));
        first[i] = xcalloc((size_t)train.s[i].n + 1, sizeof(int));
        altv[i] = xcalloc((size_t)train.s[i].n + 1, sizeof(int));
        gapv[i] = xcalloc((size_t)train.s[i].n + 1, sizeof(float));
    }
    size_t *part = NULL;
    casus_ap *fold1 = NULL;
    size_t right = 0, total = 0;
    int have_tags = 0;
    if (parser_from && tags_cache) {
        FILE *tf = fopen(tags_cache, "rb");
        if (tf) {
            int okr = 1;
            for (size_t i = 0; i < train.n && okr; i++) {
                size_t n = (size_t)train.s[i].n;
                okr = fread(first[i], sizeof(int), n, tf) == n && fread(altv[i], sizeof(int), n, tf) == n &&
                      fread(gapv[i], sizeof(float), n, tf) == n;
            }
            fclose(tf);
            if (!okr) {
                fprintf(stderr, "train: %s: short tag cache\n", tags_cache);
                return 1;
            }
            have_tags = 1;
            m.tagger = from.tagger;
            m.tagger2 = from.tagger2;
            memset(&from.tagger, 0, sizeof from.tagger);
            memset(&from.tagger2, 0, sizeof from.tagger2);
            fprintf(stderr, "jackknifed tags read from %s\n", tags_cache);
        }
    }
    if (!have_tags) {
    fprintf(stderr, "tagger, first pass:\n");
    train_tagger(&train, all, train.n, tags.n, titers, NULL, &a);
    apt_finish(&a, prune_t, &m.tagger);
    apt_free(&a);

    /* The second pass and the parser learn from tags as good as the tagger's on unseen text:
       jackknifing gives the first pass's tags on train, then the second pass's. */
    if (jack < 2) jack = 2;
    part = xmalloc(train.n * sizeof *part);
    fold1 = xcalloc((size_t)jack, sizeof *fold1);
    for (int fold = 0; fold < jack; fold++) {
        size_t np = 0;
        for (size_t i = 0; i < train.n; i++)
            if ((int)(i % (size_t)jack) != fold) part[np++] = i;
        fprintf(stderr, "jackknife fold %d, first pass:\n", fold + 1);
        train_tagger(&train, part, np, tags.n, titers, NULL, &a);
        apt_finish(&a, 0, &fold1[fold]);
        apt_free(&a);
        for (size_t i = (size_t)fold; i < train.n; i += (size_t)jack) {
            sent *s = &train.s[i];
            casus_tagger_pass(&fold1[fold], s->w + 1, (size_t)s->n, NULL, first[i], altv[i], gapv[i]);
            for (int k = 1; k <= s->n; k++) right += s->tag[k] == first[i][k - 1], total++;
        }
    }
    fprintf(stderr, "jackknifed first-pass tags: %.2f%% right\n", 100.0 * right / total);
    if (passes < 2) {
        /* one pass: an empty second classifier, which casus_syntax skips */
        m.tagger2.nclass = tags.n;
        m.tagger2.nslots = 1;
        m.tagger2.slots = xcalloc(1, sizeof *m.tagger2.slots);
        m.tagger2.ent = xmalloc(sizeof *m.tagger2.ent);
        m.tagger2.scale = 1;
        for (int fold = 0; fold < jack; fold++) casus_ap_clear(&fold1[fold]);
    } else {
        fprintf(stderr, "tagger, second pass:\n");
        train_tagger(&train, all, train.n, tags.n, titers, first, &a);
        apt_finish(&a, prune_t, &m.tagger2);
        apt_free(&a);
        if (tagger_only) {
            /* the tagger alone on dev */
            size_t r = 0, ru = 0, t = 0;
            int *tmp = xmalloc(8192 * sizeof *tmp), *pred = xmalloc(8192 * sizeof *pred);
            int *palt = xmalloc(8192 * sizeof *palt);
            float *pgap = xmalloc(8192 * sizeof *pgap);
            for (size_t i = 0; i < dev.n; i++) {
                sent *s = &dev.s[i];
                if (s->n > 8000) continue;
                casus_tagger_tag(&m.tagger, &m.tagger2, s->w + 1, (size_t)s->n, tmp, pred, palt, pgap);
                for (int k = 1; k <= s->n; k++) {
                    const char *pt = tags.v[pred[k - 1]];
                    size_t ul = strcspn(pt, "\t");
                    r += !strcmp(pt, tags.v[s->tag[k]]) && strchr(tags.v[s->tag[k]], '\t');
                    ru += strlen(s->upos[k]) == ul && !strncmp(pt, s->upos[k], ul);
                    t++;
                }
            }
            fprintf(stderr, "dev, the tagger alone: UPOS %.2f, UPOS+XPOS %.2f\n", 100.0 * ru / t, 100.0 * r / t);
            return 0;
        }
        right = total = 0;
        int *tmp = xmalloc(8192 * sizeof *tmp), *pred = xmalloc(8192 * sizeof *pred);
        int *palt = xmalloc(8192 * sizeof *palt);
        float *pgap = xmalloc(8192 * sizeof *pgap);
        for (int fold = 0; fold < jack; fold++) {
            size_t np = 0;
            for (size_t i = 0; i < train.n; i++)
                if ((int)(i % (size_t)jack) != fold) part[np++] = i;
            fprintf(stderr, "jackknife fold %d, second pass:\n", fold + 1);
            casus_ap f2;
            /* first holds the second pass's tags for the folds done so far, the first pass's
               for the others: the folds' second passes learn from that mix (learning from the
               first pass's alone measured dev UAS 86.23 / LAS 82.31 against 86.51 / 82.60, one
               run each, see models/MODELS.md) */
            train_tagger(&train, part, np, tags.n, titers, first, &a);
            apt_finish(&a, 0, &f2);
            apt_free(&a);
            for (size_t i = (size_t)fold; i < train.n; i += (size_t)jack) {
                sent *s = &train.s[i];
                if (s->n > 8000) continue;
                casus_tagger_tag(&fold1[fold], &f2, s->w + 1, (size_t)s->n, tmp, pred, palt, pgap);
                for (int k = 1; k <= s->n; k++) {
                    right += s->tag[k] == pred[k - 1];
                    total++;
                    first[i][k - 1] = pred[k - 1];
                    altv[i][k - 1] = palt[k - 1];
                    gapv[i][k - 1] = pgap[k - 1];
                }
            }
            casus_ap_clear(&f2);
            casus_ap_clear(&fold1[fold]);
        }
        fprintf(stderr, "jackknifed tags: %.2f%% right\n", 100.0 * right / total);
        free(tmp);
        free(pred);
        free(palt);
        free(pgap);
    }
    if (tags_cache) {
        FILE *tf = fopen(tags_cache, "wb");
        for (size_t i = 0; tf && i < train.n; i++) {
            size_t n = (size_t)train.s[i].n;
            fwrite(first[i], sizeof(int), n, tf);
            fwrite(altv[i], sizeof(int), n, tf);
            fwrite(gapv[i], sizeof(float), n, tf);
        }
        if (!tf || fclose(tf) != 0) fprintf(stderr, "train: cannot write %s\n", tags_cache);
    }
    }
    /* the runner-up tag reaches the parser for the least sure alt_share of the words */
    {
        size_t ng = 0;
        for (size_t i = 0; i < train.n; i++) ng += (size_t)train.s[i].n;
        float *g = xmalloc((ng + 1) * sizeof *g);
        ng = 0;
        for (size_t i = 0; i < train.n; i++)
            for (int k = 0; k < train.s[i].n; k++) g[ng++] = gapv[i][k];
        qsort(g, ng, sizeof *g, float_cmp);
        m.alt_margin = alt_share > 0 ? g[(size_t)(alt_share * (double)(ng - 1))] : 0;
        if (parser_from) m.alt_margin = from.alt_margin; /* as the parser learnt with it */
        size_t wrong = 0, caught = 0, flagged = 0;
        for (size_t i = 0; i < train.n; i++)
            for (int k = 0; k < train.s[i].n; k++) {
                int on = gapv[i][k] < m.alt_margin;
                flagged += on;
                if (first[i][k] != train.s[i].tag[k + 1]) {
                    wrong++;
                    caught += on && altv[i][k] == train.s[i].tag[k + 1];
                }
            }
        fprintf(stderr, "runner-up tags: margin %.3f, on %.1f%% of words, right for %.1f%% of the tagging errors\n",
                m.alt_margin, 100.0 * flagged / (ng ? ng : 1), 100.0 * caught / (wrong ? wrong : 1));
        free(g);
    }
    for (size_t i = 0; i < train.n; i++)
        if (train.s[i].n <= 8000) memcpy(train.s[i].tag + 1, first[i], (size_t)train.s[i].n * sizeof(int));
    free(part);
    free(fold1);
    /* the parser sees tags with their coarse class (casus_parser_tag) */
    char **upos_names = xmalloc(tags.n * sizeof *upos_names);
    for (uint32_t t = 0; t < tags.n; t++) {
        upos_names[t] = xstrdup(tags.v[t]);
        *strchr(upos_names[t], '\t') = '\0';
    }
    if (tag_cost > 0) {
        /* the beam chooses the tags of the words the tagger was unsure of */
        for (size_t i = 0; i < train.n; i++) {
            sent *s = &train.s[i];
            s->swap = xcalloc((size_t)s->n + 2, sizeof *s->swap);
            s->pen = xcalloc((size_t)s->n + 2, sizeof *s->pen);
            s->gtag = gold_tags[i];
            for (int k = 1; k <= s->n; k++) {
                int alt = gapv[i][k - 1] < m.alt_margin ? altv[i][k - 1] : -1;
                if (alt < 0) continue;
                s->swap[k] = casus_parser_tag(alt, casus_model_coarse(upos_names, tags.n, (uint32_t)alt), s->tag[k]);
                s->pen[k] = (float)(tag_cost * gapv[i][k - 1]);
            }
        }
        m.tag_cost = (float)tag_cost;
    }
    for (size_t i = 0; i < train.n; i++) {
        train.s[i].tag[0] = (int)tags.n;
        for (int k = 0; k <= train.s[i].n; k++)
            train.s[i].tag[k] = casus_parser_tag(train.s[i].tag[k], casus_model_coarse(upos_names, tags.n, (uint32_t)train.s[i].tag[k]),
                                                 k > 0 && gapv[i][k - 1] < m.alt_margin ? altv[i][k - 1] : -1);
    }
    fprintf(stderr, "parser:\n");
    aptrain al;
    if (beam < 1 || beam > CASUS_BEAM_MAX) {
        fprintf(stderr, "train: the beam must be 1 .. %d\n", CASUS_BEAM_MAX);
        return 2;
    }
    m.beam = (uint32_t)beam;
    if (joint < 0 || joint > CASUS_BEAM_MAXLAB) {
        fprintf(stderr, "train: --joint-labels must be 0 .. %d\n", CASUS_BEAM_MAXLAB);
        return 2;
    }
    m.joint = (uint32_t)joint;
    if (joint && tag_cost > 0) {
        fprintf(stderr, "train: --joint-labels and --tag-cost do not go together\n");
        return 2;
    }
    m.beam_prune = (float)beam_prune;
    m.hash = (uint32_t)hash_kind;
    m.lex = lexicon;
    if (parser_from) {
        m.parser = from.parser;
        m.labeler = from.labeler;
        m.beam = from.beam;
        m.joint = from.joint;
        memset(&from.parser, 0, sizeof from.parser);
        memset(&from.labeler, 0, sizeof from.labeler);
        fprintf(stderr, "  the parser and labeler of %s\n", parser_from);
    } else {
        if (beam > 1 || joint) train_parser_beam(&train, piters, beam, joint, &a, &al, labels.n, root);
        else train_parser(&train, piters, &a, &al, labels.n, root);
        if (parser_rows) apt_finish_dense(&a, parser_rows, parser_bits, &m.parser);
        else apt_finish(&a, prune_p, &m.parser);
        apt_free(&a);
        apt_finish(&al, prune_l, &m.labeler);
        if (!eval_lprunes) apt_free(&al);
    }
    casus_model_clear(&from);
    for (size_t i = 0; i < train.n; i++) memcpy(train.s[i].tag, gold_tags[i], ((size_t)train.s[i].n + 2) * sizeof(int));
    fprintf(stderr, "lemmatizer:\n");
    train_lemmas(&train, tags.n, &m.lemma);

    m.ntags = tags.n;
    m.upos = xmalloc(tags.n * sizeof(char *));
    m.xpos = xmalloc(tags.n * sizeof(char *));
    for (uint32_t t = 0; t < tags.n; t++) {
        char *tab = strchr(tags.v[t], '\t');
        *tab = '\0';
        m.upos[t] = tags.v[t];
        m.xpos[t] = tab + 1;
    }
    m.nlabels = labels.n;
    m.labels = labels.v;
    m.root_label = (uint32_t)root;
    char err[512];
    if (casus_model_write(&m, argv[3], err, sizeof err) != CASUS_OK) {
        fprintf(stderr, "train: %s\n", err);
        return 1;
    }
    FILE *f = fopen(argv[3], "rb");
    if (f) {
        fseek(f, 0, SEEK_END);
        fprintf(stderr, "wrote %s (%.1f MB)\n", argv[3], ftell(f) / 1e6);
        fclose(f);
    }
    {
        /* the parser alone, on gold tags: how much the tagger costs */
        right = total = 0;
        int *mem = xmalloc(CASUS_BEAM_MEM(5000, m.beam) * sizeof *mem), *head = xmalloc(5002 * sizeof *head);
        int *lab = xmalloc(5002 * sizeof *lab), *ptag = xmalloc(5002 * sizeof *ptag);
        int *palt = xmalloc(5002 * sizeof *palt);
        float *pgap = xmalloc(5002 * sizeof *pgap);
        size_t lr = 0, pr = 0, plr = 0;
        for (size_t i = 0; i < dev.n; i++) {
            sent *s = &dev.s[i];
            if (s->n > 5000) continue;
            /* predicted tags, arc-time labels */
            casus_tagger_tag(&m.tagger, m.tagger2.nentries ? &m.tagger2 : NULL, s->w + 1, (size_t)s->n, mem, ptag + 1,
                             palt + 1, pgap + 1);
            ptag[0] = (int)tags.n;
            pgap[0] = 1e30f;
            for (int k = 0; k <= s->n; k++)
                ptag[k] = casus_parser_tag(ptag[k], casus_model_coarse(upos_names, tags.n, (uint32_t)ptag[k]),
                                           pgap[k] < m.alt_margin ? palt[k] : -1);
            casus_beam_parse(&m.parser, &m.labeler, root, s->w, ptag, NULL, s->n, (int)m.beam, (int)m.joint, m.beam_prune, mem, head, lab);
            for (int k = 1; k <= s->n; k++) pr += head[k] == s->head[k], plr += head[k] == s->head[k] && lab[k] == s->label[k];
            s->tag[0] = (int)tags.n;
            for (int k = 0; k <= s->n; k++)
                s->tag[k] = casus_parser_tag(s->tag[k], casus_model_coarse(upos_names, tags.n, (uint32_t)s->tag[k]), -1);
            casus_beam_parse(&m.parser, &m.labeler, root, s->w, s->tag, NULL, s->n, (int)m.beam, (int)m.joint, m.beam_prune, mem, head, lab);
            for (int k = 1; k <= s->n; k++) right += head[k] == s->head[k], lr += head[k] == s->head[k] && lab[k] == s->label[k], total++;
        }
        fprintf(stderr, "dev with gold tags: UAS %.2f LAS %.2f (arc-time labels)\n", 100.0 * right / total, 100.0 * lr / total);
        fprintf(stderr, "dev with predicted tags: UAS %.2f LAS %.2f (arc-time labels; the tagger's tags, the beam choosing none)\n", 100.0 * pr / total, 100.0 * plr / total);
        free(mem);
        free(head);
        free(lab);
        free(ptag);
        free(palt);
        free(pgap);
    }
    evaluate(argv[3], &dev, "dev");
    /* the same model with other pruning thresholds: of the labeler's weights, then of the beam */
    for (const char *p = eval_lprunes; p && *p && !parser_from;) {
        char *end;
        double lp = strtod(p, &end);
        if (end == p) break;
        casus_ap keep = m.labeler, var;
        apt_finish(&al, lp, &var);
        m.labeler = var;
        char alt[4096], what[64];
        snprintf(alt, sizeof alt, "%s.var", argv[3]);
        snprintf(what, sizeof what, "dev, labeler pruned at %g", lp);
        if (casus_model_write(&m, alt, err, sizeof err) == CASUS_OK) evaluate(alt, &dev, what);
        remove(alt);
        casus_ap_clear(&var);
        m.labeler = keep;
        p = *end == ',' ? end + 1 : end;
    }
    for (const char *p = eval_bprunes; p && *p;) {
        char *end;
        double bp = strtod(p, &end);
        if (end == p) break;
        float keep = m.beam_prune;
        m.beam_prune = (float)bp;
        char alt[4096], what[64];
        snprintf(alt, sizeof alt, "%s.var", argv[3]);
        snprintf(what, sizeof what, "dev, beam pruned at %g", bp);
        if (casus_model_write(&m, alt, err, sizeof err) == CASUS_OK) evaluate(alt, &dev, what);
        remove(alt);
        m.beam_prune = keep;
        p = *end == ',' ? end + 1 : end;
    }
    if (test) {
        corpus tc = {0};
        read_conllu(test, &tc);
        evaluate(argv[3], &tc, "test");
    }
    return 0;
}
