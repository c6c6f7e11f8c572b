/* lemma.h — lemmas from (form, tag): an exception table of seen words, then suffix rules. */
#ifndef CASUS_SYNTAX_LEMMA_H
#define CASUS_SYNTAX_LEMMA_H

#include <stddef.h>
#include <stdint.h>

/* Read-only once built.  Both tables are sorted by key for binary search. */
typedef struct casus_lemmatizer {
    uint32_t ntags;
    uint8_t *keepcase;  /* [ntags]: 1 if unseen words of this tag keep their case */
    uint32_t nrules;
    uint32_t *rkey, *rstrip, *rappend; /* rule: strip bytes from the end, append string */
    uint32_t nexc;
    uint32_t *ekey, *elemma;            /* exception: the whole lemma */
    char *strs;                         /* NUL-terminated strings, by offset */
    uint32_t strslen;
} casus_lemmatizer;

#define CASUS_LEMMA_MAXSUF 6

/* Keys: a word (lowercased) with its tag, and a suffix of k bytes of it with its tag. */
uint32_t casus_lemma_word_key(const char *form, size_t len, int tag);
uint32_t casus_lemma_suffix_key(const char *form, size_t len, size_t k, int tag);

/* Writes the lemma of form[0..len) tagged tag into out (cap bytes, NUL-terminated, cut to fit);
   returns its length. */
size_t casus_lemma_get(const casus_lemmatizer *m, const char *form, size_t len, int tag, char *out,
                       size_t cap);

void casus_lemma_clear(casus_lemmatizer *m);

#endif
