/* words.c — turns a text into words: TABARI's punctuation filter (with byte offsets kept),
 * quote and accent normalisation, capitalisation flags, and the literals that begin each word. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "code/coder.h"
#include "core/grow.h"

enum { MAX_WORDS = 1000 };

/* filter() reserves room for every byte it may emit: at most three per input byte, plus two. */
static int emit(casus_coder *c, char ch, size_t src)
{
    c->filt[c->filt_len] = ch;
    c->filt_src[c->filt_len] = src;
    c->filt_len++;
    return 0;
}

static int emit_delimited(casus_coder *c, char ch, size_t src)
{
    return emit(c, ' ', src) || emit(c, ch, src) || emit(c, ' ', src);
}

/* ASCII stand-in for a non-ASCII character: quotes, dashes and accented letters; 0 if none. */
static int ascii_for(utf8proc_int32_t cp, char *out, size_t *n)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC:
        out[0] = '\'';
        *n = 1;
        return 1;
    case 0x201C: case 0x201D: case 0x201E: case 0x2033: case 0x00AB: case 0x00BB:
        out[0] = '"';
        *n = 1;
        return 1;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        out[0] = '-';
        *n = 1;
        return 1;
    case 0x00A0: case 0x2009: case 0x200A: case 0x202F: case 0x2002: case 0x2003:
        out[0] = ' ';
        *n = 1;
        return 1;
    default: break;
    }
    /* letters that Unicode does not decompose: Turkish dotless i (Kılıçdaroğlu), Polish l,
       Nordic o, South Slavic and Vietnamese d, German sharp s, ligatures */
    const char *plain = NULL;
    switch (cp) {
    case 0x0131: plain = "i"; break;
    case 0x0141: plain = "L"; break;
    case 0x0142: plain = "l"; break;
    case 0x00D8: plain = "O"; break;
    case 0x00F8: plain = "o"; break;
    case 0x0110: plain = "D"; break;
    case 0x0111: plain = "d"; break;
    case 0x00DF: plain = "ss"; break;
    case 0x00C6: plain = "AE"; break;
    case 0x00E6: plain = "ae"; break;
    case 0x0152: plain = "OE"; break;
    case 0x0153: plain = "oe"; break;
    default: break;
    }
    if (plain) {
        *n = strlen(plain);
        memcpy(out, plain, *n);
        return 1;
    }
    utf8proc_int32_t buf[8];
    int options = UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK;
    utf8proc_ssize_t k = utf8proc_decompose_char(cp, buf, 8, (utf8proc_option_t)options, NULL);
    if (k <= 0 || k > 4) return 0;
    for (utf8proc_ssize_t i = 0; i < k; i++) {
        if (buf[i] >= 0x80 || !isalpha((int)buf[i])) return 0;
        out[i] = (char)buf[i];
    }
    *n = (size_t)k;
    return 1;
}

/* TABARI's filter: ; : ( ) become commas; commas and double quotes stand alone; a full stop is
   kept inside numbers and after a capital (U.N.), else dropped; commas inside numbers go;
   apostrophes and $ stay; other punctuation becomes a blank; text in / * ... * / is not coded. */
