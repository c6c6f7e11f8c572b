/* lexicon.h — what an external dictionary says a word can be: a small set of classes per
   lower-cased form, stored in the model (format 6) so that parsing needs nothing else.

   The trainer fills it from WordNet 3.0 (train/train.c, --lexicon 1): for each form, the parts
   of speech it is a WordNet lemma of, those it is an inflected form of (by the exception lists
   or regular suffixes), and whether WordNet writes it in lower case, capitalised, or both.  The
   tagger sees the set as one value (an ambiguity class), which helps most with the words
   training never saw. */
#ifndef CASUS_SYNTAX_LEXICON_H
#define CASUS_SYNTAX_LEXICON_H

#include <stddef.h>
#include <stdint.h>

enum {
    CASUS_LEX_NOUN = 1u << 0, /* lemma of a noun */
    CASUS_LEX_VERB = 1u << 1,
    CASUS_LEX_ADJ = 1u << 2,
    CASUS_LEX_ADV = 1u << 3,
    CASUS_LEX_NOUN_INFL = 1u << 4, /* an inflected form of a noun lemma (plural) */
    CASUS_LEX_VERB_INFL = 1u << 5, /* -s, -ed, -ing or an irregular form of a verb lemma */
    CASUS_LEX_ADJ_INFL = 1u << 6,  /* comparative or superlative */
    CASUS_LEX_ADV_INFL = 1u << 7,
    CASUS_LEX_LOWER = 1u << 8, /* written in lower case in some sense */
    CASUS_LEX_CAP = 1u << 9,   /* capitalised in some sense (a name) */
    CASUS_LEX_BITS = 10,
    CASUS_LEX_MASK = (1u << CASUS_LEX_BITS) - 1,
    /* never a lexicon value: the tagger's stand-ins for the words before and after a sentence */
    CASUS_LEX_BEFORE = 1u << CASUS_LEX_BITS,
    CASUS_LEX_AFTER = 2u << CASUS_LEX_BITS,
};

/* An open-addressing table: slot = key hash << CASUS_LEX_BITS | classes (never 0: an entry has
   at least one class), 0 empty; linear probing from the home slot (casus_lexicon_home).  Key
   hashes are 22 bits of the form's casus_word.lower; the home slot takes other bits, so a form
   not in the table matches an entry about once in 4 million probes. */
typedef struct casus_lexicon {
    uint32_t kind;   /* 0: none; 1: the tagger's features use it; 2: the parser's and the labeler's too */
    uint32_t nslots; /* 0 with kind 0; otherwise at least one slot is empty */
    uint32_t *slots;
} casus_lexicon;

#define CASUS_LEX_MAXSLOTS (1u << 24)

static inline uint32_t casus_lexicon_home(uint64_t lower, uint32_t nslots)
{
    uint64_t h = lower * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(((h >> 32) * nslots) >> 32);
}

static inline uint32_t casus_lexicon_keyhash(uint64_t lower) { return (uint32_t)(lower >> 42); }

/* The classes of a word (its casus_word.lower); 0 when the lexicon does not know it. */
static inline uint32_t casus_lexicon_get(const casus_lexicon *l, uint64_t lower)
{
    if (!l->nslots) return 0;
    uint32_t i = casus_lexicon_home(lower, l->nslots), k = casus_lexicon_keyhash(lower);
    for (;;) {
        uint32_t e = l->slots[i];
        if (!e) return 0;
        if (e >> CASUS_LEX_BITS == k) return e & CASUS_LEX_MASK;
        if (++i == l->nslots) i = 0;
    }
}

/* Builds a table from n (lower, classes) pairs (classes non-zero; pairs with the same key are
   merged), at a load of about 0.7; the same pairs in any order give the same table.  Returns
   -1 when out of memory or too many pairs (l unchanged). */
int casus_lexicon_build(casus_lexicon *l, uint32_t kind, const uint64_t *lower, const uint32_t *classes, size_t n);

/* Checks a table read from a file: a reason when it is unusable, NULL when fine. */
const char *casus_lexicon_check(const casus_lexicon *l);

void casus_lexicon_clear(casus_lexicon *l); /* accepts a zeroed struct */

#endif
