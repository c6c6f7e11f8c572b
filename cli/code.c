/* code.c — 'casus code': reads articles, writes events through the library's writers (JSONL, CSV,
 * Phoenix TSV, TABARI lines, the SQLite store). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

typedef struct code_args {
    cli_dicts dicts;
    casus_input_format in;
    int in_set;
    casus_output_format format;
    const char *db;   /* --db: the SQLite store */
    unsigned out_flags; /* CASUS_OUT_ONE_A_DAY, CASUS_OUT_REQUIRE_DYAD */
    int date; /* YYYYMMDD for inputs without dates */
    const char *out;
    int strict;
    int syntax; /* 1: --syntax, 0: --no-syntax, -1: by the dictionaries */
    const char *model;
    const char **inputs;
    size_t ninputs;
} code_args;

static void usage(FILE *f)
{
    fprintf(f,
            "usage: casus code [--project FILE | --actors F --verbs F --agents F --options F --discards F]\n"
            "                  [--in text|jsonl|tabari] [--format jsonl|csv|phoenix|tabari] [--date YYYY-MM-DD]\n"
            "                  [-o FILE] [--db FILE.sqlite] [--one-a-day] [--require-dyad] [--strict] [FILE...|-]\n"
            "Codes news text into events.  Dictionary options may repeat; without any, the dictionaries\n"
            "named by $CASUS_PROJECT, else casus's own default project, are used.  Input defaults to\n"
            "standard input; the format is guessed from the file name (.jsonl, .txt) unless --in says.\n"
            "  --format jsonl   one JSON event a line (default); csv: a header and one row an event;\n"
            "                   phoenix: Phoenix-dataset columns (TSV); tabari: date, source, target, code, label\n"
            "  --db FILE        store documents, sentences and events in the SQLite database FILE (a document\n"
            "                   coded again replaces its events); events then go to -o FILE only\n"
            "  --one-a-day      one event per (date, source, target, code), listing every mention\n"
            "  --require-dyad   drop events without a source or a target\n"
            "  --date           the date of texts that carry none (default: today)\n"
            "  -o FILE          write to FILE (through a temporary file, renamed when complete)\n"
            "  --strict         exit with status 2 on any dictionary or input problem\n"
            "  --syntax         read with casus's tagger and parser: a dictionary verb that modifies a noun\n"
            "                   (\"the car bomb explosion\", \"armed tribesmen\") does not fire; the default\n"
            "                   with the built-in dictionaries (headlines in title case excepted)\n"
            "  --no-syntax      code with the dictionaries alone, as TABARI does; the default with\n"
            "                   --project or dictionary files\n"
            "  --model FILE     the syntax model (default: $CASUS_MODELS or casus's models/)\n");
}

static int parse_date_arg(const char *s, int *out)
{
    int y, m, d;
    char extra;
    if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || m < 1 || m > 12 || d < 1 || d > 31) return -1;
    *out = y * 10000 + m * 100 + d;
    return 0;
}

