/* sentences.c — a rule-based sentence splitter for news English. */
#include "text/sentences.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Titles and abbreviations after which a full stop does not end a sentence. */
static const char *const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
    "gov", "sen", "rep", "rev", "st", "mt", "ft", "jr", "sr", "no", "vs", "etc", "inc", "ltd",
    "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m", "dept", "est", "approx", "pres",
    "brig", "messrs", "sheikh",
};

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* The word that ends at text[end-1] (the full stop excluded), lowercased into buf. */
static size_t word_before(const char *text, size_t end, char *buf, size_t cap)
{
    size_t start = end;
    while (start > 0 && !is_space((unsigned char)text[start - 1]) && text[start - 1] != '(' &&
           text[start - 1] != '"')
        start--;
    size_t n = end - start;
    if (n >= cap) return 0;
    for (size_t i = 0; i < n; i++) buf[i] = (char)tolower((unsigned char)text[start + i]);
    buf[n] = '\0';
    return n;
}

static int is_abbreviation(const char *text, size_t dot)
{
    char word[32];
    size_t n = word_before(text, dot, word, sizeof word);
    if (n == 0) return 0;
    if (n == 1 && isalpha((unsigned char)word[0])) return 1; /* an initial: "James E. McGreevey" */
    for (size_t i = 0; i < sizeof abbreviations / sizeof *abbreviations; i++)
        if (strcmp(word, abbreviations[i]) == 0) return 1;
    return 0;
}

/* Does a new sentence plausibly start at text[i]?  Quotes and brackets may come first. */
static int starts_sentence(const char *text, size_t len, size_t i)
{
    while (i < len && (text[i] == '"' || text[i] == '\'' || text[i] == '(' || text[i] == '['))
        i++;
    if (i >= len) return 0;
    unsigned char c = (unsigned char)text[i];
    if (c >= 0x80) {
        /* UTF-8 curly quotes (E2 80 9C/98) followed by the real first character. */
        if (c == 0xE2 && i + 3 < len && (unsigned char)text[i + 1] == 0x80) return starts_sentence(text, len, i + 3);
        return 1;
    }
    return isupper(c) || isdigit(c);
}

/* Informal text often starts sentences in lower case: "i flew here last night. are you lying?".
   A single full stop, question or exclamation mark at i, followed by a lower-case letter at k,
   ends a sentence when the word before it is all lower case (so not "Calif." or "Mr.") and no
   abbreviation; an ellipsis never does. */
static int ends_before_lower(const char *text, size_t len, size_t i, size_t k)
{
    if (k >= len || !islower((unsigned char)text[k])) return 0;
    if ((i > 0 && text[i - 1] == '.') || (i + 1 < len && text[i + 1] == '.')) return 0;
    if (text[i] != '.') return 1;
    char word[32];
    size_t n = word_before(text, i, word, sizeof word);
    if (n < 2) return 0;
    for (size_t m = 0; m < n; m++)
        if (!islower((unsigned char)text[i - n + m]) && text[i - n + m] != '\'') return 0;
    return !is_abbreviation(text, i);
}

static int push(casus_text_span **spans, size_t *count, size_t *cap, const char *text, size_t start, size_t end)
{
    while (start < end && is_space((unsigned char)text[start])) start++;
    while (end > start && is_space((unsigned char)text[end - 1])) end--;
    if (start == end) return 0;
    if (*count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        casus_text_span *grown = realloc(*spans, ncap * sizeof *grown);
        if (!grown) return -1;
        *spans = grown;
        *cap = ncap;
    }
    (*spans)[(*count)++] = (casus_text_span){start, end};
    return 0;
}

int casus_text_sentences(const char *text, size_t len, casus_text_span **out, size_t *count)
{
    casus_text_span *spans = NULL;
    size_t n = 0, cap = 0, start = 0;
    *out = NULL;
    *count = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        size_t end = 0; /* where the sentence ends, if it ends here */
        if (c == '\n' && i + 1 < len && (text[i + 1] == '\n' || (text[i + 1] == '\r' && i + 2 < len && text[i + 2] == '\n'))) {
            end = i; /* a blank line always ends a sentence */
        } else if (c == '.' || c == '!' || c == '?') {
            size_t j = i + 1;
            while (j < len && (text[j] == '"' || text[j] == '\'' || text[j] == ')' || text[j] == '.' ||
                               text[j] == '!' || text[j] == '?'))
                j++;
            /* closing curly quote ” or ’ */
            while (j + 2 < len && (unsigned char)text[j] == 0xE2 && (unsigned char)text[j + 1] == 0x80 &&
                   ((unsigned char)text[j + 2] == 0x9D || (unsigned char)text[j + 2] == 0x99))
                j += 3;
            if (j < len && !is_space((unsigned char)text[j])) continue;
            size_t k = j;
            while (k < len && is_space((unsigned char)text[k])) k++;
            if (k < len && !starts_sentence(text, len, k) && !ends_before_lower(text, len, i, k)) continue;
            if (c == '.' && is_abbreviation(text, i) && k < len) {
                /* "U.S. officials" continues; "in the U.S. The" is ambiguous: keep together unless
                   the abbreviation is a multi-letter one followed by a capitalised function word. */
                continue;
            }
            end = j;
            i = j > i ? j - 1 : i;
        }
        if (end) {
            if (push(&spans, &n, &cap, text, start, end) < 0) { free(spans); return -1; }
            start = end;
        }
    }
    if (push(&spans, &n, &cap, text, start, len) < 0) { free(spans); return -1; }
    *out = spans;
    *count = n;
    return 0;
}
