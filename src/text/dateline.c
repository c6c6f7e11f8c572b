/* dateline.c — finds the dateline that opens a wire report ("BAGHDAD, Iraq - ", "AFP - ",
 * "TEHRAN (Reuters) - ", "LONDON, AUGUST 17: ", "Ouagadougou - "), which names where and by whom a report was
 * filed, not who did what: it must not be read as the subject of the first sentence. */
#include <ctype.h>
#include <string.h>

#include "casus.h"

/* News agencies that open reports under their own name. */
static const char *const agencies[] = {
    "AP", "AFP", "Reuters", "Canadian Press", "Xinhua", "UPI", "IRNA", "TASS", "ITAR-TASS", "PTI",
    "ANI", "Kyodo", "DPA", "dpa", "EFE", "ANSA", "Bloomberg", "CNN", "BBC", "IANS", "Yonhap", "WAFA",
    "SANA", "MENA", "KUNA", "Anadolu", "Interfax", "RIA Novosti", "Press TV", "Mehr", "Tasnim",
};

static int is_agency(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof agencies / sizeof *agencies; i++)
        if (strlen(agencies[i]) == n && !memcmp(agencies[i], s, n)) return 1;
    return 0;
}

/* A place written in capitals: "NAJAF", "PUNTA GORDA", "ST. PETERSBURG", "GAZA CITY". */
static int is_capital_place(const char *s, size_t n)
{
    int letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (islower(c)) return 0;
        if (isupper(c)) letters++;
        else if (!(c == ' ' || c == '.' || c == '\'' || c == '-')) return 0;
    }
    return letters >= 2;
}

/* A place in title case, one to three words: "Ouagadougou", "Punta Gorda", "St. Petersburg". */
static int is_title_place(const char *s, size_t n)
{
    int words = 0;
    size_t i = 0;
    while (i < n) {
        if (!isupper((unsigned char)s[i])) return 0;
        words++;
        i++;
        while (i < n && s[i] != ' ') {
            unsigned char c = (unsigned char)s[i];
            if (!(islower(c) || c == '.' || c == '\'' || c == '-' || c >= 0x80)) return 0;
            i++;
        }
        while (i < n && s[i] == ' ') i++;
    }
    return words >= 1 && words <= 3;
}

static size_t separator(const char *s, size_t n);

/* A place in title case before a dash opens a dateline only when a sentence follows it with a
   capital and no second dash closes an aside: "Ouagadougou - Rwanda's threat ...", not
   "Valdoria - a small state - protested" or "Valdoria - Ostburg's ally - protested". */
static int title_dateline(const char *s, size_t h, size_t at, size_t sep, size_t n)
{
    if (s[at] == ':' || !is_title_place(s, h) || at + sep >= n || !isupper((unsigned char)s[at + sep])) return 0;
    for (size_t k = at + sep; k + 1 < n; k++)
        if (s[k] == ' ' && separator(s + k + 1, n - k - 1) && s[k + 1] != ':') return 0;
    return 1;
}

/* Length of a separator at s ("-", "--", em or en dash, ":"), with the blanks after it; 0 if none. */
static size_t separator(const char *s, size_t n)
{
    size_t k = 0;
    if (n >= 2 && s[0] == '-' && s[1] == '-') k = 2;
    else if (n >= 1 && (s[0] == '-' || s[0] == ':')) k = 1;
    else if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
             ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
        k = 3;
    if (!k || k >= n || s[k] != ' ') return 0;
    while (k < n && s[k] == ' ') k++;
    return k;
}

/* One dateline at the start of s, or 0. */
static size_t one_dateline(const char *s, size_t n)
{
    size_t limit = n < 80 ? n : 80;
    for (size_t i = 1; i + 1 < limit; i++) {
        if (s[i - 1] != ' ' && s[i] != ':') continue;
        size_t sep = separator(s + i, n - i);
        if (!sep) continue;
        size_t end = s[i] == ':' ? i : i - 1; /* the prefix, without the blank before the separator */
        while (end > 0 && s[end - 1] == ' ') end--;
        size_t head = 0;
        while (head < end && s[head] != ',' && s[head] != '(') head++;
        size_t h = head;
        while (h > 0 && s[h - 1] == ' ') h--;
        if (h == 0 || !(is_capital_place(s, h) || is_agency(s, h) || title_dateline(s, h, i, sep, n))) return 0;
        if (end - head > 40) return 0;
        return i + sep;
    }
    return 0;
}

size_t casus_dateline_length(const char *text, size_t len)
{
    size_t skip = 0;
    while (skip < len && (text[skip] == ' ' || text[skip] == '\t' || text[skip] == '\n')) skip++;
    for (int k = 0; k < 3; k++) { /* "Canadian Press - VANCOUVER (CP) - " has two */
        size_t d = one_dateline(text + skip, len - skip);
        if (!d) break;
        skip += d;
    }
    return skip == 0 || !one_dateline(text, len) ? 0 : skip;
}
