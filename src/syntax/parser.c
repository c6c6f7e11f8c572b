/* parser.c — the arc-eager transition system, its features and greedy decoding. */
#include "syntax/parser.h"

#include "syntax/lexicon.h"

#include <string.h>

void casus_parser_init(casus_pstate *s, int n, const casus_word *w, int *mem)
{
    size_t k = (size_t)n + 2;
    s->n = n;
    s->stack = mem;
    s->head = mem + k;
    s->l1 = mem + 2 * k;
    s->l2 = mem + 3 * k;
    s->r1 = mem + 4 * k;
    s->r2 = mem + 5 * k;
    s->nl = mem + 6 * k;
    s->nr = mem + 7 * k;
    s->lab = mem + 8 * k;
    s->ls = mem + 9 * k;
    s->tg = mem + 13 * k;
    s->np = mem + 14 * k;
    s->owntags = 0;
    s->hk = 0;
    s->lx = 0;
    memset(mem + 2 * k, 0, 6 * k * sizeof *mem);
    memset(s->ls, 0, 4 * k * sizeof *mem);
    for (size_t i = 0; i < k; i++) s->head[i] = s->lab[i] = -1;
    s->np[n + 1] = n + 1;
    for (int i = n; i >= 0; i--) s->np[i] = i > 0 && w && (w[i].flags & CASUS_WORD_PUNCT) ? i : s->np[i + 1];
    s->stack[0] = 0;
    s->sp = 1;
    s->b = 1;
}

void casus_parser_copy(casus_pstate *dst, int *mem, const casus_pstate *src)
{
    size_t k = (size_t)src->n + 2;
    *dst = *src;
    dst->stack = mem;
    dst->head = mem + k;
    dst->l1 = mem + 2 * k;
    dst->l2 = mem + 3 * k;
    dst->r1 = mem + 4 * k;
    dst->r2 = mem + 5 * k;
    dst->nl = mem + 6 * k;
    dst->nr = mem + 7 * k;
    dst->lab = mem + 8 * k;
    dst->ls = mem + 9 * k;
    dst->tg = mem + 13 * k;
    /* the stack's live part, then head .. ls (and tg), which lie together (see casus_parser_init) */
    memcpy(dst->stack, src->stack, (size_t)src->sp * sizeof *mem);
    memcpy(dst->head, src->head, (src->owntags ? 13 : 12) * k * sizeof *mem);
}

void casus_parser_own_tags(casus_pstate *s, const int *tags)
{
    memcpy(s->tg, tags, ((size_t)s->n + 1) * sizeof *tags);
    s->owntags = 1;
}

int casus_parser_terminal(const casus_pstate *s) { return s->b > s->n; }

void casus_parser_allowed(const casus_pstate *s, unsigned char ok[CASUS_PARSER_MOVES])
{
    int s0 = s->sp > 0 ? s->stack[s->sp - 1] : -1;
    int buf = s->b <= s->n;
    ok[CASUS_PARSER_SHIFT] = (unsigned char)buf;
    ok[CASUS_PARSER_REDUCE] = (unsigned char)(s0 > 0 && s->head[s0] >= 0);
    ok[CASUS_PARSER_LEFT] = (unsigned char)(buf && s0 > 0 && s->head[s0] < 0);
    /* the root takes one dependent only */
    ok[CASUS_PARSER_RIGHT] = (unsigned char)(buf && s0 >= 0 && !(s0 == 0 && s->nr[0] > 0));
}

static void add_arc(casus_pstate *s, int h, int d)
{
    s->head[d] = h;
    if (d < h) {
        if (s->l1[h] == 0 || d < s->l1[h]) {
            s->l2[h] = s->l1[h];
            s->l1[h] = d;
        } else if (s->l2[h] == 0 || d < s->l2[h]) {
            s->l2[h] = d;
        }
        s->nl[h]++;
    } else {
        if (d > s->r1[h]) {
            s->r2[h] = s->r1[h];
            s->r1[h] = d;
        } else if (d > s->r2[h]) {
            s->r2[h] = d;
        }
        s->nr[h]++;
    }
}