static int parse_args(int argc, char **argv, code_args *a)
{
    memset(a, 0, sizeof *a);
    a->syntax = -1;
    a->inputs = (const char **)calloc((size_t)argc + 1, sizeof *a->inputs);
    if (!a->inputs) return -1;
    for (int i = 1; i < argc; i++) {
        int dict_opt = cli_dict_option(&a->dicts, argc, argv, &i);
        if (dict_opt < 0) return -1;
        if (dict_opt > 0) continue;
        const char *arg = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            usage(stdout);
            exit(0);
        } else if (!strcmp(arg, "--in")) {
            if (!val) goto missing;
            if (!strcmp(val, "text")) a->in = CASUS_IN_TEXT;
            else if (!strcmp(val, "jsonl")) a->in = CASUS_IN_JSONL;
            else if (!strcmp(val, "tabari")) a->in = CASUS_IN_TABARI;
            else {
                fprintf(stderr, "casus code: --in takes text, jsonl or tabari, not '%s'\n", val);
                return -1;
            }
            a->in_set = 1;
            i++;
        } else if (!strcmp(arg, "--format")) {
            if (!val) goto missing;
            if (casus_output_format_parse(val, &a->format) || a->format == CASUS_OUT_SQLITE) {
                fprintf(stderr, "casus code: --format takes jsonl, csv, phoenix or tabari, not '%s'\n", val);
                return -1;
            }
            i++;
        } else if (!strcmp(arg, "--db")) {
            if (!val) goto missing;
            a->db = val;
            i++;
        } else if (!strcmp(arg, "--one-a-day")) {
            a->out_flags |= CASUS_OUT_ONE_A_DAY;
        } else if (!strcmp(arg, "--require-dyad")) {
            a->out_flags |= CASUS_OUT_REQUIRE_DYAD;
        } else if (!strcmp(arg, "--date")) {
            if (!val || parse_date_arg(val, &a->date)) {
                fprintf(stderr, "casus code: --date takes YYYY-MM-DD\n");
                return -1;
            }
            i++;
        } else if (!strcmp(arg, "-o") || !strcmp(arg, "--output")) {
            if (!val) goto missing;
            a->out = val;
            i++;
        } else if (!strcmp(arg, "--strict")) {
            a->strict = 1;
        } else if (!strcmp(arg, "--syntax")) {
            a->syntax = 1;
        } else if (!strcmp(arg, "--no-syntax")) {
            a->syntax = 0;
        } else if (!strcmp(arg, "--model")) {
            if (!val) goto missing;
            a->model = val;
            i++;
        } else if (arg[0] == '-' && arg[1]) {
            fprintf(stderr, "casus code: unknown option %s\n", arg);
            usage(stderr);
            return -1;
        } else {
            a->inputs[a->ninputs++] = arg;
        }
        continue;
    missing:
        fprintf(stderr, "casus code: %s needs a value\n", arg);
        return -1;
    }
    if (a->ninputs == 0) a->inputs[a->ninputs++] = "-";
    if (!a->date) {
        time_t now = time(NULL);
        struct tm tmv;
        gmtime_r(&now, &tmv);
        a->date = (tmv.tm_year + 1900) * 10000 + (tmv.tm_mon + 1) * 100 + tmv.tm_mday;
    }
    return 0;
}

static casus_input_format guess_format(const char *path)
{
    size_t n = strlen(path);
    if (n > 6 && !strcmp(path + n - 6, ".jsonl")) return CASUS_IN_JSONL;
    if (n > 5 && !strcmp(path + n - 5, ".json")) return CASUS_IN_JSONL;
    return CASUS_IN_TEXT;
}

/* ---- output ---- */

/* The writers of one run: the event stream (stdout or -o FILE) and the store (--db). */
typedef struct outputs {
    casus_writer *w[2];
    size_t n;
} outputs;

static int outputs_open(outputs *o, const code_args *a)
{
    char err[1024];
    casus_status st = CASUS_OK;
    memset(o, 0, sizeof *o);
    if (a->db) {
        st = casus_writer_open(CASUS_OUT_SQLITE, a->db, a->out_flags, &o->w[o->n], err, sizeof err);
        if (st == CASUS_OK) o->n++;
    }
    if (st == CASUS_OK && a->out && strcmp(a->out, "-")) {
        st = casus_writer_open(a->format, a->out, a->out_flags, &o->w[o->n], err, sizeof err);
        if (st == CASUS_OK) o->n++;
    } else if (st == CASUS_OK && (!a->db || a->out)) {
        st = casus_writer_new_stream(a->format, stdout, a->out_flags, &o->w[o->n]);
        snprintf(err, sizeof err, "cannot write to standard output");
        if (st == CASUS_OK) o->n++;
    }
    if (st == CASUS_OK) return 0;
    fprintf(stderr, "casus code: %s\n", st == CASUS_ENOMEM ? "out of memory" : err);
    for (size_t i = 0; i < o->n; i++) casus_writer_close(o->w[i], 0, NULL, 0);
    o->n = 0;
    return -1;
}

/* Reports the first failure of any writer; returns -1 then. */
static int outputs_status(const outputs *o, casus_status st, size_t i)
{
    if (st == CASUS_OK) return 0;
    const char *why = casus_writer_error(o->w[i]);
    fprintf(stderr, "casus code: %s\n", st == CASUS_ENOMEM ? "out of memory" : *why ? why : casus_status_str(st));
    return -1;
}

