/* coder.h — internals of the coder shared by its stages: words (filter and literals), parse
 * (sparse parse: roots, nouns, compounds, clauses, pronouns, complexity), match (verb patterns)
 * and events (sources, targets, paired and compound events). */
#ifndef CASUS_CODE_CODER_H
#define CASUS_CODE_CODER_H

#include <stddef.h>
#include <stdint.h>

#include "casus.h"
#include "dict/dict.h"

/* Word flags. */
enum {
    CASUS_WF_INITCAP = 1u << 0,  /* first capitalised word of the text */
    CASUS_WF_MIDCAP = 1u << 1,   /* a later capitalised word */
    CASUS_WF_COMPOUND = 1u << 2, /* inside a parsed compound actor phrase */
};

/* Tag types beyond the word types: segments and pronoun references. */
enum {
    CASUS_TAG_COMPOUND = CASUS_W_COUNT + 1,
    CASUS_TAG_CLAUSE,
    CASUS_TAG_SUBORD,
    CASUS_TAG_CANCELLED,
    CASUS_TAG_REFERENCE, /* index holds the word a pronoun refers to */
};

typedef struct casus_tag {
    uint32_t type, index, next; /* next: 0 ends the list */
} casus_tag;

typedef struct casus_word {
    size_t start, end;        /* bytes of the original text */
    uint32_t fstart, flen;    /* the upper-case filtered form, in coder->filt */
    uint32_t lit_first;       /* literal matches in coder->lits */
    uint16_t nlits;
    uint8_t wtype, flags;
    uint32_t root;            /* root whose match begins here */
    uint32_t head, tail;      /* tag lists in coder->tags */
    uint32_t head_types, tail_types; /* bit t set: a tag of type t may be in the list */
} casus_word;

/* An actor found for a verb: codes, where it is, and how it was found. */
typedef struct casus_actor {
    uint32_t actor, agent;   /* code ids; CASUS_DEFAULT_* for default actors */
    uint32_t compound;       /* actor-code index when the dictionary codes a compound, else 0 */
    int where;               /* word index of the actor (after following a pronoun) */
    int span_first, span_last; /* words that named it, for provenance */
    uint32_t root, agent_root;
    int agent_where;         /* word where the agent begins, or -1 */
} casus_actor;

#define CASUS_DEFAULT_SOURCE (UINT32_MAX - 1)
#define CASUS_DEFAULT_TARGET (UINT32_MAX - 2)
#define CASUS_DEFAULT_WHERE (-2)

typedef struct casus_raw_event {
    casus_actor source, target;
    uint32_t code;
    uint8_t subordinate, dominant, is_event, paired;
    uint8_t incident;        /* violence without a named perpetrator: the source stays empty */
    int verb;                /* word index of the verb */
    int match_first, match_last; /* words the pattern matched */
    uint32_t pattern;        /* pattern index, UINT32_MAX for the root's own code */
    int32_t day;
} casus_raw_event;

struct casus_coder {
    const casus_dict *dict;
    const casus_syntax *syntax; /* optional tagger */
    casus_syntax_doc *sdoc;     /* its reading of the current text */
    casus_options opt;

    const char *text;
    size_t len;
    char *filt;
    size_t filt_len, filt_cap;
    size_t *filt_src; /* source offset of each filtered byte */
    size_t filt_src_cap;

    casus_word *w; /* w[nw] is the halt word */
    size_t nw, w_cap;
    casus_lit_match *lits;
    size_t nlits, lits_cap;
    casus_tag *tags; /* tags[0] unused */
    size_t ntags, tags_cap;
    int all_caps;
    int case_tells;        /* not all capitals nor a headline in title case: a capital says something */
    int has_clauses;
    int nomem;

    /* parse results */
    int discard, complex, too_short;
    char complex_reason[128];

    /* coding state */
    int32_t day;
    int time_shifted;
    casus_actor source, target;
    int regular_source, regular_target, passive;
    casus_actor last_source, last_target; /* the sentence's last event, for ", killing ..." */
    int have_last, last_incident;
    int null_verb;              /* the last verb matched a [---] code: no event of its own */
    int modal_verb, modal_kind; /* SET: MODAL VERBS: the verb after "vowed to" and how it is meant */
    int modal_from;             /* ... and the vow's own word */
    size_t modal_first, modal_end; /* the raw events of the vow, replaced by those of the act */
    int clause_start, clause_end;
    int idx_source, idx_target, idx_attrib, idx_compound;