void casus_parser_apply(casus_pstate *s, int move)
{
    switch (move) {
    case CASUS_PARSER_SHIFT:
        s->stack[s->sp++] = s->b++;
        break;
    case CASUS_PARSER_REDUCE:
        s->sp--;
        break;
    case CASUS_PARSER_LEFT:
        add_arc(s, s->b, s->stack[--s->sp]);
        break;
    case CASUS_PARSER_RIGHT:
        add_arc(s, s->stack[s->sp - 1], s->b);
        s->stack[s->sp++] = s->b++;
        break;
    default:
        break;
    }
}

void casus_parser_arc(const casus_pstate *s, int move, int *h, int *d)
{
    int s0 = s->sp > 0 ? s->stack[s->sp - 1] : -1;
    if (move == CASUS_PARSER_LEFT) {
        *h = s->b;
        *d = s0;
    } else {
        *h = s0;
        *d = s->b;
    }
}

void casus_parser_set_label(casus_pstate *s, int d, int l)
{
    int h = s->head[d];
    s->lab[d] = l;
    if (h < 0 || l < 0) return;
    int *set = s->ls + 4 * h + (d < h ? 0 : 2);
    set[(l >> 5) & 1] |= (int)(1u << (l & 31));
}

void casus_parser_finish(casus_pstate *s)
{
    int root = s->r1[0];
    for (int i = 1; i <= s->n; i++) {
        if (s->head[i] >= 0) continue;
        if (root == 0) {
            root = i;
            add_arc(s, 0, i);
        } else {
            add_arc(s, root, i);
        }
    }
}

static uint64_t bucket(int d)
{
    if (d <= 0) return 0;
    if (d <= 4) return (uint64_t)d;
    if (d <= 6) return 5;
    if (d <= 10) return 6;
    return 7;
}

static uint64_t cap(int v) { return (uint64_t)(v < 4 ? v : 4); }

