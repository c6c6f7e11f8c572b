/* validate.c — 'casus validate PROJECT': runs a TABARI validation project.  Every record's text
 * carries its expected events in a comment, "{ SRC / TGT / CODE }"; {---}, {###} and {+++} expect
 * no event, a discard and a complex text; "-{" ends the check; {OPTION: ...} changes an option.
 * One JSON line a record, then "N passed, N failed". */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct expectation {
    char triples[64][3][64];
    size_t ntriples;
    int open_ended; /* "-{": events beyond those listed are not checked */
    int none, discard, complex, option, missing;
} expectation;

static void copy_trimmed(char *dst, size_t cap, const char *s, const char *e)
{
    while (s < e && isspace((unsigned char)*s)) s++;
    while (e > s && isspace((unsigned char)e[-1])) e--;
    size_t n = (size_t)(e - s);
    if (n >= cap) n = cap - 1;
    memcpy(dst, s, n);
    dst[n] = '\0';
}

/* Reads the expectations from the record's comment; applies OPTION lines to the coder. */
static void read_expectation(const char *text, expectation *x, casus_coder *coder, const char *id)
{
    memset(x, 0, sizeof *x);
    const char *p = strstr(text, "/*");
    if (!p || !(p = strchr(p + 2, '{'))) {
        x->missing = 1;
        return;
    }
    if (strstr(p, "OPTION:")) {
        x->option = 1;
        for (const char *o = strstr(p, "OPTION:"); o; o = strstr(o + 7, "OPTION:")) {
            const char *end = strchr(o, '}');
            if (!end) end = o + strlen(o);
            char line[512];
            copy_trimmed(line, sizeof line, o + 7, end);
            char *stop = strstr(line, "*/"); /* an unclosed OPTION block runs into the comment end */
            if (stop) *stop = '\0';
            if (casus_coder_set_option(coder, line) != CASUS_OK)
                fprintf(stderr, "casus validate: %s: option not understood: %s\n", id, line);
        }
        return;
    }
    for (; p; p = strchr(p + 1, '{')) {
        if (p[-1] == '-') {
            x->open_ended = 1;
            break;
        }
        const char *end = strchr(p, '}');
        if (!end) break;
        char body[256];
        copy_trimmed(body, sizeof body, p + 1, end);
        if (!strcmp(body, "---")) x->none = 1;
        else if (!strcmp(body, "###")) x->discard = 1;
        else if (!strcmp(body, "+++")) x->complex = 1;
        else if (x->ntriples < 64) {
            const char *s = body;
            for (int f = 0; f < 3; f++) {
                const char *slash = f < 2 ? strchr(s, '/') : NULL;
                const char *e = slash ? slash : s + strlen(s);
                copy_trimmed(x->triples[x->ntriples][f], 64, s, e);
                s = slash ? slash + 1 : e;
            }
            x->ntriples++;
        }
    }
}

/* Multiset comparison: every expected triple is produced; unless open-ended, nothing else is. */
static int events_match(const expectation *x, casus_coder *coder)
{
    size_t n = casus_coder_event_count(coder);
    if (!x->open_ended && n != x->ntriples) return 0;
    char used[256] = {0};
    if (n > sizeof used) return 0;
    for (size_t i = 0; i < x->ntriples; i++) {
        int hit = 0;
        for (size_t k = 0; k < n && !hit; k++) {
            const casus_event *e = casus_coder_event(coder, k);
            if (!used[k] && !strcmp(e->source, x->triples[i][0]) && !strcmp(e->target, x->triples[i][1]) &&
                !strcmp(e->code, x->triples[i][2]))
                used[k] = hit = 1;
        }
        if (!hit) return 0;
    }
    return 1;
}

static int judge(const expectation *x, casus_coder *coder)
{
    unsigned flags = casus_coder_text_flags(coder);
    size_t n = casus_coder_event_count(coder);
    if (x->option) return 1;
    if (x->missing) return 0;
    if (n == 0) {
        if (x->ntriples == 0 && x->open_ended) return 1;
        if (flags & CASUS_TEXT_DISCARD) return x->discard;
        if (flags & CASUS_TEXT_COMPLEX) return x->complex;
        return x->none;
    }
    if (x->none || x->discard || x->complex) return 0;
    return events_match(x, coder);
}

static json_t *triple(const char *s, const char *t, const char *c)
{
    return json_pack("[sss]", s, t, c);
}

static void usage(FILE *f)
{
    fprintf(f, "usage: casus validate [--until ID] [--strict] PROJECT\n"
               "Codes every record of a TABARI validation project and compares the events with the\n"
               "expectations in its text.  Prints one JSON line a record, then 'N passed, N failed'.\n"
               "  --until ID   stop after the record with this id (e.g. FINAL-01)\n"
               "  --strict     exit with status 2 if a dictionary line had a problem\n");
}

