/* dict.h — the one in-memory dictionary: literals, roots, patterns and codes, shared by every
 * reader (TABARI today, PETRARCH2 and our own format later) and read by the coder. */
#ifndef CASUS_DICT_DICT_H
#define CASUS_DICT_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "casus.h"
#include "dict/codes.h"
#include "dict/lexicon.h"
#include "dict/options.h"

/* What a word or root is, as the sparse parse sees it. */
typedef enum casus_wtype {
    CASUS_W_NULL = 0,
    CASUS_W_ACTOR,
    CASUS_W_AGENT,
    CASUS_W_VERB,
    CASUS_W_NOUN,
    CASUS_W_ADJECTIVE,
    CASUS_W_DETERMINER,
    CASUS_W_CONJUNCTION,
    CASUS_W_PREPOSITION,
    CASUS_W_PRONOUN,
    CASUS_W_AUXILIARY,
    CASUS_W_BY,
    CASUS_W_TIME,
    CASUS_W_ATTRIBUTION,
    CASUS_W_SYNSET,
    CASUS_W_COMMA,
    CASUS_W_NUMBER,
    CASUS_W_CANCELLED, /* a typed word inside an eliminated comma clause */
    CASUS_W_HALT,
    CASUS_W_COUNT
} casus_wtype;

const char *casus_wtype_name(casus_wtype type);

/* One element of a phrase.  `conn` says how the element may match the text: */
enum {
    CASUS_CONN_PARTIAL = 1u << 0, /* the element may match the start of a longer word (a stem) */
    CASUS_CONN_SKIP = 1u << 1,    /* other words may stand between this element and the next */
    CASUS_CONN_NOENDINGS = 1u << 2, /* "WORD=": no regular S/ED/ING endings */
};

typedef enum casus_elem_kind {
    CASUS_E_LITERAL, /* id: literal */
    CASUS_E_VERB,    /* "*": the verb root itself */
    CASUS_E_SOURCE,  /* "$" */
    CASUS_E_TARGET,  /* "+" */
    CASUS_E_COMPOUND, /* "%" */
    CASUS_E_SKIP,    /* "^": pass over an actor */
    CASUS_E_ATTRIB,  /* "@" */
    CASUS_E_SYNSET,  /* id: root of the synset */
    CASUS_E_OPEN,    /* "{" of alternatives */
    CASUS_E_OR,      /* "|" */
    CASUS_E_CLOSE,   /* "}" */
} casus_elem_kind;

typedef struct casus_elem {
    uint32_t id;
    uint8_t kind;
    uint8_t conn;
} casus_elem;

typedef struct casus_root {
    uint32_t phrase; /* first element in dict->elems */
    uint16_t nelem;
    uint8_t wtype;
    uint32_t code;     /* actor: actor-code index; agent: code id; verb/attrib: event-code index;
                          time: time-code index */
    uint32_t owner;    /* root whose pattern list this root uses (itself, or the main verb of a form) */
    uint32_t parent;   /* actors: first name of its synonym group */
    uint32_t next_same_literal; /* start list: next root with the same first literal, 0 ends */
    uint32_t pat_first, pat_count; /* patterns, longest first (valid after casus_dict_finish) */
    uint32_t file, line;
    uint32_t text; /* the phrase as written, in dict->texts */
} casus_root;

typedef struct casus_pattern {
    uint32_t phrase;
    uint16_t nelem;
    uint16_t length; /* characters, with the longest alternative */
    uint16_t maxalt; /* characters of the longest alternatives */
    uint32_t code;   /* event-code index (or time-code index for <TIME> patterns) */
    uint32_t owner;  /* root */
    uint32_t order;  /* input order, for a stable sort */
    uint32_t req_first, req_count; /* literals every match needs (outside alternatives), in dict->required */
    uint32_t text; /* the pattern as written, in dict->texts */
    uint32_t file, line;
} casus_pattern;

/* A date restriction on a list of actor codes. */
enum { CASUS_DATE_ANY, CASUS_DATE_BEFORE, CASUS_DATE_AFTER, CASUS_DATE_BETWEEN };

typedef struct casus_dated_codes {
    uint8_t kind;
    int32_t from, to;            /* day numbers */
    uint32_t first_pair, npairs; /* into dict->pairs: a coded compound has several */
} casus_dated_codes;

typedef struct casus_code_pair {
    uint32_t actor, agent; /* code ids; agent 0 if none */
} casus_code_pair;

typedef struct casus_actor_code {
    uint32_t first_dated, ndated; /* into dict->dated; the undated default, if any, is last */
} casus_actor_code;

/* An event code: the code, an optional paired code, and their precedence. */
enum { CASUS_PREC_SUBORDINATE = 1, CASUS_PREC_DOMINANT = 2 };

typedef struct casus_event_code {
    uint32_t code, pair;
    uint8_t code_prec, pair_prec;
} casus_event_code;

/* <TIME> codes: a shift in days, or a special code. */
typedef struct casus_time_code {
    int32_t days;
    uint32_t special; /* CASUS_CODE_NULL/DISCARD/COMPLEX or 0 */
} casus_time_code;

