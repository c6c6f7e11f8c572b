/* lexicon.c — a byte trie whose edges live in one open-addressing hash table. */
#include "dict/lexicon.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"

static uint64_t edge_key(uint32_t parent, unsigned char byte) { return (((uint64_t)parent << 8) | byte) + 1; }

static size_t slot_of(uint64_t key, size_t nslots)
{
    uint64_t h = key * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 17) & (nslots - 1);
}

static int grow_edges(casus_lexicon *lex)
{
    size_t nslots = lex->edge_slots ? lex->edge_slots * 2 : 1024;
    uint64_t *keys = calloc(nslots, sizeof *keys);
    uint32_t *child = malloc(nslots * sizeof *child);
    if (!keys || !child) {
        free(keys);
        free(child);
        return -1;
    }
    for (size_t i = 0; i < lex->edge_slots; i++) {
        if (!lex->edge_keys[i]) continue;
        size_t j = slot_of(lex->edge_keys[i], nslots);
        while (keys[j]) j = (j + 1) & (nslots - 1);
        keys[j] = lex->edge_keys[i];
        child[j] = lex->edge_child[i];
    }
    free(lex->edge_keys);
    free(lex->edge_child);
    lex->edge_keys = keys;
    lex->edge_child = child;
    lex->edge_slots = nslots;
    return 0;
}

static uint32_t child_of(const casus_lexicon *lex, uint32_t parent, unsigned char byte)
{
    uint64_t key = edge_key(parent, byte);
    size_t i = slot_of(key, lex->edge_slots);
    while (lex->edge_keys[i]) {
        if (lex->edge_keys[i] == key) return lex->edge_child[i];
        i = (i + 1) & (lex->edge_slots - 1);
    }
    return 0;
}

static uint32_t new_node(casus_lexicon *lex, uint32_t depth)
{
    size_t cap = lex->cap;
    if (casus_grow((void **)&lex->depth, &cap, lex->nnodes + 1, sizeof *lex->depth)) return 0;
    size_t cap2 = lex->cap;
    if (casus_grow((void **)&lex->is_literal, &cap2, lex->nnodes + 1, sizeof *lex->is_literal)) return 0;
    lex->cap = cap < cap2 ? cap : cap2;
    lex->depth[lex->nnodes] = depth;
    lex->is_literal[lex->nnodes] = 0;
    return (uint32_t)lex->nnodes++;
}

int casus_lexicon_init(casus_lexicon *lex)
{
    memset(lex, 0, sizeof *lex);
    if (grow_edges(lex)) return -1;
    /* node 0 is the root: literal id 0 then means "none" */
    return new_node(lex, 0) == 0 && lex->nnodes == 1 ? 0 : -1;
}

void casus_lexicon_free(casus_lexicon *lex)
{
    free(lex->depth);
    free(lex->is_literal);
    free(lex->edge_keys);
    free(lex->edge_child);
    memset(lex, 0, sizeof *lex);
}

uint32_t casus_lexicon_add(casus_lexicon *lex, const char *s, size_t len)
{
    if (len == 0) return 0;
    uint32_t node = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char byte = (unsigned char)s[i];
        uint32_t next = child_of(lex, node, byte);
        if (!next) {
            if ((lex->nedges + 1) * 2 > lex->edge_slots && grow_edges(lex)) return 0;
            next = new_node(lex, (uint32_t)i + 1);
            if (!next) return 0;
            uint64_t key = edge_key(node, byte);
            size_t j = slot_of(key, lex->edge_slots);
            while (lex->edge_keys[j]) j = (j + 1) & (lex->edge_slots - 1);
            lex->edge_keys[j] = key;
            lex->edge_child[j] = next;
            lex->nedges++;
        }
        node = next;
    }
    lex->is_literal[node] = 1;
    return node;
}

uint32_t casus_lexicon_find(const casus_lexicon *lex, const char *s, size_t len)
{
    uint32_t node = 0;
    for (size_t i = 0; i < len && (i == 0 || node); i++) node = child_of(lex, node, (unsigned char)s[i]);
    return len && node && lex->is_literal[node] ? node : 0;
}

size_t casus_lexicon_prefixes(const casus_lexicon *lex, const char *word, size_t len,
                              casus_lit_match *out, size_t max)
{
    size_t found = 0;
    uint32_t node = 0;
    int second_is_alnum = len > 1 && isalnum((unsigned char)word[1]);
    for (size_t i = 0; i < len; i++) {
        node = child_of(lex, node, (unsigned char)word[i]);
        if (!node) break;
        if (!lex->is_literal[node]) continue;
        if (i == 0 && second_is_alnum) continue;
        if (found < max) out[found] = (casus_lit_match){node, (uint8_t)(i + 1 == len)};
        found++;
    }
    return found;
}
