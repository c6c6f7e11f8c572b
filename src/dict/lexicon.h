/* lexicon.h — the literals of the dictionaries (words and stems), in a trie that finds every
 * literal that begins a text word in one pass over the word. */
#ifndef CASUS_DICT_LEXICON_H
#define CASUS_DICT_LEXICON_H

#include <stddef.h>
#include <stdint.h>

typedef struct casus_lexicon {
    uint32_t *depth;     /* per node: length of the string it spells */
    uint8_t *is_literal; /* per node */
    size_t nnodes, cap;
    uint64_t *edge_keys; /* (parent << 8 | byte) + 1; 0 = empty */
    uint32_t *edge_child;
    size_t nedges, edge_slots;
} casus_lexicon;

/* A literal found at the start of a word; exact when it spells the whole word. */
typedef struct casus_lit_match {
    uint32_t lit;
    uint8_t exact;
} casus_lit_match;

int casus_lexicon_init(casus_lexicon *lex);
void casus_lexicon_free(casus_lexicon *lex);
/* Adds s[0..len) as a literal and returns its id (a node id, never 0); 0 when memory runs out. */
uint32_t casus_lexicon_add(casus_lexicon *lex, const char *s, size_t len);
/* The literal spelled by s, or 0. */
uint32_t casus_lexicon_find(const casus_lexicon *lex, const char *s, size_t len);
/* Writes up to max literals that begin word[0..len), shortest first; returns how many exist.
 * A one-character literal begins only words whose second character is not a letter or digit. */
size_t casus_lexicon_prefixes(const casus_lexicon *lex, const char *word, size_t len,
                              casus_lit_match *out, size_t max);
static inline uint32_t casus_lexicon_length(const casus_lexicon *lex, uint32_t lit) { return lex->depth[lit]; }

#endif