static CASUS_ALWAYS_INLINE size_t features_k(const casus_pstate *s, const casus_word *w, const int *tags, uint32_t *f,
                                              int part, const int hk)
{
    /* -1 means "no such word"; word and tag values for it are constants */
    const uint64_t NONE_W = 7, NONE_T = 300;
    int n = s->n;
    int s0 = s->sp > 0 ? s->stack[s->sp - 1] : -1;
    int s1 = s->sp > 1 ? s->stack[s->sp - 2] : -1;
    int n0 = s->b <= n ? s->b : -1;
    int n1 = s->b + 1 <= n ? s->b + 1 : -1;
    int n2 = s->b + 2 <= n ? s->b + 2 : -1;
    int s0h = s0 > 0 ? s->head[s0] : -1;
    int s0h2 = s0h > 0 ? s->head[s0h] : -1;
    int s0l = s0 >= 0 && s->l1[s0] ? s->l1[s0] : -1;
    int s0l2 = s0 >= 0 && s->l2[s0] ? s->l2[s0] : -1;
    int s0r = s0 >= 0 && s->r1[s0] ? s->r1[s0] : -1;
    int s0r2 = s0 >= 0 && s->r2[s0] ? s->r2[s0] : -1;
    int n0l = n0 >= 0 && s->l1[n0] ? s->l1[n0] : -1;
    int n0l2 = n0 >= 0 && s->l2[n0] ? s->l2[n0] : -1;
#define W(x) ((x) >= 0 ? w[x].lower : NONE_W)
#define T(x) ((x) >= 0 ? (uint64_t)(tags[x] & 0xFF) : NONE_T)
#define C(x) ((x) >= 0 ? (uint64_t)((tags[x] >> 8) & 0xFF) : NONE_T)
#define A(x) ((x) >= 0 ? (uint64_t)(tags[x] >> 16) : NONE_T)
#define S(x) ((x) >= 0 ? w[x].suf[2] : NONE_W)
#define X(x) ((x) >= 0 ? (uint64_t)w[x].lex : (uint64_t)CASUS_LEX_AFTER)
#define L(x) ((x) >= 0 && s->lab[x] >= 0 ? (uint64_t)s->lab[x] : (uint64_t)CASUS_PARSER_NOLABEL)
#define LSL(x) ((x) >= 0 ? (uint64_t)(uint32_t)s->ls[4 * (x)] | (uint64_t)(uint32_t)s->ls[4 * (x) + 1] << 32 : 1)
#define LSR(x) ((x) >= 0 ? (uint64_t)(uint32_t)s->ls[4 * (x) + 2] | (uint64_t)(uint32_t)s->ls[4 * (x) + 3] << 32 : 1)
    uint64_t s0c = C(s0), n0c = C(n0), n1c = C(n1);
    uint64_t s0w = W(s0), s0p = T(s0), n0w = W(n0), n0p = T(n0), n1w = W(n1), n1p = T(n1);
    uint64_t n2w = W(n2), n2p = T(n2), s1w = W(s1), s1p = T(s1);
    uint64_t s0wp = s0w * 31 + s0p, n0wp = n0w * 31 + n0p, n1wp = n1w * 31 + n1p, n2wp = n2w * 31 + n2p;
    uint64_t d = (s0 >= 0 && n0 >= 0) ? bucket(n0 - s0) : 0;
    if (s0 == 0) d = 8;
    uint64_t s0vl = s0 >= 0 ? cap(s->nl[s0]) : 9, s0vr = s0 >= 0 ? cap(s->nr[s0]) : 9;
    uint64_t n0vl = n0 >= 0 ? cap(s->nl[n0]) : 9;
    size_t k = 0;
#define F(t, a, b, c) f[k++] = casus_features_hash_k(hk, t, a, b, c)
    /* punctuation between s0 and n0: how much, and the last one */
    uint64_t pc = 0, last = 0;
    if (s0 > 0 && n0 > 0)
        for (int i = s->np[s0 + 1]; i < n0 && pc < 3; i = s->np[i + 1]) pc++, last = w[i].lower;
    if (part & CASUS_PARSER_STATIC) {
        F(0, 0, 0, 0);
        /* single words */
        F(1, s0w, 0, 0);
        F(2, s0p, 0, 0);
        F(3, s0wp, 0, 0);
        F(4, n0w, 0, 0);
        F(5, n0p, 0, 0);
        F(6, n0wp, 0, 0);
        F(7, n1w, 0, 0);
        F(8, n1p, 0, 0);
        F(9, n1wp, 0, 0);
        F(10, n2w, 0, 0);
        F(11, n2p, 0, 0);
        F(12, n2wp, 0, 0);
        /* pairs */
        F(15, s0wp, n0wp, 0);
        F(16, s0wp, n0w, 0);
        F(17, s0w, n0wp, 0);
        F(18, s0wp, n0p, 0);
        F(19, s0p, n0wp, 0);
        F(20, s0w, n0w, 0);
        F(21, s0p, n0p, 0);
        F(22, n0p, n1p, 0);
        /* three tags */
        F(23, n0p, n1p, n2p);
        F(24, s0p, n0p, n1p);
        /* distance */
        F(32, s0w, d, 0);
        F(33, s0p, d, 0);
        F(34, n0w, d, 0);
        F(35, n0p, d, 0);
        F(36, s0w, n0w, d);
        F(37, s0p, n0p, d);
        /* more context */
        F(64, s0p, n0p, n1w);
        F(65, s0w, n0p, n1p);
        F(66, n0w, n1w, 0);
        F(69, T(n0 > 1 ? n0 - 1 : -1), n0p, s0p);
        F(70, s0p, T(s0 >= 1 && s0 < n ? s0 + 1 : -1), n0p);
        /* coarse tags, sturdier than the fine ones */
        F(72, s0c, n0c, 0);
        F(73, s0c, n0c, n1c);
        F(74, n0c, n1c, C(n2));
        F(76, s0w, n0c, 0);
        F(77, s0c, n0w, 0);
        F(82, s0c, n0c, d);
        /* word endings, for words the tags get wrong */
        F(84, S(n0), 0, 0);
        F(85, S(s0), 0, 0);
        F(86, S(n0), s0c, 0);
        F(87, S(s0), n0c, 0);
        F(88, S(n1), n0c, 0);
        F(89, S(s0), S(n0), 0);
        /* the tagger's runner-up, where it was unsure */
        F(109, A(n0), n0p, s0p);
        F(110, A(s0), s0p, n0p);
        F(111, A(n0), n0w, 0);
        F(112, A(s0), s0w, 0);
        F(113, A(n1), n1p, n0p);
        F(114, A(s0), A(n0), s0c);
        /* punctuation between s0 and n0 */
        F(115, s0p, n0p, pc);
        F(116, s0c, n0c, pc * 16 + d);
        F(117, last, s0c, n0c);
        F(118, s0w, n0p, pc);
        if (s->lx) {
            /* the lexicon's classes of the words with their tags: a tag the classes make
               unlikely is a hint that it is wrong */
            F(120, X(n0), n0p, 0);
            F(121, X(s0), s0p, 0);
            F(122, X(s0), X(n0), 0);
            F(123, X(n1), n0p, 0);
        }
    }
    if (part & CASUS_PARSER_DYNAMIC) {
        /* single words */
        F(13, s1w, 0, 0);
        F(14, s1p, 0, 0);
        /* three tags */
        F(25, T(s0h), s0p, n0p);
        F(26, s0p, T(s0l), n0p);
        F(27, s0p, T(s0r), n0p);
        F(28, s0p, n0p, T(n0l));
        F(29, s1p, s0p, n0p);
        F(30, s1p, s0p, 0);
        F(31, s1w, s0w, n0p);
        /* valency */
        F(38, s0w, s0vr, 0);
        F(39, s0p, s0vr, 0);
        F(40, s0w, s0vl, 0);
        F(41, s0p, s0vl, 0);
        F(42, n0w, n0vl, 0);
        F(43, n0p, n0vl, 0);
        /* second order */
        F(44, W(s0h), 0, 0);
        F(45, T(s0h), 0, 0);
        F(46, W(s0l), 0, 0);
        F(47, T(s0l), 0, 0);
        F(48, W(s0r), 0, 0);
        F(49, T(s0r), 0, 0);
        F(50, W(n0l), 0, 0);
        F(51, T(n0l), 0, 0);
        /* third order */
        F(52, W(s0h2), 0, 0);
        F(53, T(s0h2), 0, 0);
        F(54, W(s0l2), 0, 0);
        F(55, T(s0l2), 0, 0);
        F(56, W(s0r2), 0, 0);
        F(57, T(s0r2), 0, 0);
        F(58, W(n0l2), 0, 0);
        F(59, T(n0l2), 0, 0);
        F(60, s0p, T(s0l), T(s0l2));
        F(61, s0p, T(s0r), T(s0r2));
        F(62, s0p, T(s0h), T(s0h2));
        F(63, n0p, T(n0l), T(n0l2));
        /* more context */
        F(67, s0p, W(s0h), n0p);
        F(68, s0w, T(s0r), n0p);
        F(71, s0 >= 0 && s->head[s0] >= 0, s0p, n0p);
        /* coarse tags, sturdier than the fine ones */
        F(75, C(s1), s0c, n0c);
        F(78, s0c, C(s0l), n0c);
        F(79, s0c, C(s0r), n0c);
        F(80, C(s0h), s0c, n0c);
        F(81, s0c, n0c, C(n0l));
        F(83, s0c, s0vl, s0vr);
        /* labels of the arcs made so far (Zhang & Nivre 2011) */
        F(90, L(s0), s0p, n0p);
        F(91, L(s0), s0w, 0);
        F(92, s0p, L(s0l), L(s0r));
        F(93, L(s0l), s0p, n0p);
        F(94, L(s0r), s0p, n0p);
        F(95, L(n0l), n0p, s0p);
        F(96, s0w, L(s0l), L(s0r));
        F(97, n0w, L(n0l), 0);
        F(98, s0p, L(s0l), L(s0l2));
        F(99, s0p, L(s0r), L(s0r2));
        F(100, n0p, L(n0l), L(n0l2));
        F(101, s0w, LSL(s0), 0);
        F(102, s0p, LSL(s0), 0);
        F(103, s0w, LSR(s0), 0);
        F(104, s0p, LSR(s0), 0);
        F(105, n0w, LSL(n0), 0);
        F(106, n0p, LSL(n0), 0);
        F(107, L(s0), L(s0h), s0p);
        F(108, L(s1), s1p, s0p);
        /* the punctuation between s0 and n0 with s0's rightmost dependent */
        F(119, pc, T(s0r), L(s0r));
    }
#undef F
#undef A
#undef X
#undef L
#undef LSL
#undef LSR
#undef C
#undef S
#undef W
#undef T
    return k;
}

