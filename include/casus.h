/* casus.h — the public API of casus, a political event coder: news text in, CAMEO events out.
 *
 * Two handles do the work.  A casus_dict holds compiled dictionaries (actors, agents, verb
 * patterns) and default options; it is read-only once loading is done and may be shared by many
 * coders.  A casus_coder holds the per-text scratch and the options in force; it codes one text at
 * a time and keeps the events of the last text until the next call.
 *
 * Errors: every function that can fail returns a casus_status.  Problems found in dictionary or
 * option files are kept on the handle as "file:line: reason" diagnostics; the library never
 * prints, never exits and never asks a question. */
#ifndef CASUS_H
#define CASUS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CASUS_VERSION "0.1.0"

typedef enum casus_status {
    CASUS_OK = 0,
    CASUS_ENOMEM,  /* memory ran out; the handle is unchanged */
    CASUS_EIO,     /* a file could not be opened or read */
    CASUS_EFORMAT, /* the input is not in the expected format (see the diagnostics) */
    CASUS_EINVAL,  /* an argument is out of range */
} casus_status;

/* A static string naming the status. */
const char *casus_status_str(casus_status status);

/* ---- dictionaries ------------------------------------------------------------------------ */

typedef struct casus_dict casus_dict;

typedef enum casus_dict_kind {
    CASUS_DICT_ACTORS,
    CASUS_DICT_AGENTS,
    CASUS_DICT_VERBS,
    CASUS_DICT_OPTIONS,
    CASUS_DICT_DISCARDS,
} casus_dict_kind;

/* A new, empty dictionary set, or NULL when memory runs out.  Free it with casus_dict_free. */
casus_dict *casus_dict_new(void);
void casus_dict_free(casus_dict *dict); /* accepts NULL */

/* Reads one TABARI-format file of the given kind into dict.  Bad lines are skipped and recorded
 * as diagnostics; the return is CASUS_OK unless the file cannot be read (CASUS_EIO) or memory runs
 * out.  Call casus_dict_finish once after the last file and before coding. */
casus_status casus_dict_load(casus_dict *dict, casus_dict_kind kind, const char *path);

/* The same, reading an in-memory buffer; name is used in diagnostics. */
casus_status casus_dict_load_buffer(casus_dict *dict, casus_dict_kind kind, const char *name,
                                    const char *text, size_t len);

/* Compiles the loaded entries into the form the coder matches against. */
casus_status casus_dict_finish(casus_dict *dict);

/* Diagnostics gathered while loading: "file:line: reason".  Strings are owned by dict. */
size_t casus_dict_diag_count(const casus_dict *dict);
const char *casus_dict_diag(const casus_dict *dict, size_t index);

/* Entry counts, for summaries. */
typedef struct casus_dict_stats {
    size_t actors, agents, verbs, patterns, nouns, adjectives, synsets, discards;
} casus_dict_stats;
void casus_dict_get_stats(const casus_dict *dict, casus_dict_stats *stats);

/* ---- projects ---------------------------------------------------------------------------- */

/* A TABARI .project file: the dictionary and text files it names, resolved against the
 * project's own directory. */
typedef struct casus_project casus_project;

typedef enum casus_project_file {
    CASUS_PROJECT_ACTORS,
    CASUS_PROJECT_AGENTS,
    CASUS_PROJECT_VERBS,
    CASUS_PROJECT_OPTIONS,
    CASUS_PROJECT_TEXT,
    CASUS_PROJECT_FILE_KINDS
} casus_project_file;

/* Reads a project file; *out is owned by the caller (casus_project_free).  On CASUS_EIO or
 * CASUS_EFORMAT, *out is NULL and err (of size errlen, may be NULL) holds "file:line: reason". */
casus_status casus_project_read(const char *path, casus_project **out, char *err, size_t errlen);
void casus_project_free(casus_project *project); /* accepts NULL */
size_t casus_project_count(const casus_project *project, casus_project_file kind);
const char *casus_project_path(const casus_project *project, casus_project_file kind, size_t index);

