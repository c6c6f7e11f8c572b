/* code.c — 'casus code': reads articles, writes events (JSONL or TABARI's tab-separated lines). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

typedef struct code_args {
    cli_dicts dicts;
    casus_input_format in;
    int in_set;
    int tabari_out;
    int date; /* YYYYMMDD for inputs without dates */
    const char *out;
    int strict;
    int syntax; /* 1: use the tagger */
    const char *model;
    const char **inputs;
    size_t ninputs;
} code_args;

static void usage(FILE *f)
{
    fprintf(f,
            "usage: casus code [--project FILE | --actors F --verbs F --agents F --options F --discards F]\n"
            "                  [--in text|jsonl|tabari] [--format jsonl|tabari] [--date YYYY-MM-DD]\n"
            "                  [-o FILE] [--strict] [FILE...|-]\n"
            "Codes news text into events.  Dictionary options may repeat; without any, the dictionaries\n"
            "named by $CASUS_PROJECT, else casus's own default project, are used.  Input defaults to\n"
            "standard input; the format is guessed from the file name (.jsonl, .txt) unless --in says.\n"
            "  --format jsonl   one JSON event a line (default); tabari: date, source, target, code, label\n"
            "  --date           the date of texts that carry none (default: today)\n"
            "  -o FILE          write to FILE (through a temporary file, renamed when complete)\n"
            "  --strict         exit with status 2 on any dictionary or input problem\n"
            "  --syntax         verbs fire only where casus's tagger reads a verb (experimental: on the\n"
            "                   dev gold it loses more nominal events than it removes false ones)\n"
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
            if (!strcmp(val, "jsonl")) a->tabari_out = 0;
            else if (!strcmp(val, "tabari")) a->tabari_out = 1;
            else {
                fprintf(stderr, "casus code: --format takes jsonl or tabari, not '%s'\n", val);
                return -1;
            }
            i++;
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

typedef struct sink {
    FILE *f;
    char *tmp;         /* temporary file, renamed to final when complete */
    const char *final;
    int tabari;
    int failed;
} sink;

static int sink_open(sink *s, const char *path, int tabari)
{
    memset(s, 0, sizeof *s);
    s->tabari = tabari;
    if (!path || !strcmp(path, "-")) {
        s->f = stdout;
        return 0;
    }
    size_t n = strlen(path);
    s->tmp = malloc(n + 16);
    if (!s->tmp) return -1;
    snprintf(s->tmp, n + 16, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(s->tmp);
    if (fd < 0 || !(s->f = fdopen(fd, "w"))) {
        fprintf(stderr, "casus code: cannot create %s: %s\n", s->tmp, strerror(errno));
        if (fd >= 0) close(fd);
        free(s->tmp);
        s->tmp = NULL;
        return -1;
    }
    s->final = path;
    return 0;
}

/* Completes the output: renames the temporary file if all went well, else removes it. */
static int sink_close(sink *s, int ok)
{
    int rc = 0;
    if (s->f == stdout) {
        if (fflush(stdout) || ferror(stdout)) rc = -1;
        return rc;
    }
    if (fclose(s->f)) ok = 0;
    if (ok && !s->failed && rename(s->tmp, s->final) == 0) rc = 0;
    else {
        if (ok && !s->failed) fprintf(stderr, "casus code: cannot write %s: %s\n", s->final, strerror(errno));
        unlink(s->tmp);
        rc = -1;
    }
    free(s->tmp);
    return rc;
}

/* JSON output is written directly: this is the hot path (one line an event), and the escaping
   rules of RFC 8259 are short.  Invalid UTF-8 in a text span is replaced by U+FFFD so that every
   line stays valid JSON. */
static void put_string(FILE *f, const char *s, size_t n)
{
    putc('"', f);
    size_t i = 0;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '"' || ch == '\\') {
            putc('\\', f);
            putc(ch, f);
            i++;
        } else if (ch < 0x20) {
            fprintf(f, "\\u%04x", ch);
            i++;
        } else if (ch < 0x80) {
            putc(ch, f);
            i++;
        } else {
            size_t k = ch >= 0xF0 && ch < 0xF5 ? 4 : ch >= 0xE0 ? 3 : ch >= 0xC2 && ch < 0xE0 ? 2 : 0;
            int valid = k && i + k <= n;
            for (size_t j = 1; valid && j < k; j++) valid = ((unsigned char)s[i + j] & 0xC0) == 0x80;
            if (valid && k == 3) {
                unsigned c1 = (unsigned char)s[i + 1];
                valid = !(ch == 0xE0 && c1 < 0xA0) && !(ch == 0xED && c1 >= 0xA0);
            }
            if (valid && k == 4) {
                unsigned c1 = (unsigned char)s[i + 1];
                valid = !(ch == 0xF0 && c1 < 0x90) && !(ch == 0xF4 && c1 >= 0x90);
            }
            if (valid) {
                fwrite(s + i, 1, k, f);
                i += k;
            } else {
                fputs("\xEF\xBF\xBD", f);
                i++;
            }
        }
    }
    putc('"', f);
}

static void put_span(FILE *f, const char *key, const char *text, size_t base, casus_span span)
{
    fprintf(f, ",\"%s\":", key);
    if (span.end <= span.start) {
        fputs("null", f);
        return;
    }
    fputs("{\"text\":", f);
    put_string(f, text + span.start, span.end - span.start);
    fprintf(f, ",\"start\":%zu,\"end\":%zu}", base + span.start, base + span.end);
}

static void put_field(FILE *f, const char *key, const char *value)
{
    fprintf(f, ",\"%s\":", key);
    put_string(f, value, strlen(value));
}

static void write_event(sink *s, const casus_record *rec, int date, size_t sentence, const char *sent_text,
                        size_t base, const casus_event *e)
{
    FILE *f = s->f;
    if (s->tabari) {
        int year = e->date / 10000;
        if (year >= 1931 && year <= 2030) fprintf(f, "%06d", e->date % 1000000);
        else fprintf(f, "%08d", e->date);
        fprintf(f, "\t%s\t%s\t%s\t%s\n", e->source, e->target, e->code, e->label);
    } else {
        fputs("{\"id\":", f);
        put_string(f, rec->id, strlen(rec->id));
        fprintf(f, ",\"sentence\":%zu,\"date\":\"%04d-%02d-%02d\"", sentence, date / 10000, date / 100 % 100, date % 100);
        put_field(f, "source", e->source);
        put_field(f, "target", e->target);
        put_field(f, "code", e->code);
        put_field(f, "label", e->label);
        put_span(f, "source_text", sent_text, base, e->source_span);
        put_span(f, "target_text", sent_text, base, e->target_span);
        put_span(f, "verb_text", sent_text, base, e->verb_span);
        fprintf(f, ",\"event_date\":\"%04d-%02d-%02d\"", e->date / 10000, e->date / 100 % 100, e->date % 100);
        fputs(",\"date_text\":null,\"place\":null,\"killed\":null,\"injured\":null,\"missing\":null,"
              "\"arrested\":null,\"goldstein\":null,\"quad_class\":null,\"plover\":null}\n", f);
    }
    if (ferror(f)) s->failed = 1;
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
    int want_syntax = a.syntax > 0; /* off by default: see --help */
    if (coder && want_syntax) {
        char path[4096], err[512];
        if (casus_syntax_load(cli_model_path(a.model, path, sizeof path), &syntax, err, sizeof err) != CASUS_OK) {
            fprintf(stderr, "casus code: %s%s\n", err, a.syntax > 0 ? "" : " (coding without the tagger)");
            if (a.syntax > 0) {
                casus_coder_free(coder);
                casus_dict_free(dict);
                free((void *)a.inputs);
                return 2;
            }
        }
        casus_coder_set_syntax(coder, syntax);
    }
    sink out;
    if (!coder || sink_open(&out, a.out, a.tabari_out)) {
        casus_coder_free(coder);
        casus_dict_free(dict);
        free((void *)a.inputs);
        return 2;
    }
    size_t bad = 0, records = 0, sentences = 0, events = 0;
    int fatal = 0;
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
            for (size_t k = 0; k < nspans && !fatal; k++) {
                const char *sent = rec.text + spans[k].start;
                size_t slen = spans[k].end - spans[k].start;
                casus_status st = casus_coder_code(coder, sent, slen, date);
                sentences++;
                if (st == CASUS_ENOMEM) {
                    fatal = 1;
                    break;
                }
                for (size_t e = 0; e < casus_coder_event_count(coder); e++) {
                    write_event(&out, &rec, date, k, sent, spans[k].start, casus_coder_event(coder, e));
                    events++;
                }
                if (out.failed) fatal = 1;
            }
            if (spans != &whole) free(spans);
        }
        casus_reader_free(reader);
    }
    if (fatal) fprintf(stderr, "casus code: %s\n", out.failed ? "write error" : "out of memory");
    int close_rc = sink_close(&out, !fatal);
    fprintf(stderr, "casus code: %zu records, %zu sentences, %zu events", records, sentences, events);
    if (bad) fprintf(stderr, ", %zu bad input%s skipped", bad, bad == 1 ? "" : "s");
    fprintf(stderr, "\n");
    casus_coder_free(coder);
    casus_syntax_free(syntax);
    casus_dict_free(dict);
    free((void *)a.inputs);
    if (fatal || close_rc) return 2;
    if (a.strict && bad) return 2;
    return bad ? 1 : 0;
}
