/* tokens.c — a rule-based tokenizer for news English with byte offsets into the original text. */
#include "text/tokens.h"

#include <stdlib.h>
#include <string.h>

typedef struct tok_out {
    casus_text_token *v;
    size_t n, cap;
    int failed;
} tok_out;

static void emit(tok_out *o, size_t start, size_t end)
{
    if (o->failed || start >= end) return;
    if (o->n == o->cap) {
        size_t ncap = o->cap ? o->cap * 2 : 64;
        casus_text_token *g = realloc(o->v, ncap * sizeof *g);
        if (!g) {
            o->failed = 1;
            return;
        }
        o->v = g;
        o->cap = ncap;
    }
    o->v[o->n++] = (casus_text_token){start, end};
}

static int is_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Length of white space at t[i] (ASCII blanks and U+00A0), 0 if none. */
static size_t space_at(const unsigned char *t, size_t i, size_t len)
{
    if (is_ascii_space(t[i])) return 1;
    if (t[i] == 0xC2 && i + 1 < len && t[i + 1] == 0xA0) return 2;
    return 0;
}

static int is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
/* Letters, digits and any non-ASCII byte that is not punctuation we know count as word bytes. */
static int is_wordish(unsigned char c) { return is_alpha(c) || is_digit(c) || c >= 0x80; }
static char lower(unsigned char c) { return (char)(c >= 'A' && c <= 'Z' ? c + 32 : c); }

/* Three-byte UTF-8 punctuation in the General Punctuation block (E2 80 xx). */
static int gp_at(const unsigned char *t, size_t i, size_t b, unsigned char third)
{
    return i + 3 <= b && t[i] == 0xE2 && t[i + 1] == 0x80 && t[i + 2] == third;
}
#define LSQUO 0x98
#define RSQUO 0x99
#define LDQUO 0x9C
#define RDQUO 0x9D
#define NDASH 0x93
#define MDASH 0x94
#define ELLIPSIS 0xA6

/* An apostrophe (' or ’) at t[i]: its byte length, else 0. */
static size_t apos_at(const unsigned char *t, size_t i, size_t b)
{
    if (i < b && t[i] == '\'') return 1;
    if (gp_at(t, i, b, RSQUO)) return 3;
    return 0;
}

/* A punctuation mark that is always a token of its own, at t[i]: its length, else 0. */
static size_t punct_at(const unsigned char *t, size_t i, size_t b)
{
    unsigned char c = t[i];
    if (c == '"' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' ||
        c == ';' || c == '!' || c == '?' || c == '`')
        return 1;
    if (c == 0xE2 && i + 3 <= b && t[i + 1] == 0x80 &&
        (t[i + 2] == LDQUO || t[i + 2] == RDQUO || t[i + 2] == LSQUO || t[i + 2] == NDASH ||
         t[i + 2] == MDASH || t[i + 2] == ELLIPSIS))
        return 3;
    if (c == 0xC2 && i + 2 <= b && (t[i + 1] == 0xAB || t[i + 1] == 0xBB)) return 2; /* « » */
    return 0;
}

static const char *const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
    "gov", "sen", "rep", "rev", "st", "mt", "ft", "jr", "sr", "no", "vs", "etc", "inc", "ltd",
    "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "dept", "est", "approx", "pres", "brig", "messrs", "sheikh", "cpl", "pvt", "supt",
    "ave", "blvd", "rd", "mass", "calif", "fla", "ill", "penn", "wash", "tenn", "va", "ariz",
    "mich", "minn", "wis", "conn", "okla", "ore", "nev", "colo", "kan", "ky", "la", "md", "mo",
    "ala", "ark", "del", "ga", "ind", "miss", "neb", "vt", "wyo", "fig", "vol", "op", "cf", "al",
};