/* once per kind of hash */
static size_t features(const casus_pstate *s, const casus_word *w, const int *tags, uint32_t *f, int part)
{
    return s->hk ? features_k(s, w, tags, f, part, 1) : features_k(s, w, tags, f, part, 0);
}

size_t casus_parser_features(const casus_pstate *s, const casus_word *w, const int *tags, uint32_t *f)
{
    return features(s, w, tags, f, CASUS_PARSER_STATIC | CASUS_PARSER_DYNAMIC);
}

size_t casus_parser_features_part(const casus_pstate *s, const casus_word *w, const int *tags, uint32_t *f, int part)
{
    return features(s, w, tags, f, part);
}

static uint64_t ldist(int h, int d)
{
    int v = h - d;
    int a = v < 0 ? -v : v;
    uint64_t b = a <= 3 ? (uint64_t)a : a <= 6 ? 4 : a <= 12 ? 5 : 6;
    return v < 0 ? b + 16 : b;
}

static CASUS_ALWAYS_INLINE size_t label_features_k(const casus_pstate *s, const casus_word *w, const int *tags, int h,
                                                   int d, uint32_t *f, const int hk)
{
    const uint64_t NONE_T = 300, NONE_W = 7;
    int n = s->n;
    int hh = h > 0 ? s->head[h] : -1;
    int dl = s->l1[d] ? s->l1[d] : -1, dr = s->r1[d] ? s->r1[d] : -1;
    /* the nearest dependent of h on d's side made before this one */
    int sib = d < h ? (s->l1[h] ? s->l1[h] : -1) : (s->r1[h] ? s->r1[h] : -1);
    int nxt = d + 1 <= n ? d + 1 : -1, prv = d > 1 ? d - 1 : -1;
#define W(x) ((x) >= 0 ? w[x].lower : NONE_W)
#define T(x) ((x) >= 0 ? (uint64_t)(tags[x] & 0xFFFF) : NONE_T)
#define C(x) ((x) >= 0 ? (uint64_t)((tags[x] >> 8) & 0xFF) : NONE_T)
#define L(x) ((x) >= 0 && s->lab[x] >= 0 ? (uint64_t)s->lab[x] : (uint64_t)CASUS_PARSER_NOLABEL)
    uint64_t dw = W(d), dp = T(d), hw = W(h), hp = T(h), dd = ldist(h, d);
    uint64_t nd = (uint64_t)(s->nl[d] < 3 ? s->nl[d] : 3) * 4 + (uint64_t)(s->nr[d] < 3 ? s->nr[d] : 3);
    uint64_t lsd = (uint64_t)(uint32_t)s->ls[4 * d] | (uint64_t)(uint32_t)s->ls[4 * d + 1] << 32;
    uint64_t rsd = (uint64_t)(uint32_t)s->ls[4 * d + 2] | (uint64_t)(uint32_t)s->ls[4 * d + 3] << 32;
    size_t k = 0;
#define F(tt, a, b, c) f[k++] = casus_features_hash_k(hk, 200 + (tt), a, b, c)
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
    F(16, dp, hp, L(sib));
    F(17, dp, T(sib), L(sib));
    F(18, dp, T(prv), T(nxt));
    F(19, dp, hp, nd);
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
    F(30, C(d), C(h), L(sib));
    F(31, w[d].suf[2], hp, 0);
    F(32, dw, C(h), L(h));
    F(33, C(d), C(dl), C(dr));
    F(34, dp, L(dl), L(dr));
    F(35, dp, lsd, 0);
    F(36, dp, rsd, dd);
    F(37, C(d), lsd, rsd);
    F(38, dw, L(dl), 0);
    F(39, dp, hp, lsd);
    F(40, T(nxt), dp, hp);
    F(41, (uint64_t)(tags[d] >> 16), dp, hp);
    if (s->lx) {
        F(42, w[d].lex, dp, hp);
        F(43, w[d].lex, w[h].lex, dd);
    }
#undef F
#undef C
#undef W
#undef T
#undef L
    return k;
}