int cli_validate(int argc, char **argv)
{
    const char *project_path = NULL, *until = NULL;
    int strict = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(argv[i], "--until") && i + 1 < argc) until = argv[++i];
        else if (!strcmp(argv[i], "--strict")) strict = 1;
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "casus validate: unknown option %s\n", argv[i]);
            usage(stderr);
            return 2;
        } else project_path = argv[i];
    }
    if (!project_path) {
        usage(stderr);
        return 2;
    }
    char err[1024];
    casus_project *project = NULL;
    if (casus_project_read(project_path, &project, err, sizeof err) != CASUS_OK) {
        fprintf(stderr, "casus validate: %s\n", err);
        return 2;
    }
    int rc = 0;
    casus_dict *dict = casus_dict_new();
    casus_coder *coder = NULL;
    if (!dict) goto nomem;
    casus_status st = casus_dict_load_project(dict, project);
    size_t ndiag = cli_report_diags(dict);
    if (st != CASUS_OK) {
        fprintf(stderr, "casus validate: %s\n", casus_status_str(st));
        rc = 2;
        goto out;
    }
    if (strict && ndiag) {
        rc = 2;
        goto out;
    }
    if (casus_dict_finish(dict) != CASUS_OK || !(coder = casus_coder_new(dict))) goto nomem;
    size_t passed = 0, failed = 0;
    int stop = 0;
    for (size_t t = 0; t < casus_project_count(project, CASUS_PROJECT_TEXT) && !stop; t++) {
        const char *path = casus_project_path(project, CASUS_PROJECT_TEXT, t);
        size_t len;
        char *data = cli_read_file(path, &len);
        if (!data) {
            rc = 2;
            goto out;
        }
        casus_reader *reader = casus_reader_new(CASUS_IN_TABARI, path, data, len);
        free(data);
        if (!reader) goto nomem;
        casus_record rec;
        int got;
        while (!stop) {
            casus_reader_set_four_digit_years(reader, casus_coder_four_digit_years(coder));
            got = casus_reader_next(reader, &rec, err, sizeof err);
            if (got == 0) break;
            if (got < 0) {
                fprintf(stderr, "casus validate: %s\n", err);
                continue;
            }
            casus_coder_begin_record(coder, rec.id);
            st = casus_coder_code(coder, rec.text, rec.len, rec.date);
            if (st != CASUS_OK) {
                fprintf(stderr, "casus validate: %s:%zu: %s\n", path, rec.line, casus_status_str(st));
                continue;
            }
            expectation x;
            read_expectation(rec.text, &x, coder, rec.id);
            int pass = judge(&x, coder);
            json_t *expected = json_array(), *produced = json_array(), *flags = json_array();
            for (size_t i = 0; i < x.ntriples; i++)
                json_array_append_new(expected, triple(x.triples[i][0], x.triples[i][1], x.triples[i][2]));
            for (size_t i = 0; i < casus_coder_event_count(coder); i++) {
                const casus_event *e = casus_coder_event(coder, i);
                json_array_append_new(produced, triple(e->source, e->target, e->code));
            }
            unsigned f = casus_coder_text_flags(coder);
            if (f & CASUS_TEXT_DISCARD) json_array_append_new(flags, json_string("discard"));
            if (f & CASUS_TEXT_COMPLEX) json_array_append_new(flags, json_string("complex"));
            if (f & CASUS_TEXT_SKIPPED) json_array_append_new(flags, json_string("too_short"));
            if (f & CASUS_TEXT_NOEVENT) json_array_append_new(flags, json_string("no_event"));
            if (x.option) json_array_append_new(flags, json_string("option"));
            if (x.open_ended) json_array_append_new(flags, json_string("open_ended"));
            if (x.missing) json_array_append_new(flags, json_string("no_expectation"));
            json_t *line = json_pack("{s:s,s:o,s:o,s:o,s:b}", "id", rec.id, "expected", expected, "produced",
                                     produced, "flags", flags, "pass", pass);
            char *s = line ? json_dumps(line, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
            json_decref(line);
            if (!s) {
                casus_reader_free(reader);
                goto nomem;
            }
            puts(s);
            free(s);
            if (pass) passed++;
            else failed++;
            if (until && !strcmp(rec.id, until)) stop = 1;
        }
        casus_reader_free(reader);
    }
    printf("%zu passed, %zu failed\n", passed, failed);
    rc = failed ? 1 : 0;
    goto out;
nomem:
    fprintf(stderr, "casus validate: out of memory\n");
    rc = 2;
out:
    casus_coder_free(coder);
    casus_dict_free(dict);
    casus_project_free(project);
    return rc;
}