int casus_text_is_abbreviation(const char *word, size_t len)
{
    const unsigned char *w = (const unsigned char *)word;
    if (len == 0) return 0;
    if (len == 1) return is_alpha(w[0]); /* an initial: "James E. McGreevey" */
    /* dotted letters: "U.S", "e.g", "a.m" */
    int dotted = 1;
    for (size_t i = 0; i < len; i++)
        if ((i % 2 == 0 && !is_alpha(w[i])) || (i % 2 == 1 && w[i] != '.')) dotted = 0;
    if (dotted) return 1;
    if (len > 8) return 0;
    char buf[9];
    for (size_t i = 0; i < len; i++) buf[i] = lower(w[i]);
    buf[len] = '\0';
    for (size_t i = 0; i < sizeof abbreviations / sizeof *abbreviations; i++)
        if (strcmp(buf, abbreviations[i]) == 0) return 1;
    return 0;
}

static int has_sub(const unsigned char *t, size_t a, size_t b, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = a; i + n <= b; i++)
        if (memcmp(t + i, s, n) == 0) return 1;
    return 0;
}

/* URLs, e-mail addresses and handles stay whole. */
static int is_url(const unsigned char *t, size_t a, size_t b)
{
    if (has_sub(t, a, b, "://") || has_sub(t, a, b, "www.")) return 1;
    for (size_t i = a; i < b; i++)
        if (t[i] == '@' && i > a && i + 1 < b && has_sub(t, i, b, ".")) return 1;
    return 0;
}

static void split_word(tok_out *o, const unsigned char *t, size_t a, size_t b);

/* Clitics split off the end of a word, longest first; the apostrophe may be ' or ’. */
static size_t clitic_len(const unsigned char *t, size_t a, size_t b)
{
    /* n't */
    if (b - a >= 4 && lower(t[b - 1]) == 't') {
        size_t ap = 0;
        if (t[b - 2] == '\'') ap = 1;
        else if (b - a >= 6 && gp_at(t, b - 4, b, RSQUO)) ap = 3;
        if (ap && b - a > ap + 2 && lower(t[b - 2 - ap]) == 'n' && is_alpha(t[b - 3 - ap]))
            return ap + 2;
    }
    static const char *const tails[] = {"s", "re", "ve", "ll", "d", "m"};
    for (size_t k = 0; k < sizeof tails / sizeof *tails; k++) {
        size_t n = strlen(tails[k]);
        if (b - a < n + 2) continue;
        int ok = 1;
        for (size_t j = 0; j < n; j++)
            if (lower(t[b - n + j]) != tails[k][j]) ok = 0;
        if (!ok) continue;
        size_t ap = 0;
        if (t[b - n - 1] == '\'') ap = 1;
        else if (b - a >= n + 4 && gp_at(t, b - n - 3, b, RSQUO)) ap = 3;
        if (ap && b - a > n + ap && is_wordish(t[b - n - ap - 1])) return n + ap;
    }
    return 0;
}

/* The core of a chunk, with leading and trailing punctuation already gone. */
static void split_core(tok_out *o, const unsigned char *t, size_t a, size_t b)
{
    if (a >= b) return;
    if (is_url(t, a, b)) {
        emit(o, a, b);
        return;
    }
    /* inner split points */
    for (size_t i = a; i < b; i++) {
        size_t n = punct_at(t, i, b);
        if (!n && t[i] == '-' && i + 1 < b && t[i + 1] == '-') {
            n = 2;
            while (i + n < b && t[i + n] == '-') n++;
        }
        if (!n && i > a && i + 1 < b) {
            unsigned char p = t[i - 1], q = t[i + 1];
            if (t[i] == '-' && is_wordish(p) && is_wordish(q)) n = 1;
            else if (t[i] == '/' && is_wordish(p) && is_wordish(q) && !(is_digit(p) && is_digit(q))) n = 1;
            else if (t[i] == ',' && !(is_digit(p) && is_digit(q))) n = 1;
            else if ((t[i] == ':' || t[i] == '&' || t[i] == '+' || t[i] == '=') && !(is_digit(p) && is_digit(q)) &&
                     !(is_alpha(p) && is_alpha(q) && t[i] == '&'))
                n = 1;
            else if (t[i] == '.' && q == '.') {
                n = 2;
                while (i + n < b && t[i + n] == '.') n++;
            }
        }
        if (n) {
            split_word(o, t, a, i);
            emit(o, i, i + n);
            split_word(o, t, i + n, b);
            return;
        }
    }
    size_t c = clitic_len(t, a, b);
    if (c) {
        split_core(o, t, a, b - c);
        emit(o, b - c, b);
        return;
    }
    emit(o, a, b);
}