size_t casus_parser_label_features(const casus_pstate *s, const casus_word *w, const int *tags, int h, int d,
                                   uint32_t *f)
{
    return s->hk ? label_features_k(s, w, tags, h, d, f, 1) : label_features_k(s, w, tags, h, d, f, 0);
}

int casus_parser_label(const casus_ap *lm, const casus_pstate *s, const casus_word *w, const int *tags, int h,
                       int d, int root_label)
{
    if (h == 0) return root_label;
    uint32_t f[CASUS_PARSER_LABEL_MAXF];
    size_t nf = casus_parser_label_features(s, w, tags, h, d, f);
    return casus_parser_label_best(lm, f, nf, root_label);
}

int casus_parser_label_best(const casus_ap *lm, const uint32_t *f, size_t nf, int root_label)
{
    int32_t scores[256];
    for (uint32_t c = 0; c < lm->nclass; c++) scores[c] = 0;
    casus_ap_score(lm, f, nf, scores);
    int best = -1;
    for (int c = 0; c < (int)lm->nclass; c++)
        if (c != root_label && (best < 0 || scores[c] > scores[best])) best = c;
    return best < 0 ? 0 : best;
}

int casus_parser_label_top(const casus_ap *lm, const uint32_t *f, size_t nf, int root_label, int j, int *lab,
                           int32_t *sc)
{
    int32_t scores[256];
    for (uint32_t c = 0; c < lm->nclass; c++) scores[c] = 0;
    casus_ap_score(lm, f, nf, scores);
    int n = 0;
    for (int c = 0; c < (int)lm->nclass; c++) {
        if (c == root_label) continue;
        /* insertion into the sorted list of the j best; earlier classes win ties */
        int at = n;
        while (at > 0 && sc[at - 1] < scores[c]) at--;
        if (at >= j) continue;
        if (n < j) n++;
        for (int i = n - 1; i > at; i--) {
            sc[i] = sc[i - 1];
            lab[i] = lab[i - 1];
        }
        sc[at] = scores[c];
        lab[at] = c;
    }
    return n;
}