    /* literals present in the current text, one bit each */
    uint64_t *present;
    size_t present_bits;

    /* pattern matcher scratch */
    int *temp;
    size_t ntemp, temp_cap;

    casus_raw_event *raw;
    size_t nraw, raw_cap;
    casus_event *events;
    size_t nevents, events_cap;
    char *strings; /* composite codes of the events */
    size_t strings_len, strings_cap;
    unsigned text_flags;

    /* pronoun forwarding from the previous sentence of the same article */
    uint32_t fwd_actor, fwd_compound; /* roots; 0: none */
    int can_forward;
    char fwd_story[32];
    long fwd_sentence;
};

/* parse.c: roots the next sentence's pronouns may refer to */
void casus_forward_remember(casus_coder *c);

/* words.c */
int casus_words_make(casus_coder *c, const char *text, size_t len);
int casus_word_has_literal(const casus_coder *c, int pos, uint32_t lit); /* 0, 1 partial, 2 exact */
int casus_word_is(const casus_coder *c, int pos, const char *upper);   /* the word is exactly upper */
int casus_word_in(const casus_coder *c, int pos, const char *const *list, size_t n); /* ... one of n */
int casus_word_ends(const casus_coder *c, int pos, const char *upper); /* ... ends with upper, and is longer */

/* parse.c */
void casus_parse(casus_coder *c);
int casus_tag_add(casus_coder *c, int pos, int head, uint32_t type, uint32_t index);
int casus_has_head(const casus_coder *c, int pos, uint32_t type);
int casus_has_tail(const casus_coder *c, int pos, uint32_t type);
uint32_t casus_head_index(const casus_coder *c, int pos, uint32_t type); /* 0 if none */
uint32_t casus_tail_index(const casus_coder *c, int pos, uint32_t type);
int casus_has_head_indexed(const casus_coder *c, int pos, uint32_t type, uint32_t index);
int casus_has_tail_indexed(const casus_coder *c, int pos, uint32_t type, uint32_t index);
int casus_reference(const casus_coder *c, int pos); /* word a pronoun refers to, or -1 */
/* SET: LOCATIVE: is the actor at pos a capital after IN ("in Baghdad"), a place? (events.c) */
int casus_is_locative(const casus_coder *c, int pos);
/* With the parser: does THAT at pos open what a noun says ("a report that X ...")? (parse.c) */
int casus_begins_noun_complement(const casus_coder *c, int pos);
int casus_nominal_passive(const casus_coder *c, int pos); /* "the killing of X by Y" */
int casus_subject_noun_of(const casus_coder *c, int noun, int verb); /* "X's demand was rejected" */
int casus_uncoded_verb_between(const casus_coder *c, int from, int to); /* "left Pyongyang to visit" */
int casus_adjunct_subject(const casus_coder *c, int verb, int *first, int *last); /* ", denouncing" */
/* Does a possessive (HIS, HER, ITS, THEIR) stand just before the word at pos ("his troops")? */
int casus_is_possessed(const casus_coder *c, int pos);
int casus_skip_segment(const casus_coder *c, int *pos, uint32_t type);

static inline int casus_literal_present(const casus_coder *c, uint32_t lit)
{
    return lit < c->present_bits && (c->present[lit >> 6] >> (lit & 63) & 1);
}

/* match.c */
int casus_pattern_possible(const casus_coder *c, const casus_pattern *p);
int casus_pattern_match(casus_coder *c, uint32_t phrase, uint16_t nelem, int loc, casus_wtype wtype,
                        int *lenalt);
int casus_actor_head(casus_coder *c, int loc, int *found);
int casus_actor_tail(const casus_coder *c, int loc);
int casus_compound_head(casus_coder *c, int loc, int *found);
int casus_compound_head_of_tail(const casus_coder *c, int loc);

/* events.c */
void casus_code_events(casus_coder *c);

#endif