/* One run of non-blank bytes: peel punctuation off both ends, then split the core. */
static void split_word(tok_out *o, const unsigned char *t, size_t a, size_t b)
{
    if (a < b && b - a <= 5 && apos_at(t, a, b)) { /* a clitic standing alone: 's, ’re */
        size_t k = a + apos_at(t, a, b);
        while (k < b && is_alpha(t[k])) k++;
        if (k == b && k > a + apos_at(t, a, b)) {
            emit(o, a, b);
            return;
        }
    }
    while (a < b) {
        size_t n = punct_at(t, a, b);
        if (!n && (t[a] == '$' || t[a] == '#' || t[a] == '\'' || t[a] == ',' || t[a] == ':' ||
                   t[a] == '*' || t[a] == '<' || t[a] == '>' || t[a] == '~'))
            n = 1;
        if (!n && t[a] == 0xE2 && gp_at(t, a, b, RSQUO) && b - a > 3) n = 3; /* ’ opening a word */
        if (!n && t[a] == 0xC2 && a + 1 < b && (t[a + 1] == 0xA3)) n = 2;      /* £ */
        if (!n && t[a] == 0xE2 && a + 3 <= b && t[a + 1] == 0x82 && t[a + 2] == 0xAC) n = 3; /* € */
        if (!n && t[a] == '-' && a + 1 < b && t[a + 1] == '-') {
            n = 2;
            while (a + n < b && t[a + n] == '-') n++;
        }
        if (!n && t[a] == '-' && a + 1 < b && !is_digit(t[a + 1])) n = 1;
        if (!n) break;
        emit(o, a, a + n);
        a += n;
    }
    /* trailing marks, peeled from the right and emitted after the core */
    size_t ends[32];
    size_t ne = 0, e = b;
    while (e > a && ne < 32) {
        size_t n = 0;
        unsigned char c = t[e - 1];
        if (c == '"' || c == ')' || c == ']' || c == '}' || c == ',' || c == ';' || c == ':' ||
            c == '!' || c == '?' || c == '%' || c == '\'' || c == '*')
            n = 1;
        else if (c == '-' && e - a > 1 && t[e - 2] != '-')
            n = 1;
        else if (e - a >= 3 && t[e - 3] == 0xE2 && t[e - 2] == 0x80 &&
                 (c == RDQUO || c == RSQUO || c == LDQUO || c == NDASH || c == MDASH || c == ELLIPSIS))
            n = 3;
        else if (e - a >= 2 && t[e - 2] == 0xC2 && c == 0xBB)
            n = 2;
        else if (c == '.') {
            size_t d = e - 1;
            while (d > a && t[d - 1] == '.') d--;
            if (e - d >= 2) n = e - d; /* "..." */
            else if (d == a) n = 1;
            else if (!casus_text_is_abbreviation((const char *)t + a, d - a)) n = 1;
        }
        if (!n) break;
        ends[ne++] = e - n;
        e -= n;
    }
    split_core(o, t, a, e);
    /* ends[0] is the rightmost mark; emit from the leftmost */
    for (size_t k = ne; k-- > 0;) emit(o, ends[k], k == 0 ? b : ends[k - 1]);
}

int casus_text_tokens(const char *text, size_t len, casus_text_token **out, size_t *count)
{
    const unsigned char *t = (const unsigned char *)text;
    tok_out o = {0};
    size_t i = 0;
    *out = NULL;
    *count = 0;
    while (i < len) {
        size_t s = space_at(t, i, len);
        if (s) {
            i += s;
            continue;
        }
        size_t j = i;
        while (j < len && !space_at(t, j, len)) j++;
        split_word(&o, t, i, j);
        i = j;
    }
    if (o.failed) {
        free(o.v);
        return -1;
    }
    *out = o.v;
    *count = o.n;
    return 0;
}
