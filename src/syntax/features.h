/* features.h — what the tagger and the parser know about a word, and feature hashing. */
#ifndef CASUS_SYNTAX_FEATURES_H
#define CASUS_SYNTAX_FEATURES_H

#include <stddef.h>
#include <stdint.h>

/* One word of a sentence, prepared once: hashes of its normalised forms and affixes. */
typedef struct casus_word {
    uint64_t form;   /* exact form */
    uint64_t lower;  /* lowercased, digits as 0, curly quotes as straight ones */
    uint64_t shape;  /* "Xxxx" -> "Xx", "U.S." -> "X.X.", "25,490" -> "d,d" */
    uint64_t pre[3]; /* lowercased prefixes of 1..3 bytes */
    uint64_t suf[4]; /* lowercased suffixes of 1..4 bytes */
    uint32_t flags;  /* CASUS_WORD_* */
    uint32_t lex;    /* the model's lexicon classes (CASUS_LEX_*, syntax/lexicon.h); 0 unknown, and
                        0 as casus_features_word leaves it */
} casus_word;

enum {
    CASUS_WORD_UPPER = 1u << 0,  /* first character is an upper-case letter */
    CASUS_WORD_DIGIT = 1u << 1,  /* contains a digit */
    CASUS_WORD_HYPHEN = 1u << 2, /* contains a hyphen */
    CASUS_WORD_ALLCAP = 1u << 3, /* all letters upper case, at least two */
    CASUS_WORD_PUNCT = 1u << 4,  /* ASCII punctuation only */
};

/* Fills *w from form[0..len). */
void casus_features_word(casus_word *w, const char *form, size_t len);

/* The hash of a feature: a template number and up to three values; never 0. */
static inline uint32_t casus_features_hash(uint32_t tmpl, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t h = 0x9E3779B97F4A7C15ull * (tmpl + 1);
    h ^= a + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= b + 0x85EBCA77C2B2AE63ull + (h << 6) + (h >> 2);
    h *= 0x94D049BB133111EBull;
    h ^= c + 0x27D4EB2F165667C5ull + (h << 6) + (h >> 2);
    h ^= h >> 31;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    uint32_t k = (uint32_t)h;
    return k ? k : 1;
}

/* The same with about a third of the work (two multiplications for one value, against four
   and a dozen shifts and adds): models of format 5 can use it (casus_model.hash 1). */
static inline uint32_t casus_features_hash_fast(uint32_t tmpl, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t h = (a ^ (0x9E3779B97F4A7C15ull * (tmpl + 1))) * 0xBF58476D1CE4E5B9ull;
    h += b * 0x94D049BB133111EBull;
    h += c * 0xD6E8FEB86659FD93ull;
    h ^= h >> 29;
    h *= 0x9E3779B97F4A7C15ull;
    uint32_t k = (uint32_t)(h >> 32);
    return k ? k : 1;
}

/* For feature functions made once per kind of hash, hk a constant in each. */
#if defined(__GNUC__)
#define CASUS_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define CASUS_ALWAYS_INLINE inline
#endif

/* The feature hash of kind hk: 0 casus_features_hash, 1 casus_features_hash_fast. */
static inline uint32_t casus_features_hash_k(int hk, uint32_t tmpl, uint64_t a, uint64_t b, uint64_t c)
{
    return hk ? casus_features_hash_fast(tmpl, a, b, c) : casus_features_hash(tmpl, a, b, c);
}

/* FNV-1a over bytes. */
uint64_t casus_features_bytes(const char *s, size_t len);

#endif
