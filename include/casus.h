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

/* Checks a finished dictionary for entries that cannot work as written: patterns that never
 * fire (the same pattern earlier), overlapping date restrictions, event codes with no LABEL when
 * the options give labels.  Findings are added to the diagnostics; returns how many. */
size_t casus_dict_lint(casus_dict *dict);

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

/* Why the last text was coded as it was, for people: each word as the parse saw it with its
 * dictionary entry (file:line), clauses, the verb pattern or code that fired, and the events with
 * the words that named them.  *text is malloc'ed; release it with free(). */
casus_status casus_coder_explain(const casus_coder *coder, char **text);

/* Starts a new article: pronouns no longer refer to actors of earlier sentences.  Sentences
 * coded one after another without a reset are one article: a pronoun that opens a sentence
 * may refer to the first actor of the sentence before. */
void casus_coder_reset(casus_coder *coder);

/* Before coding a TABARI record: keeps the previous record's actors for its pronouns only when
 * the FORWARD option is set and the id says this record is the next sentence of the same story;
 * otherwise resets. */
void casus_coder_begin_record(casus_coder *coder, const char *id);

/* Lets the coder use casus's tagger: with a model set, a dictionary verb fires only on a word the
 * tagger calls a verb (so "car bomb" and "the attack" are not read as verbs).  NULL turns it
 * off.  The model must outlive the coder; a model may serve many coders. */
typedef struct casus_syntax casus_syntax;
void casus_coder_set_syntax(casus_coder *coder, const casus_syntax *syntax);

/* The code of the first actor the last text names (on the text's date), copied into code (size
 * cap); "" and 0 when it names none. */
size_t casus_coder_first_actor(const casus_coder *coder, char *code, size_t cap);

/* Does the coder read dates as YYYYMMDD (SET: YYYY = TRUE) rather than YYMMDD? */
int casus_coder_four_digit_years(const casus_coder *coder);

/* Splits news text into sentences.  *spans is malloc'ed (release it with free()), *count its
 * length; an empty text has no sentences.  CASUS_ENOMEM when memory runs out. */
casus_status casus_split_sentences(const char *text, size_t len, casus_span **spans, size_t *count);

/* Bytes of the dateline that opens a wire report ("BAGHDAD, Iraq - ", "AFP - ", "TEHRAN
 * (Reuters) - "), which says where a report was filed, not who acted; 0 when there is none. */
size_t casus_dateline_length(const char *text, size_t len);

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

/* ==== derived fields, output and the event store ====================================
 * (issue 5.)  Everything below is stateless or lives on its own handle. */

#include <stdio.h>

/* ---- derived fields of a CAMEO event code (src/enrich/cameo.c, data/cameo/cameo.tsv) ---- */

typedef struct casus_cameo_info {
    const char *code;           /* the table entry that answered: the code, or the 3-digit parent
                                   or the root's general code ("04" -> "040") it fell back to */
    double goldstein;           /* Goldstein weight, -10 (most conflictual) .. +10 */
    int quad_class;             /* 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
                                   4 material conflict: roots 01-05, 06-08, 09-13, 14-20 */
    const char *plover;         /* PLOVER event type ("CONSULT"), NULL where PLOVER has none */
    const char *plover_mode;    /* PLOVER mode ("visit"), NULL when not clear */
    const char *plover_context; /* PLOVER context(s) ("military;legal"), NULL when not clear */
} casus_cameo_info;

/* Looks up a CAMEO event code of 2 to 4 digits with a root from 01 to 20.  Codes not in the
 * table fall back to their 3-digit parent, then to their root.  CASUS_EINVAL (and *out zeroed)
 * for anything else ("---", "", "210").  Strings are static. */
casus_status casus_cameo_lookup(const char *code, casus_cameo_info *out);
/* QuadClass from the root alone; 0 when code has no root from 01 to 20. */
int casus_cameo_quad_class(const char *code);
/* The CAMEO root of an event code, 1 to 20 ("1823" -> 18), or 0 when code has none. */
int casus_cameo_root(const char *code);
/* The table's codes in order, for listings and tests. */
size_t casus_cameo_table_size(void);
const char *casus_cameo_table_code(size_t index);
/* The root of an actor code, its first three letters ("IRNGOV" -> "IRN"), copied into root
 * (NUL-terminated, shorter when the code is); returns its length. */
size_t casus_actor_root(const char *actor, char root[4]);

/* ---- output: one writer, several formats (src/output/) ----
 *
 * A writer receives documents, their sentences and their events, in that order:
 *   casus_writer_begin(doc) { casus_writer_sentence(i) { casus_writer_event(e) }* }* casus_writer_end
 * and fills the derived fields itself.  File outputs go to a temporary file renamed over the
 * destination by casus_writer_close(w, 1); the SQLite store commits whole documents. */

typedef enum casus_output_format {
    CASUS_OUT_JSONL,   /* the event record, one JSON object a line */
    CASUS_OUT_CSV,     /* header + one row an event, RFC 4180 quoting */
    CASUS_OUT_PHOENIX, /* Phoenix-dataset columns, tab-separated, with a header */
    CASUS_OUT_TABARI,  /* TABARI's "date source target code label" lines */
    CASUS_OUT_SQLITE,  /* the event store (path only) */
} casus_output_format;

enum {
    CASUS_OUT_ONE_A_DAY = 1u << 0,    /* one event per (event date, source, target, code), with
                                         every mention's id and sentence; text formats only */
    CASUS_OUT_REQUIRE_DYAD = 1u << 1, /* drop events with an empty source or target */
};