/* Loads every dictionary and options file the project names into dict (without finishing it). */
casus_status casus_dict_load_project(casus_dict *dict, const casus_project *project);

/* ---- coding ------------------------------------------------------------------------------ */

typedef struct casus_coder casus_coder;

/* A coder over dict, which must be finished and must outlive the coder.  NULL on no memory. */
casus_coder *casus_coder_new(const casus_dict *dict);
void casus_coder_free(casus_coder *coder); /* accepts NULL */

/* Applies one options line ("COMPLEX: VERBS[5]", "SET: TIME SHIFT = FALSE", ...) to this coder
 * only.  CASUS_EFORMAT if the line is not understood; the coder is then unchanged. */
casus_status casus_coder_set_option(casus_coder *coder, const char *line);

/* A byte range in the coded text; start == end when the part is absent. */
typedef struct casus_span {
    size_t start, end;
} casus_span;

enum {
    CASUS_EVENT_PAIRED = 1u << 0, /* the second event of a paired code */
};

typedef struct casus_event {
    const char *source;   /* actor code, "" when none */
    const char *target;   /* actor code, "" when none */
    const char *code;     /* event code */
    const char *label;    /* label from the options, or "" */
    casus_span source_span, target_span, verb_span;
    int date;             /* YYYYMMDD of the event (the text date, shifted by <TIME> phrases) */
    unsigned flags;
} casus_event;

/* Flags on a whole coded text. */
enum {
    CASUS_TEXT_DISCARD = 1u << 0, /* a discard phrase or code matched: no events */
    CASUS_TEXT_COMPLEX = 1u << 1, /* judged too complex to code: no events */
    CASUS_TEXT_NOEVENT = 1u << 2, /* nothing codable was found */
    CASUS_TEXT_SKIPPED = 1u << 3, /* too short or filtered out by the options */
};

/* Codes one sentence (or a TABARI record's text) dated date (YYYYMMDD).  Events are kept on the
 * coder until the next call; their strings are owned by the coder or the dictionary. */
casus_status casus_coder_code(casus_coder *coder, const char *text, size_t len, int date);
size_t casus_coder_event_count(const casus_coder *coder);
const casus_event *casus_coder_event(const casus_coder *coder, size_t index);
unsigned casus_coder_text_flags(const casus_coder *coder);

/* Starts a new article: pronouns no longer refer to actors of earlier sentences.  Sentences
 * coded one after another without a reset are one article: a pronoun that opens a sentence
 * may refer to the first actor of the sentence before. */
void casus_coder_reset(casus_coder *coder);

/* Before coding a TABARI record: keeps the previous record's actors for its pronouns only when
 * the FORWARD option is set and the id says this record is the next sentence of the same story;
 * otherwise resets. */
void casus_coder_begin_record(casus_coder *coder, const char *id);

/* Does the coder read dates as YYYYMMDD (SET: YYYY = TRUE) rather than YYMMDD? */
int casus_coder_four_digit_years(const casus_coder *coder);

/* Splits news text into sentences.  *spans is malloc'ed (release it with free()), *count its
 * length; an empty text has no sentences.  CASUS_ENOMEM when memory runs out. */
casus_status casus_split_sentences(const char *text, size_t len, casus_span **spans, size_t *count);

/* ---- input ------------------------------------------------------------------------------- */

typedef enum casus_input_format {
    CASUS_IN_TEXT,   /* plain text: the whole input is one document */
    CASUS_IN_JSONL,  /* one JSON object a line: {"id", "date": "YYYY-MM-DD", "text"} */
    CASUS_IN_TABARI, /* TABARI records: a "YYMMDD ID" line, text lines, a blank line */
} casus_input_format;

typedef struct casus_reader casus_reader;