/* Built-in words that the parse needs by identity. */
typedef struct casus_builtin_roots {
    uint32_t former, default_actor;
    uint32_t elite; /* the agent code "~ELI": FORMER <agent> */
    uint32_t lit_and, lit_nor, lit_in;
    /* HE HIM SHE HER IT, then THEM THEIR THEY: consecutive roots */
    uint32_t pronoun_singular_first, pronoun_singular_last, pronoun_plural_last;
} casus_builtin_roots;

struct casus_dict {
    casus_lexicon lex;
    casus_codes codes;

    casus_elem *elems;
    size_t nelems, elems_cap;
    casus_root *roots; /* roots[0] is unused: 0 means "no root" */
    size_t nroots, roots_cap;
    casus_pattern *patterns;
    size_t npatterns, patterns_cap;
    uint32_t *root_of_literal; /* per lexicon node: first root of its start list (0: none) */
    size_t root_of_literal_cap;
    uint32_t *last_of_literal; /* per lexicon node: last root, to append in input order */
    size_t last_of_literal_cap;

    /* Start lists compacted by casus_dict_finish: for literal l, start[start_at[l] .. start_at[l+1])
       are the roots (synsets excluded) whose phrase begins with l, in input order, each with its
       second literal (0 if none) so that roots which cannot match are passed over cheaply. */
    uint32_t *start_at;
    struct casus_start { uint32_t root, second; } *start;
    uint32_t *required;
    size_t nrequired, required_cap;
    casus_actor_code *actor_codes;
    size_t nactor_codes, actor_codes_cap;
    casus_dated_codes *dated;
    size_t ndated, dated_cap;
    casus_code_pair *pairs;
    size_t npairs, pairs_cap;
    casus_event_code *event_codes;
    size_t nevent_codes, event_codes_cap;
    casus_time_code *time_codes;
    size_t ntime_codes, time_codes_cap;

    /* Root phrases already seen, to report duplicates: open addressing over root indices. */
    uint32_t *seen;
    size_t seen_cap, seen_count;

    char *texts; /* phrases as written, NUL-separated; offset 0 is "" */
    size_t texts_len, texts_cap;
    char **files; /* names of the files read, for diagnostics and explanations */
    size_t nfiles, files_cap;
    char **diags;
    size_t ndiags, diags_cap;

    casus_options options; /* defaults for new coders, from .options files */
    /* The options lines that list verb roots (SPEECH:, STATIVE:, INTRANSITIVE:), for the lint. */
    struct casus_root_list { uint32_t file, line, text; } *root_lists;
    size_t nroot_lists, root_lists_cap;
    casus_builtin_roots builtin;
    int has_time, has_attrib;
    int finished;
    casus_dict_stats stats;
};

/* Records "file:line: reason" (printf-style) on the dictionary.  Returns CASUS_ENOMEM or CASUS_OK. */
casus_status casus_dict_diag_add(casus_dict *dict, const char *file, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Keeps a phrase as written; returns its offset in dict->texts (0, the empty text, on no memory). */
uint32_t casus_dict_text_add(casus_dict *dict, const char *text);
static inline const char *casus_dict_text(const casus_dict *dict, uint32_t offset) { return dict->texts + offset; }

/* Registers a file name; returns its index in dict->files, or UINT32_MAX on no memory. */
uint32_t casus_dict_file_add(casus_dict *dict, const char *name);

/* Parses a phrase in TABARI syntax ("- + WAS * BY $", "KIRITH_UNGOL", "{ A | B }_C") into
 * elements appended to dict->elems.  Returns 0 and sets *first, *n; or a static reason string on a
 * syntax error (nothing appended), or "out of memory". */
const char *casus_phrase_parse(casus_dict *dict, const char *text, uint32_t *first, uint16_t *n);

/* Appends a root of the given type.  Returns the root index, 0 on no memory.  A phrase already
 * present as a root is reported by casus_dict_root_seen. */
uint32_t casus_dict_root_add(casus_dict *dict, uint32_t phrase, uint16_t nelem, casus_wtype type,
                             uint32_t code, uint32_t file, uint32_t line);
/* Is a root with the same elements already present? */
int casus_dict_root_seen(const casus_dict *dict, uint32_t phrase, uint16_t nelem);

uint32_t casus_dict_pattern_add(casus_dict *dict, uint32_t owner, uint32_t phrase, uint16_t nelem,
                                uint16_t length, uint16_t maxalt, uint32_t code, uint32_t file,
                                uint32_t line);

/* Code parsers.  Each returns 0 and the new index in *out, or a static reason string. */
const char *casus_actor_code_parse(casus_dict *dict, const char *text, int four_digit_years, uint32_t *out);
const char *casus_event_code_parse(casus_dict *dict, const char *text, uint32_t *out);
const char *casus_time_code_parse(casus_dict *dict, const char *text, uint32_t *out);

/* Resolves an actor code for a date: the first pair and how many pairs (a coded compound).
 * Returns the number of pairs (0 when no restriction holds: a null actor). */
size_t casus_actor_code_resolve(const casus_dict *dict, uint32_t actor_code, int32_t day,
                                const casus_code_pair **pairs);

/* Day numbers: days since 1 January 1900 (any fixed origin works; only differences matter). */
int32_t casus_day_from_ymd(int year, int month, int day);
void casus_ymd_from_day(int32_t dayno, int *year, int *month, int *day);
/* Parses YYMMDD (pivot: 00-30 is 2000-2030) or YYYYMMDD; -1 on a bad date. */
int32_t casus_day_parse(const char *digits, size_t len);

#endif