typedef struct casus_writer casus_writer;

/* Parses "jsonl", "csv", "phoenix", "tabari" or "sqlite"; -1 when unknown. */
int casus_output_format_parse(const char *name, casus_output_format *out);

/* A writer to the file path.  On success *out is owned by the caller (casus_writer_close).
 * On failure *out is NULL and err says why (CASUS_EIO, CASUS_EFORMAT for a file that is not a
 * casus store, CASUS_ENOMEM). */
casus_status casus_writer_open(casus_output_format format, const char *path, unsigned flags,
                               casus_writer **out, char *err, size_t errlen);
/* A writer to an open stream, which stays the caller's (not for CASUS_OUT_SQLITE: EINVAL). */
casus_status casus_writer_new_stream(casus_output_format format, FILE *f, unsigned flags,
                                     casus_writer **out);
/* A document: rec and its strings must stay valid until casus_writer_end; date (YYYYMMDD) is the
 * date in force for it. */
casus_status casus_writer_begin(casus_writer *w, const casus_record *rec, int date);
/* The next sentence of the document: its byte span in rec->text, index 0-based. */
casus_status casus_writer_sentence(casus_writer *w, size_t index, casus_span span);
/* An event of the current sentence; its spans are relative to that sentence. */
casus_status casus_writer_event(casus_writer *w, const casus_event *event);
/* The document is complete. */
casus_status casus_writer_end(casus_writer *w);
/* Finishes and frees w (accepts NULL).  ok: keep the output (write buffered one-a-day events,
 * rename the temporary file); otherwise remove the temporary file.  The store keeps every
 * complete document either way and undoes one left open.  A failure (CASUS_EIO) is described
 * in err. */
casus_status casus_writer_close(casus_writer *w, int ok, char *err, size_t errlen);
/* Why the last call failed, "" if none.  Owned by w. */
const char *casus_writer_error(const casus_writer *w);

/* ---- the event store: queries (src/output/sqlite.c; schema in docs/schema.md) ---- */

typedef enum casus_period {
    CASUS_PERIOD_DAY,   /* "YYYY-MM-DD" */
    CASUS_PERIOD_WEEK,  /* the Monday that starts the week, "YYYY-MM-DD" */
    CASUS_PERIOD_MONTH, /* "YYYY-MM" */
} casus_period;

typedef struct casus_stats_row {
    const char *period;
    long long events;
    double goldstein;     /* sum over the events whose code has a weight */
    long long quad[4];    /* events of QuadClass 1..4 */
} casus_stats_row;

/* Called once a period, in date order; a nonzero return stops the query. */
typedef int (*casus_stats_fn)(const casus_stats_row *row, void *ctx);

/* Counts the events of the store at path per period.  source and target (NULL or "" for any)
 * match actor codes that start with them ("IRN" matches "IRNGOV").  flags may hold
 * CASUS_OUT_ONE_A_DAY to count each (event date, source, target, code) once. */
casus_status casus_store_stats(const char *path, casus_period by, const char *source,
                               const char *target, unsigned flags, casus_stats_fn fn, void *ctx,
                               char *err, size_t errlen);

/* Checks the store at path: SQLite's integrity check, and that every document holds exactly the
 * sentences and events it says it has.  CASUS_OK, or CASUS_EFORMAT with the first problem in err;
 * *documents and *events (may be NULL) receive the totals. */
casus_status casus_store_check(const char *path, long long *documents, long long *events,
                               char *err, size_t errlen);

/* ==== end of derived fields, output and the event store ==================================== */

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
    int incidental;  /* a country named with no word that makes it a place ("Iraqi soldiers",
                        "a US journalist", "Iran said"): who, more than where */
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

/* Where one event happened.  The sentence's place (en->place) when the event happened there: for
 * speech acts (CAMEO roots 01 statements, 02 appeals, 03 intents, 10 demands, 11 disapproval, 12
 * rejections, 13 threats) only a place named
 * before the verb, in the speaker's own country, or any place when the speaker has no country ("Poland said it would reduce its troops in
 * Iraq" was said in Poland); an incidental country ("a US journalist") only when no actor of
 * the event has a country.  Otherwise the place of the report's dateline, else the country of
 * the source, else of the target (a country-level place).  code NULL: no event (the sentence's
 * first actor may stand as source).  en, dateline, source and target may be NULL. */
void casus_event_place(const casus_enrichment *en, const casus_place *dateline, const char *source,
                       const char *target, const char *code, casus_span verb, casus_place *out);

/* The place named by the dateline that opens text ("MANNHEIM, Germany -- "); out->found is 0
 * when there is none.  CASUS_EINVAL, CASUS_ENOMEM or CASUS_OK. */
casus_status casus_dateline_place(const casus_gazetteer *gaz, const char *text, size_t len, casus_place *out);

/* A country-level place for an actor code that begins with an ISO alpha-3 country code
 * ("IRNGOV" -> Iran, at its capital's coordinates).  Returns 0 (out->found 0) otherwise. */
int casus_country_place(const char *actor, casus_place *out);

/* What enrichment found in the writer's current sentence (call after casus_writer_sentence and
 * before its events): event_date and date_text, place and the four counts of the sentence's
 * events come from it.  NULL: none.  en is copied. */
casus_status casus_writer_enrichment(casus_writer *w, const casus_enrichment *en);

#ifdef __cplusplus
}
#endif
#endif