static int outputs_begin(outputs *o, const casus_record *rec, int date)
{
    for (size_t i = 0; i < o->n; i++)
        if (outputs_status(o, casus_writer_begin(o->w[i], rec, date), i)) return -1;
    return 0;
}

static int outputs_sentence(outputs *o, size_t index, casus_span span)
{
    for (size_t i = 0; i < o->n; i++)
        if (outputs_status(o, casus_writer_sentence(o->w[i], index, span), i)) return -1;
    return 0;
}

static int outputs_enrichment(outputs *o, const casus_enrichment *en)
{
    for (size_t i = 0; i < o->n; i++)
        if (outputs_status(o, casus_writer_enrichment(o->w[i], en), i)) return -1;
    return 0;
}

/* Date, place and casualties of a sentence that has events; the actors' countries are hints
   for places of the same name.  0 when none could be found (no memory). */
static int enrich(const casus_gazetteer *gaz, const casus_coder *coder, const char *sent, size_t len, int date,
                  casus_enrichment *en)
{
    char roots[16][4];
    const char *hints[16];
    size_t nh = 0;
    for (size_t e = 0; e < casus_coder_event_count(coder) && nh + 2 <= 16; e++) {
        const casus_event *ev = casus_coder_event(coder, e);
        const char *codes[2] = {ev->source, ev->target};
        for (int k = 0; k < 2; k++)
            if (casus_actor_root(codes[k], roots[nh]) == 3) {
                hints[nh] = roots[nh];
                nh++;
            }
    }
    return casus_enrich_sentence(gaz, sent, len, date, hints, nh, en) == CASUS_OK;
}

static int outputs_event(outputs *o, const casus_event *e)
{
    for (size_t i = 0; i < o->n; i++)
        if (outputs_status(o, casus_writer_event(o->w[i], e), i)) return -1;
    return 0;
}

static int outputs_end(outputs *o)
{
    for (size_t i = 0; i < o->n; i++)
        if (outputs_status(o, casus_writer_end(o->w[i]), i)) return -1;
    return 0;
}

/* Completes every output (ok) or discards what is not complete; -1 when one fails. */
static int outputs_close(outputs *o, int ok)
{
    int rc = 0;
    for (size_t i = 0; i < o->n; i++) {
        char err[1024];
        casus_status st = casus_writer_close(o->w[i], ok, err, sizeof err);
        if (st != CASUS_OK) {
            if (ok) fprintf(stderr, "casus code: %s\n", *err ? err : casus_status_str(st));
            rc = -1;
        }
    }
    if (!ok) rc = -1;
    return rc;
}

