/* words.c — the enrichment tokenizer: words, numbers and punctuation of one sentence, with
   the helpers the analysers share (case-blind comparison, number words, weekdays, months). */
#include <ctype.h>
#include <string.h>

#include "enrich/enrich.h"

static int words_alpha(unsigned char c)
{
    return isalpha(c) || c >= 0x80;
}

void casus_words_split(casus_words *ws, const char *text, size_t len)
{
    ws->text = text;
    ws->len = len;
    ws->n = 0;
    size_t i = 0;
    while (i < len && ws->n < CASUS_WORDS_MAX) {
        unsigned char c = (unsigned char)text[i];
        if (isspace(c)) {
            i++;
            continue;
        }
        casus_word w = {i, i + 1, CASUS_WORD_PUNCT, 0};
        if (isdigit(c)) {
            size_t j = i;
            /* digits with thousands commas or a decimal point: 25,490  1.2 */
            while (j < len) {
                if (isdigit((unsigned char)text[j])) j++;
                else if ((text[j] == ',' || text[j] == '.') && j + 1 < len &&
                         isdigit((unsigned char)text[j + 1]))
                    j++;
                else break;
            }
            /* ordinals and attached letters: 3rd, 7th, 15km */
            while (j < len && isalpha((unsigned char)text[j])) j++;
            w.end = j;
            w.kind = CASUS_WORD_NUM;
        } else if (words_alpha(c)) {
            size_t j = i;
            while (j < len) {
                unsigned char d = (unsigned char)text[j];
                if (words_alpha(d) || isdigit(d)) j++;
                else if (d == '\'' && j + 1 < len && (text[j + 1] == 's' || text[j + 1] == 'S') &&
                         (j + 2 >= len || !words_alpha((unsigned char)text[j + 2])))
                    break; /* the possessive "'s" is a word of its own */
                else if ((d == '-' || d == '\'') && j + 1 < len && words_alpha((unsigned char)text[j + 1]))
                    j++;
                else break;
            }
            w.end = j;
            w.kind = CASUS_WORD_ALPHA;
            w.cap = isupper(c) != 0;
        } else if (c >= 0x80) {
            size_t j = i + 1;
            while (j < len && ((unsigned char)text[j] & 0xC0) == 0x80) j++;
            w.end = j;
        }
        ws->w[ws->n++] = w;
        i = w.end;
    }
}

int casus_words_is(const casus_words *ws, size_t i, const char *s)
{
    if (i >= ws->n) return 0;
    size_t n = ws->w[i].end - ws->w[i].start;
    if (strlen(s) != n) return 0;
    const char *t = ws->text + ws->w[i].start;
    for (size_t k = 0; k < n; k++)
        if (tolower((unsigned char)t[k]) != tolower((unsigned char)s[k])) return 0;
    return 1;
}

/* Called for nearly every word against fixed lists, so it walks the list once, comparing a
   first letter before anything else. */
int casus_words_in(const casus_words *ws, size_t i, const char *list)
{
    if (i >= ws->n) return 0;
    size_t n = ws->w[i].end - ws->w[i].start;
    const unsigned char *t = (const unsigned char *)ws->text + ws->w[i].start;
    if (n == 0) return 0;
    int first = tolower(t[0]);
    const char *p = list;
    while (*p) {
        if (tolower((unsigned char)*p) == first) {
            size_t k = 1;
            while (k < n && p[k] && p[k] != '|' && tolower(t[k]) == tolower((unsigned char)p[k])) k++;
            if (k == n && (!p[k] || p[k] == '|')) return 1;
        }
        while (*p && *p != '|') p++;
        if (*p == '|') p++;
    }
    return 0;
}

char *casus_words_lower(const casus_words *ws, size_t i, char *buf, size_t n)
{
    size_t k = 0;
    if (n == 0) return buf;
    if (i < ws->n)
        for (size_t j = ws->w[i].start; j < ws->w[i].end && k + 1 < n; j++)
            buf[k++] = (char)tolower((unsigned char)ws->text[j]);
    buf[k] = '\0';
    return buf;
}

