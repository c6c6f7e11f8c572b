/* perceptron.h — a trained linear classifier: hashed features -> sparse rows of int16 weights. */
#ifndef CASUS_SYNTAX_PERCEPTRON_H
#define CASUS_SYNTAX_PERCEPTRON_H

#include <stddef.h>
#include <stdint.h>

/* Read-only once built.  Sparse form: an open-addressing table maps a feature hash (never 0) to a row of
   (class, weight) entries; weights are int16 and scores stay integers until compared.  Key and row
   share one 8-byte slot and class and weight one 4-byte entry, so a feature costs two cache misses. */
typedef struct casus_ap {
    uint32_t nclass;   /* at most 255 */
    uint32_t nslots;   /* table slots; at least one is empty */
    uint64_t *slots;   /* sparse: [nslots], key | (first entry << 8 | entry count) << 32; key 0: empty */
    uint32_t nentries;
    uint32_t *ent;     /* sparse: [nentries], (uint16_t)weight | class << 16 */
    int16_t *w;        /* dense: [nslots * nclass] */
    int8_t *w8;        /* dense of kind 2: [nslots * nclass], in place of w */
    float scale;       /* weight = w * scale */
    uint32_t hash;     /* the kind of feature hash its features use (casus_features_hash_k);
                          set from the model, not stored with the classifier */
    uint32_t lex;      /* a tagger's: its features include the lexicon's classes (tagger.h); set
                          from the model (format 6), not stored with the classifier */
    uint32_t dense;    /* 1: no keys; a feature's row is its home slot, w holds nslots rows of
                          nclass weights (hashing with collisions, for few classes); 2: the
                          same with weights of one byte in w8 (half the memory to miss in) */
    /* Sparse, for scoring once loaded (casus_ap_compact): NULL until then. */
    struct casus_ap_bucket *buckets;
    uint32_t nbuckets;
} casus_ap;

/* A feature of a compacted table: its key, its first two entries in place (an absent one is 0:
   weight 0 for class 0, which adds nothing) and where the others are in ent (first << 8 |
   count; 0: none).  Most features have one or two weights, so one cache miss finds them. */
typedef struct casus_ap_bucket {
    uint32_t key, more, e0, e1;
} casus_ap_bucket;

/* Rebuilds a sparse table into buckets at half load, for scoring; slots are freed (the table
   can no longer be written).  Returns -1 when out of memory (m unchanged). */
int casus_ap_compact(casus_ap *m);

/* The home slot of a feature hash in a table of nslots slots (linear probing from there). */
static inline uint32_t casus_ap_slot(uint32_t key, uint32_t nslots)
{
    return (uint32_t)(((uint64_t)(key * 0x9E3779B1u) * nslots) >> 32);
}

/* Adds the weights of n features to scores[0..nclass). */
void casus_ap_score(const casus_ap *m, const uint32_t *feats, size_t n, int32_t *scores);

/* The best class among those with allowed[c] non-zero (allowed may be NULL: all); -1 if none. */
int casus_ap_best(const casus_ap *m, const int32_t *scores, const unsigned char *allowed);

/* A sparse slot and entry. */
static inline uint64_t casus_ap_slotval(uint32_t key, uint32_t first, uint32_t count)
{
    return (uint64_t)key | (uint64_t)(first << 8 | count) << 32;
}
static inline uint32_t casus_ap_entry(int cls, int w) { return (uint32_t)(uint16_t)w | (uint32_t)cls << 16; }

void casus_ap_clear(casus_ap *m); /* frees the arrays, accepts a zeroed struct */

#endif
