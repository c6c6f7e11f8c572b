/* enrich.c — the 'casus enrich' subcommand: JSONL sentences in, their event date, place and
   casualty counts out (fields as in the event record), one line each. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus.h"
#include "cli.h"

static void enrich_usage(FILE *out)
{
    fprintf(out,
            "usage: casus enrich [DICTIONARY OPTIONS] [--hint ISO3]... [FILE|-]\n"
            "\n"
            "Reads JSONL sentences {\"id\", \"date\": \"YYMMDD\" or \"YYYY-MM-DD\", \"text\"} and writes one\n"
            "line each: {\"id\", \"event_date\", \"date_text\", \"place\", \"killed\", \"injured\",\n"
            "\"missing\", \"arrested\"}.  The place is the one 'casus code' gives the sentence's first\n"
            "event (with no event: the place named in the text, else the dateline's, else the country of\n"
            "the first actor the dictionaries find).  Dictionary options are those of 'casus code'.\n"
            "--hint gives a country (ISO alpha-3) that breaks ties between places of the same name; it\n"
            "may repeat.\n");
}

/* "2024-01-24" or "240124" (years below 70 are 20xx) as YYYYMMDD; 0 when neither. */
static int enrich_date(const char *s)
{
    int y, m, d;
    char tail;
    size_t n = strlen(s);
    if (n == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3) return y * 10000 + m * 100 + d;
    if (n == 6 && strspn(s, "0123456789") == 6) {
        y = (s[0] - '0') * 10 + (s[1] - '0');
        m = (s[2] - '0') * 10 + (s[3] - '0');
        d = (s[4] - '0') * 10 + (s[5] - '0');
        return (y < 70 ? 2000 + y : 1900 + y) * 10000 + m * 100 + d;
    }
    if (n == 8 && strspn(s, "0123456789") == 8) return atoi(s);
    return 0;
}

static json_t *enrich_count(const casus_count *c)
{
    if (!c->found) return json_null();
    return json_pack("{s:o,s:s}", "n", c->has_n ? json_integer(c->n) : json_null(), "qual",
                     casus_qual_str(c->qual));
}

/* Codes the sentence and gives the place of its first event, or of its first actor. */
static void enrich_place(const casus_gazetteer *gaz, casus_coder *coder, const char *text, size_t len, int date,
                         casus_enrichment *e)
{
    casus_place dateline;
    if (casus_dateline_place(gaz, text, len, &dateline) != CASUS_OK) return;
    size_t skip = casus_dateline_length(text, len); /* the coder reads the text after it */
    casus_coder_reset(coder);
    if (casus_coder_code(coder, text + skip, len - skip, date) != CASUS_OK) return;
    const casus_event *ev = casus_coder_event(coder, 0);
    char first[64];
    const char *source = NULL, *target = NULL, *code = NULL;
    casus_span verb = {0, 0};
    if (ev) {
        source = ev->source, target = ev->target, code = ev->code;
        verb.start = ev->verb_span.start + skip;
        verb.end = ev->verb_span.end + skip;
    } else if (casus_coder_first_actor(coder, first, sizeof first)) {
        source = first;
    }
    casus_place place;
    casus_event_place(e, &dateline, source, target, code, verb, &place);
    e->place = place;
}

int cli_enrich(int argc, char **argv)
{
    const char *path = "-";
    const char *hints[16];
    size_t nhints = 0;
    cli_dicts dicts = {0};
    for (int i = 1; i < argc; i++) {
        int d = cli_dict_option(&dicts, argc, argv, &i);
        if (d < 0) return 2;
        if (d) continue;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            enrich_usage(stdout);
            return 0;
        } else if (!strcmp(argv[i], "--hint") && i + 1 < argc) {
            if (nhints < sizeof hints / sizeof *hints) hints[nhints++] = argv[i + 1];
            i++;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "casus enrich: unknown option '%s'\n", argv[i]);
            enrich_usage(stderr);
            return 2;
        } else {
            path = argv[i];
        }
    }
    size_t problems = 0;
    casus_dict *dict = cli_load_dicts(&dicts, 1, &problems);
    casus_coder *coder = dict ? casus_coder_new(dict) : NULL;
    size_t len;
    char *data = coder ? cli_read_file(path, &len) : NULL;
    casus_gazetteer *gaz = NULL;
    if (!data || casus_gazetteer_open(&gaz) != CASUS_OK) {
        if (data) fprintf(stderr, "casus enrich: out of memory\n");
        free(data);
        casus_coder_free(coder);
        casus_dict_free(dict);
        return 2;
    }
    int status = 0;
    size_t lineno = 0;
    char *line = data, *end = data + len;
    while (line < end) {
        char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t ll = nl ? (size_t)(nl - line) : (size_t)(end - line);
        lineno++;
        json_error_t err;
        json_t *in = NULL;
        if (strspn(line, " \t\r") < ll) in = json_loadb(line, ll, 0, &err);
        else goto next;
        const char *text = json_is_object(in) ? json_string_value(json_object_get(in, "text")) : NULL;
        if (!text) {
            fprintf(stderr, "%s:%zu: not a JSON object with a \"text\" string\n", path, lineno);
            status = 1;
            goto next;
        }
        json_t *jid = json_object_get(in, "id");
        json_t *jdate = json_object_get(in, "date");
        int date = json_is_string(jdate) ? enrich_date(json_string_value(jdate)) : 0;
        casus_enrichment e;
        size_t tl = json_string_length(json_object_get(in, "text"));
        if (casus_enrich_sentence(gaz, text, tl, date, hints, nhints, &e) != CASUS_OK) {
            fprintf(stderr, "%s:%zu: out of memory\n", path, lineno);
            status = 2;
            json_decref(in);
            break;
        }
        enrich_place(gaz, coder, text, tl, date, &e);
        json_t *o = json_object();
        json_object_set(o, "id", jid ? jid : json_null());
        if (e.date) {
            char buf[16];
            snprintf(buf, sizeof buf, "%04d-%02d-%02d", e.date / 10000 % 10000, e.date / 100 % 100, e.date % 100);
            json_object_set_new(o, "event_date", json_string(buf));
        } else {
            json_object_set_new(o, "event_date", json_null());
        }
        json_object_set_new(o, "date_text",
                            e.has_date_span ? json_stringn(text + e.date_span.start, e.date_span.end - e.date_span.start)
                                            : json_null());
        if (e.place.found)
            json_object_set_new(o, "place", json_pack("{s:s,s:s,s:f,s:f}", "name", e.place.name, "country",
                                                      e.place.country, "lat", e.place.lat, "lon", e.place.lon));
        else
            json_object_set_new(o, "place", json_null());
        for (int k = 0; k < CASUS_CASUALTY_KINDS; k++)
            json_object_set_new(o, casus_casualty_kind_str((casus_casualty_kind)k), enrich_count(&e.counts[k]));
        char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
        if (s) {
            puts(s);
            free(s);
        }
        json_decref(o);
    next:
        json_decref(in);
        line = nl ? nl + 1 : end;
    }
    casus_gazetteer_free(gaz);
    casus_coder_free(coder);
    casus_dict_free(dict);
    free(data);
    return status;
}