/* One document.  Strings are owned by the reader and valid until the next call. */
typedef struct casus_record {
    const char *id;
    const char *text;
    size_t len;
    int date;    /* YYYYMMDD; 0 when the input gave none */
    size_t line; /* line of the input where the record starts */
} casus_record;

/* A reader over data[0..len), which it copies; name is used in messages.  NULL on no memory. */
casus_reader *casus_reader_new(casus_input_format format, const char *name, const char *data, size_t len);
void casus_reader_free(casus_reader *reader); /* accepts NULL */
/* TABARI records: read 8-digit dates (YYYYMMDD) instead of 6. */
void casus_reader_set_four_digit_years(casus_reader *reader, int on);
/* The next record: 1 and *record filled; 0 at the end; -1 for a bad record, which is skipped
 * (err holds "name:line: reason"; call again for the next one). */
int casus_reader_next(casus_reader *reader, casus_record *record, char *err, size_t errlen);

/* ---- syntax: tokens, tags, lemmas and dependencies ----------------------------------------
 *
 * A casus_syntax holds a trained model (tagger, lemmatizer, dependency parser), read from a
 * model file; it is read-only once loaded and may be shared by many threads.  Each parse call
 * returns a new casus_syntax_doc that owns everything it points to. */

typedef struct casus_syntax casus_syntax;
typedef struct casus_syntax_doc casus_syntax_doc;

/* Reads a model file (models/en_ewt.casus in the source tree).  On success *out is owned by
 * the caller (casus_syntax_free).  On failure *out is NULL and err (of size errlen, may be NULL)
 * says why: CASUS_EIO when the file cannot be read, CASUS_EFORMAT when it is not a casus model,
 * is truncated or damaged, or has another format version; CASUS_ENOMEM. */
casus_status casus_syntax_load(const char *path, casus_syntax **out, char *err, size_t errlen);
void casus_syntax_free(casus_syntax *syntax); /* accepts NULL */

typedef struct casus_syntax_token {
    const char *form;   /* the token as it appears in the text */
    const char *lemma;
    const char *upos;   /* universal part of speech, e.g. "NOUN" */
    const char *xpos;   /* Penn Treebank tag, e.g. "NNS" */
    const char *deprel; /* universal dependency relation, e.g. "nsubj" */
    int head;           /* 0 for the root, else the 1-based index of the head in its sentence */
    size_t start, end;  /* byte offsets into the text (for pre-tokenized input: into the forms
                           joined by single spaces) */
} casus_syntax_token;

typedef struct casus_syntax_sentence {
    size_t start, end;   /* byte span of the sentence in the text */
    size_t first, count; /* its tokens are casus_syntax_doc_token(doc, first + 0 .. count - 1) */
} casus_syntax_sentence;

/* Splits text[0..len) (UTF-8) into sentences and tokens, then tags, lemmatises and parses it. */
casus_status casus_syntax_parse_text(const casus_syntax *syntax, const char *text, size_t len,
                                     casus_syntax_doc **out);

/* Tags, lemmatises and parses one sentence given as n tokens (NUL-terminated forms), keeping
 * that tokenization.  n may be 0 (an empty document). */
casus_status casus_syntax_parse_tokens(const casus_syntax *syntax, const char *const *forms,
                                       size_t n, casus_syntax_doc **out);

void casus_syntax_doc_free(casus_syntax_doc *doc); /* accepts NULL */
size_t casus_syntax_doc_sentence_count(const casus_syntax_doc *doc);
const casus_syntax_sentence *casus_syntax_doc_sentence(const casus_syntax_doc *doc, size_t index);
size_t casus_syntax_doc_token_count(const casus_syntax_doc *doc);
const casus_syntax_token *casus_syntax_doc_token(const casus_syntax_doc *doc, size_t index);

/* The document as CoNLL-U (one "# text =" line and one line per token for each sentence, a
 * blank line after each).  *out is a NUL-terminated malloc'ed string owned by the caller, *len
 * its length. */
