/* model.h — the trained syntax model and its versioned binary file (little-endian throughout).

   File: "CASUSSYN" (8 bytes), u32 format version, u32 reserved (0), u64 payload length, the
   payload, u32 FNV-1a checksum of the payload.  Payload: tag names, label names, the root label,
   the tag margin, the parser's beam width (version 3; version 2 files lack it and parse greedily), the joint
   label count and the tag cost (version 4; version 3 files lack them: 0), then in version 5 an
   extension: u32 length, then that many bytes (the beam's pruning threshold, f32, and the kind
   of feature hash, u32; version 4 files lack it: the default threshold, hash kind 0), in version 6
   the lexicon (u32 kind, u32 slot count, the slots as u32; see lexicon.h; older files have
   none, kind 0), the two
   tagger passes', the parser's and its arc labeler's classifiers, then the lemmatizer; every count is checked against the bytes
   that remain and every index against what it points into. */
#ifndef CASUS_SYNTAX_MODEL_H
#define CASUS_SYNTAX_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "casus.h"
#include "syntax/lemma.h"
#include "syntax/lexicon.h"
#include "syntax/perceptron.h"

#define CASUS_MODEL_MAGIC "CASUSSYN"
#define CASUS_MODEL_VERSION 6u

typedef struct casus_model {
    uint32_t ntags;
    char **upos, **xpos;  /* [ntags] */
    uint32_t nlabels;
    char **labels;        /* [nlabels] */
    uint32_t root_label;
    float alt_margin;     /* the tagger's runner-up tag reaches the parser when it scored within
                             this of the best (0: never); see casus_parser_tag */
    uint32_t beam;        /* the parser's beam width, 1 .. CASUS_BEAM_MAX (1: greedy); the
                             parser was trained for it */
    uint32_t joint;       /* 0: the labeler labels each arc outside the parser's score; J (1 ..
                             CASUS_BEAM_MAXLAB): labels are scored with the moves and an arc
                             move branches into the J best (version 4; see casus_beam_parse) */
    float tag_cost;       /* > 0: the beam chooses between the tag and the runner-up of the words
                             the tagger was unsure of, and the runner-up costs this times the
                             tagger's score gap (version 4; see casus_beam_tags) */
    float beam_prune;     /* the beam's pruning threshold in weight units (0: CASUS_BEAM_PRUNE;
                             version 5) */
    uint32_t hash;        /* the kind of feature hash of the tagger, parser and labeler: 0
                             casus_features_hash, 1 casus_features_hash_fast (version 5) */
    casus_lexicon lex;    /* word classes from an external dictionary (version 6; kind 0: none) */
    int *coarse;          /* [ntags + 1]: the coarse class of each tag (not stored; derived) */
    casus_ap tagger, tagger2;  /* the two tagging passes (tagger.h) */
    casus_ap parser, labeler;  /* transitions, and the label of each arc as it is made (parser.h) */
    casus_lemmatizer lemma;
} casus_model;

/* Reads path into *m (zeroed first).  On failure *m is cleared and err holds "path: reason". */
casus_status casus_model_read(casus_model *m, const char *path, char *err, size_t errlen);

/* The same; compact 0 leaves the sparse classifiers as written (for the trainer, which can then
   write them again), 1 rebuilds them for scoring (casus_ap_compact). */
casus_status casus_model_read_file(casus_model *m, const char *path, char *err, size_t errlen, int compact);

/* The same from memory; name is used in messages. */
casus_status casus_model_read_buffer(casus_model *m, const unsigned char *buf, size_t len,
                                     const char *name, char *err, size_t errlen);

/* Writes m to path through a temporary file and a rename. */
casus_status casus_model_write(const casus_model *m, const char *path, char *err, size_t errlen);

void casus_model_clear(casus_model *m); /* accepts a zeroed model */

/* Coarse classes: the first tag with the same UPOS; the root (tag ntags) gets ntags. */
int casus_model_coarse(char *const *upos, uint32_t ntags, uint32_t tag);

#endif