static int filter(casus_coder *c, const char *t, size_t len)
{
    c->filt_len = 0;
    c->all_caps = 1;
    if (len > (SIZE_MAX - 8) / 3 ||
        casus_grow((void **)&c->filt, &c->filt_cap, 3 * len + 4, 1) ||
        casus_grow((void **)&c->filt_src, &c->filt_src_cap, 3 * len + 4, sizeof *c->filt_src))
        return -1;
    size_t i = 0;
    while (i < len) {
        unsigned char ch = (unsigned char)t[i];
        if (ch >= 0x80) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(len - i), &cp);
            if (k <= 0) { /* invalid UTF-8: a blank, so no word spans it */
                if (emit(c, ' ', i)) return -1;
                i++;
                continue;
            }
            char ascii[8];
            size_t n;
            if (ascii_for(cp, ascii, &n)) {
                if (n == 1 && (ascii[0] == '\'' || ascii[0] == '-' || ascii[0] == ' ' || ascii[0] == '"')) {
                    if (ascii[0] == '"' ? emit_delimited(c, '"', i) : emit(c, ascii[0] == '\'' ? '\'' : ' ', i)) return -1;
                } else {
                    for (size_t j = 0; j < n; j++) {
                        if (islower((unsigned char)ascii[j])) c->all_caps = 0;
                        if (emit(c, ascii[j], i)) return -1;
                    }
                }
            } else {
                for (utf8proc_ssize_t j = 0; j < k; j++)
                    if (emit(c, t[i + (size_t)j], i + (size_t)j)) return -1;
            }
            i += (size_t)k;
            continue;
        }
        if (islower(ch)) c->all_caps = 0;
        if (ch == '/' && i + 1 < len && t[i + 1] == '*') {
            const char *close = NULL;
            for (size_t j = i + 2; j + 1 < len; j++)
                if (t[j] == '*' && t[j + 1] == '/') {
                    close = t + j;
                    break;
                }
            i = close ? (size_t)(close - t) + 2 : len;
            if (emit(c, ' ', i < len ? i : len)) return -1;
            continue;
        }
        int r = 0;
        if (isalnum(ch) || ch == ' ') { /* the common case first */
            emit(c, (char)ch, i);
            i++;
            continue;
        }
        int prev_digit = i > 0 && isdigit((unsigned char)t[i - 1]);
        int next_digit = i + 1 < len && isdigit((unsigned char)t[i + 1]);
        if (ch == ';' || ch == ':' || ch == '(' || ch == ')') r = emit_delimited(c, ',', i);
        else if (ch == ',') r = prev_digit && next_digit ? 0 : emit_delimited(c, ',', i);
        else if (ch == '.') {
            if (prev_digit && next_digit) r = emit(c, '.', i);
            else if (i > 0 && isupper((unsigned char)t[i - 1])) r = emit(c, '.', i);
            else r = emit(c, ' ', i);
        } else if (ch == '\'' || ch == '$') r = emit(c, (char)ch, i);
        else if (ch == '"') r = emit_delimited(c, '"', i);
        else if (ispunct(ch) || iscntrl(ch) || isspace(ch)) r = emit(c, ' ', i);
        else r = emit(c, (char)ch, i);
        if (r) return -1;
        i++;
    }
    if (emit(c, ' ', len)) return -1;
    c->filt[c->filt_len] = '\0';
    return 0;
}

/* Is the filtered text a headline in title case ("Suicide Bomber Kills 21 Troops")? Then a
   capital tells nothing about a word, as in text all in capitals. Words of four letters or more
   after the first are counted: short ones (of, in, to, a) stay lower case in most styles. */
static int is_title_case(const char *f, size_t n)
{
    int words = 0, capitals = 0, first = 1;
    size_t i = 0;
    while (i < n) {
        while (i < n && f[i] == ' ') i++;
        size_t s = i;
        while (i < n && f[i] != ' ') i++;
        if (i - s >= 4 && isalpha((unsigned char)f[s]) && !first) {
            words++;
            if (isupper((unsigned char)f[s])) capitals++;
        }
        if (i > s) first = 0;
    }
    return words >= 3 && capitals * 5 >= words * 4;
}

