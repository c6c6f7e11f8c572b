/* features.c — prepares words for the statistical models: normalised forms, shapes, affixes. */
#include "syntax/features.h"

uint64_t casus_features_bytes(const char *s, size_t len)
{
    uint64_t h = 0xCBF29CE484222325ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001B3ull;
    }
    return h;
}

void casus_features_word(casus_word *w, const char *form, size_t len)
{
    char low[64];
    char shape[16];
    size_t nl = 0, ns = 0;
    int letters = 0, uppers = 0, other = 0;
    uint32_t flags = 0;
    const unsigned char *f = (const unsigned char *)form;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = f[i];
        char l = (char)c, s;
        if (c >= 'A' && c <= 'Z') {
            l = (char)(c + 32);
            s = 'X';
            letters++;
            uppers++;
            if (i == 0) flags |= CASUS_WORD_UPPER;
        } else if (c >= 'a' && c <= 'z') {
            s = 'x';
            letters++;
        } else if (c >= '0' && c <= '9') {
            l = '0';
            s = 'd';
            flags |= CASUS_WORD_DIGIT;
        } else if (c >= 0x80) {
            s = 'u';
            other = 1;
            /* curly quotes and apostrophes read as straight ones */
            if (c == 0xE2 && i + 2 < len && f[i + 1] == 0x80) {
                unsigned char t = f[i + 2];
                if (t == 0x98 || t == 0x99) { l = '\''; s = '\''; i += 2; }
                else if (t == 0x9C || t == 0x9D) { l = '"'; s = '"'; i += 2; }
            }
        } else {
            s = (char)c;
            if (c == '-') flags |= CASUS_WORD_HYPHEN;
        }
        if (nl < sizeof low) low[nl++] = l;
        if (ns == 0 || shape[ns - 1] != s || (s != 'x' && s != 'd' && s != 'X' && s != 'u')) {
            if (ns < sizeof shape) shape[ns++] = s;
        }
    }
    if (letters >= 2 && uppers == letters) flags |= CASUS_WORD_ALLCAP;
    if (len > 0 && letters == 0 && !(flags & CASUS_WORD_DIGIT) && !other) flags |= CASUS_WORD_PUNCT;
    w->form = casus_features_bytes(form, len);
    w->lower = casus_features_bytes(low, nl);
    w->shape = casus_features_bytes(shape, ns);
    for (size_t k = 0; k < 3; k++) w->pre[k] = casus_features_bytes(low, k + 1 < nl ? k + 1 : nl);
    for (size_t k = 0; k < 4; k++) {
        size_t n = k + 1 < nl ? k + 1 : nl;
        w->suf[k] = casus_features_bytes(low + nl - n, n) ^ (0x51u * (k + 1));
    }
    w->flags = flags;
    w->lex = 0;
}