void casus_parser_parse(const casus_ap *m, const casus_ap *lm, int root_label, const casus_word *w, const int *tags,
                        int n, int *mem, int *head, int *labels)
{
    casus_pstate s;
    uint32_t f[CASUS_PARSER_MAXF];
    int32_t scores[CASUS_PARSER_MOVES];
    unsigned char ok[CASUS_PARSER_MOVES];
    casus_parser_init(&s, n, w, mem);
    s.hk = (int)m->hash;
    s.lx = (int)m->lex;
    while (!casus_parser_terminal(&s)) {
        casus_parser_allowed(&s, ok);
        memset(scores, 0, sizeof scores);
        size_t nf = casus_parser_features(&s, w, tags, f);
        casus_ap_score(m, f, nf, scores);
        int move = casus_ap_best(m, scores, ok);
        if (move < 0) move = CASUS_PARSER_SHIFT;
        if (lm && (move == CASUS_PARSER_LEFT || move == CASUS_PARSER_RIGHT)) {
            int h, d;
            casus_parser_arc(&s, move, &h, &d);
            int l = casus_parser_label(lm, &s, w, tags, h, d, root_label);
            casus_parser_apply(&s, move);
            casus_parser_set_label(&s, d, l);
        } else {
            casus_parser_apply(&s, move);
        }
    }
    casus_parser_finish(&s);
    for (int i = 1; i <= n; i++) {
        head[i] = s.head[i];
        if (!lm) continue;
        if (s.lab[i] < 0) casus_parser_set_label(&s, i, casus_parser_label(lm, &s, w, tags, s.head[i], i, root_label));
        labels[i] = s.lab[i];
    }
}