int cli_code(int argc, char **argv)
{
    code_args a;
    if (parse_args(argc, argv, &a)) {
        free((void *)a.inputs);
        return 2;
    }
    size_t problems = 0;
    casus_dict *dict = cli_load_dicts(&a.dicts, 1, &problems);
    if (!dict || (a.strict && problems)) {
        casus_dict_free(dict);
        free((void *)a.inputs);
        return 2;
    }
    casus_coder *coder = casus_coder_new(dict);
    casus_syntax *syntax = NULL;
    if (coder && cli_load_syntax("code", &a.dicts, a.syntax, a.model, &syntax)) {
        casus_coder_free(coder);
        casus_dict_free(dict);
        free((void *)a.inputs);
        return 2;
    }
    if (coder) casus_coder_set_syntax(coder, syntax);
    /* TABARI's lines have no date, place or casualty fields: those need no enrichment */
    int want_enrich = a.format != CASUS_OUT_TABARI || a.db;
    casus_gazetteer *gaz = NULL;
    if (coder && want_enrich && casus_gazetteer_open(&gaz) != CASUS_OK) fprintf(stderr, "casus code: no gazetteer: places are not resolved\n");
    outputs out;
    if (!coder || outputs_open(&out, &a)) {
        casus_gazetteer_free(gaz);
        casus_coder_free(coder);
        casus_syntax_free(syntax);
        casus_dict_free(dict);
        free((void *)a.inputs);
        return 2;
    }
    size_t bad = 0, records = 0, sentences = 0, events = 0;
    int fatal = 0, write_failed = 0;
    for (size_t i = 0; i < a.ninputs && !fatal; i++) {
        const char *path = a.inputs[i];
        size_t len;
        char *data = cli_read_file(path, &len);
        if (!data) {
            bad++;
            continue;
        }
        casus_input_format fmt = a.in_set ? a.in : guess_format(path);
        const char *name = strcmp(path, "-") ? path : "<stdin>";
        casus_reader *reader = casus_reader_new(fmt, name, data, len);
        free(data);
        if (!reader) {
            fatal = 1;
            break;
        }
        casus_record rec;
        char err[1024];
        int got;
        while (!fatal) {
            casus_reader_set_four_digit_years(reader, casus_coder_four_digit_years(coder));
            if ((got = casus_reader_next(reader, &rec, err, sizeof err)) == 0) break;
            if (got < 0) {
                fprintf(stderr, "casus code: %s\n", err);
                bad++;
                continue;
            }
            records++;
            int date = rec.date ? rec.date : a.date;
            casus_span whole = {0, rec.len};
            casus_span *spans = &whole;
            size_t nspans = 1;
            if (fmt == CASUS_IN_TABARI) {
                casus_coder_begin_record(coder, rec.id); /* a TABARI record is coded whole */
            } else {
                casus_coder_reset(coder);
                size_t skip = casus_dateline_length(rec.text, rec.len);
                if (casus_split_sentences(rec.text + skip, rec.len - skip, &spans, &nspans) != CASUS_OK) {
                    fatal = 1;
                    break;
                }
                for (size_t k = 0; k < nspans; k++) {
                    spans[k].start += skip;
                    spans[k].end += skip;
                }
            }
            casus_place dateline = {0};
            if (want_enrich && casus_dateline_place(gaz, rec.text, rec.len, &dateline) != CASUS_OK) {
                fatal = 1;
                break;
            }
            if (outputs_begin(&out, &rec, date)) fatal = write_failed = 1;
            for (size_t k = 0; k < nspans && !fatal; k++) {
                const char *sent = rec.text + spans[k].start;
                size_t slen = spans[k].end - spans[k].start;
                casus_status st = casus_coder_code(coder, sent, slen, date);
                sentences++;
                if (st == CASUS_ENOMEM) {
                    fatal = 1;
                    break;
                }
                if (outputs_sentence(&out, k, spans[k])) fatal = write_failed = 1;
                casus_enrichment en;
                int enriched = !fatal && want_enrich && casus_coder_event_count(coder) &&
                               enrich(gaz, coder, sent, slen, date, &en);
                for (size_t e = 0; e < casus_coder_event_count(coder) && !fatal; e++) {
                    const casus_event *ev = casus_coder_event(coder, e);
                    if (enriched) {
                        casus_place place;
                        casus_event_place(&en, &dateline, ev->source, ev->target, ev->code, ev->verb_span, &place);
                        casus_enrichment mine = en;
                        mine.place = place;
                        if (outputs_enrichment(&out, &mine)) fatal = write_failed = 1;
                    }
                    if (!fatal && outputs_event(&out, ev)) fatal = write_failed = 1;
                    events++;
                }
            }
            if (!fatal && outputs_end(&out)) fatal = write_failed = 1;
            if (spans != &whole) free(spans);
        }
        casus_reader_free(reader);
    }
    if (fatal && !write_failed) fprintf(stderr, "casus code: out of memory\n");
    int close_rc = outputs_close(&out, !fatal);
    fprintf(stderr, "casus code: %zu records, %zu sentences, %zu events", records, sentences, events);
    if (bad) fprintf(stderr, ", %zu bad input%s skipped", bad, bad == 1 ? "" : "s");
    fprintf(stderr, "\n");
    casus_coder_free(coder);
    casus_syntax_free(syntax);
    casus_gazetteer_free(gaz);
    casus_dict_free(dict);
    free((void *)a.inputs);
    if (fatal || close_rc) return 2;
    if (a.strict && bad) return 2;
    return bad ? 1 : 0;
}