casus_status casus_syntax_doc_conllu(const casus_syntax_doc *doc, char **out, size_t *len);


/* ---- enrichment: event date, casualties and place of one sentence --------------------------
 *
 * casus_enrich_sentence reads one sentence and fills a plain struct that owns all its data (no
 * pointers into the library or the text).  Places are looked up in a casus_gazetteer: the
 * city table of libgeonames (cities of 15,000 people or more) together with casus's own tables
 * of countries and regions.  A gazetteer is read-only once opened and may be shared by threads. */

typedef struct casus_gazetteer casus_gazetteer;

/* Opens the gazetteer; *out is owned by the caller (casus_gazetteer_free).  CASUS_ENOMEM. */
casus_status casus_gazetteer_open(casus_gazetteer **out);
void casus_gazetteer_free(casus_gazetteer *gaz); /* accepts NULL */
/* How many names (cities, countries, regions) the gazetteer holds. */
size_t casus_gazetteer_size(const casus_gazetteer *gaz);

/* How a casualty count is qualified.  DOZENS, HUNDREDS and THOUSANDS have no number;
 * "nearly", "almost" and "close to" give ALMOST; "about", "around", "some", "roughly",
 * "approximately", "an estimated" and "a dozen" give ABOUT; "more than", "over" give MORE_THAN;
 * "up to", "at most", "less than", "fewer than" give UP_TO; "scores" gives DOZENS. */
typedef enum casus_qual {
    CASUS_QUAL_EXACT,
    CASUS_QUAL_AT_LEAST,
    CASUS_QUAL_ABOUT,
    CASUS_QUAL_ALMOST,
    CASUS_QUAL_MORE_THAN,
    CASUS_QUAL_UP_TO,
    CASUS_QUAL_DOZENS,
    CASUS_QUAL_HUNDREDS,
    CASUS_QUAL_THOUSANDS,
} casus_qual;

/* "exact", "at_least", ... as in the event record. */
const char *casus_qual_str(casus_qual qual);

typedef enum casus_casualty_kind {
    CASUS_KILLED,
    CASUS_INJURED,
    CASUS_MISSING,
    CASUS_ARRESTED,
    CASUS_CASUALTY_KINDS
} casus_casualty_kind;

/* "killed", "injured", "missing", "arrested". */
const char *casus_casualty_kind_str(casus_casualty_kind kind);

typedef struct casus_count {
    int found;       /* the sentence reports this count */
    int has_n;       /* n is meaningful (false for dozens, hundreds, thousands) */
    long n;
    casus_qual qual;
    casus_span span; /* the number words with their qualifier ("at least 84", "scores") */
} casus_count;

typedef struct casus_place {
    int found;
    char name[96];   /* gazetteer name: "Kerman", "Saint Petersburg", "Gaza Strip", "Iran" */
    char country[4]; /* ISO 3166 alpha-3 */
    double lat, lon;
    casus_span span; /* the words in the text that named it */
} casus_place;

typedef struct casus_enrichment {
    int date;            /* YYYYMMDD when the event happened; the article date when no phrase says */
    int has_date_span;   /* a date phrase was found (date_span is then meaningful) */
    casus_span date_span;
    casus_count counts[CASUS_CASUALTY_KINDS];
    casus_place place;
} casus_enrichment;

/* Analyses text[0..len), one sentence dated article_date (YYYYMMDD, 0 if unknown), into *out.
 * gaz may be NULL (countries and regions are still found, cities not).  country_hints are ISO
 * alpha-3 codes (of the actors, of the article) used to choose between places of the same name;
 * nhints may be 0.  CASUS_EINVAL when text or out is NULL; otherwise CASUS_OK. */
casus_status casus_enrich_sentence(const casus_gazetteer *gaz, const char *text, size_t len,
                                   int article_date, const char *const *country_hints,
                                   size_t nhints, casus_enrichment *out);

#ifdef __cplusplus
}
#endif
#endif