static const char *const words_units[] = {"zero", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen"};
static const char *const words_tens[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty",
    "seventy", "eighty", "ninety"};

/* A number word below 100 ("seven", "twenty", "twenty-five"); -1 if none. */
static long words_small(const char *w)
{
    for (int k = 0; k < 20; k++)
        if (!strcmp(w, words_units[k])) return k;
    for (int k = 2; k < 10; k++) {
        size_t n = strlen(words_tens[k]);
        if (!strncmp(w, words_tens[k], n)) {
            if (w[n] == '\0') return 10L * k;
            if (w[n] == '-')
                for (int u = 1; u < 10; u++)
                    if (!strcmp(w + n + 1, words_units[u])) return 10L * k + u;
        }
    }
    return -1;
}

static long words_scale(const char *w)
{
    if (!strcmp(w, "hundred")) return 100;
    if (!strcmp(w, "thousand")) return 1000;
    if (!strcmp(w, "million")) return 1000000;
    return 0;
}

size_t casus_words_number(const casus_words *ws, size_t i, long *v)
{
    if (i >= ws->n) return 0;
    const casus_word *w = &ws->w[i];
    char buf[32];
    if (w->kind == CASUS_WORD_NUM) {
        /* plain digits, with commas; a decimal only before "million" */
        long whole = 0, frac = 0, fracdiv = 1;
        int dot = 0;
        for (size_t j = w->start; j < w->end; j++) {
            char c = ws->text[j];
            if (c == ',') continue;
            if (c == '.') {
                dot = 1;
                continue;
            }
            if (c < '0' || c > '9') return 0; /* 3rd, 15km: not a count */
            if (dot) {
                if (fracdiv < 1000000) {
                    frac = frac * 10 + (c - '0');
                    fracdiv *= 10;
                }
            } else if (whole < 100000000L) {
                whole = whole * 10 + (c - '0');
            }
        }
        if (casus_words_is(ws, i + 1, "million")) {
            *v = whole * 1000000L + frac * (1000000L / fracdiv);
            return 2;
        }
        if (dot) return 0;
        *v = whole;
        return 1;
    }
    if (w->kind != CASUS_WORD_ALPHA) return 0;
    long total = 0, cur = -1;
    size_t used = 0;
    for (size_t k = i; k < ws->n; k++) {
        casus_words_lower(ws, k, buf, sizeof buf);
        long s = words_small(buf);
        long sc = words_scale(buf);
        if (s >= 0 && cur < 0) {
            cur = s;
        } else if (s >= 0 && cur >= 100 && cur % 100 == 0 && s < 100) {
            cur += s;
        } else if (sc && cur >= 0) {
            if (sc == 100) cur *= 100;
            else {
                total += cur * sc;
                cur = 0;
            }
        } else if (!strcmp(buf, "and") && cur >= 100 && k + 1 < ws->n) {
            /* "three hundred and twelve" */
            char nb[32];
            if (words_small(casus_words_lower(ws, k + 1, nb, sizeof nb)) < 0) break;
        } else {
            break;
        }
        used = k - i + 1;
    }
    if (!used) return 0;
    *v = total + (cur > 0 ? cur : 0);
    return used;
}

int casus_words_weekday(const casus_words *ws, size_t i)
{
    static const char *const days[] = {"monday|mon", "tuesday|tue|tues", "wednesday|wed",
        "thursday|thu|thur|thurs", "friday|fri", "saturday|sat", "sunday|sun"};
    if (i >= ws->n || !ws->w[i].cap) return -1;
    for (int d = 0; d < 7; d++) {
        /* abbreviations only with their full stop */
        if (casus_words_in(ws, i, days[d])) {
            size_t n = ws->w[i].end - ws->w[i].start;
            if (n > 4 || (i + 1 < ws->n && ws->text[ws->w[i + 1].start] == '.' &&
                          ws->w[i + 1].start == ws->w[i].end))
                return d;
            if (n >= 6) return d;
        }
    }
    return -1;
}

int casus_words_month(const casus_words *ws, size_t i)
{
    static const char *const months[] = {"january|jan", "february|feb", "march|mar",
        "april|apr", "may", "june|jun", "july|jul", "august|aug", "september|sep|sept",
        "october|oct", "november|nov", "december|dec"};
    if (i >= ws->n || !ws->w[i].cap) return 0;
    for (int m = 0; m < 12; m++)
        if (casus_words_in(ws, i, months[m])) return m + 1;
    return 0;
}