int casus_words_make(casus_coder *c, const char *text, size_t len)
{
    c->text = text;
    c->len = len;
    for (size_t i = 0; i < c->nlits; i++) { /* forget the previous text's literals */
        uint32_t lit = c->lits[i].lit;
        if (lit < c->present_bits) c->present[lit >> 6] &= ~(UINT64_C(1) << (lit & 63));
    }
    c->nw = 0;
    c->nlits = 0;
    if (filter(c, text, len)) return -1;
    int first_cap = 1;
    c->case_tells = !c->all_caps && !is_title_case(c->filt, c->filt_len);
    int case_tells = c->case_tells;
    size_t i = 0;
    while (i < c->filt_len) {
        while (i < c->filt_len && c->filt[i] == ' ') i++;
        if (i >= c->filt_len) break;
        size_t s = i;
        while (i < c->filt_len && c->filt[i] != ' ') i++;
        if (c->nw >= MAX_WORDS) break; /* longer texts are truncated, as TABARI does */
        if (casus_grow((void **)&c->w, &c->w_cap, c->nw + 2, sizeof *c->w)) return -1;
        casus_word *w = &c->w[c->nw++];
        memset(w, 0, sizeof *w);
        w->fstart = (uint32_t)s;
        w->flen = (uint32_t)(i - s);
        w->start = c->filt_src[s];
        w->end = c->filt_src[i - 1] + 1;
        /* extend the end over the rest of a multi-byte character */
        while (w->end < len && ((unsigned char)text[w->end] & 0xC0) == 0x80) w->end++;
        char *f = c->filt + s;
        if (case_tells && isupper((unsigned char)f[0])) {
            w->flags |= first_cap ? CASUS_WF_INITCAP : CASUS_WF_MIDCAP;
            first_cap = 0;
        }
        if (f[0] == ',' && w->flen == 1) {
            w->wtype = CASUS_W_COMMA;
            continue;
        }
        for (size_t k = 0; k < w->flen; k++) f[k] = (char)toupper((unsigned char)f[k]);
        casus_lit_match found[64];
        size_t n = casus_lexicon_prefixes(&c->dict->lex, f, w->flen, found, 64);
        if (n > 64) n = 64;
        if (n == 0 && isdigit((unsigned char)f[0])) {
            w->wtype = CASUS_W_NUMBER;
            continue;
        }
        if (casus_grow((void **)&c->lits, &c->lits_cap, c->nlits + n, sizeof *c->lits)) return -1;
        w->lit_first = (uint32_t)c->nlits;
        w->nlits = (uint16_t)n;
        if (n) memcpy(c->lits + c->nlits, found, n * sizeof *found);
        for (size_t k = 0; k < n; k++)
            if (found[k].lit < c->present_bits) c->present[found[k].lit >> 6] |= UINT64_C(1) << (found[k].lit & 63);
        c->nlits += n;
    }
    /* the halt word, and two slots for actors forwarded from the previous sentence */
    if (casus_grow((void **)&c->w, &c->w_cap, c->nw + 3, sizeof *c->w)) return -1;
    casus_word *halt = &c->w[c->nw];
    memset(halt, 0, sizeof *halt);
    halt->wtype = CASUS_W_HALT;
    halt->start = halt->end = len;
    return 0;
}

int casus_word_has_literal(const casus_coder *c, int pos, uint32_t lit)
{
    const casus_word *w = &c->w[pos];
    for (uint16_t i = 0; i < w->nlits; i++)
        if (c->lits[w->lit_first + i].lit == lit) return c->lits[w->lit_first + i].exact ? 2 : 1;
    return 0;
}

int casus_word_is(const casus_coder *c, int pos, const char *upper)
{
    size_t n = strlen(upper);
    return pos >= 0 && pos < (int)c->nw && c->w[pos].flen == n && !memcmp(c->filt + c->w[pos].fstart, upper, n);
}

int casus_word_ends(const casus_coder *c, int pos, const char *upper)
{
    size_t n = strlen(upper);
    return pos >= 0 && pos < (int)c->nw && c->w[pos].flen > n &&
           !memcmp(c->filt + c->w[pos].fstart + c->w[pos].flen - n, upper, n);
}

int casus_word_in(const casus_coder *c, int pos, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (casus_word_is(c, pos, list[k])) return 1;
    return 0;
}
