/* jsonl.c — the event record as one JSON object a line (../shared/docs/event-record.md).
 *
 * Written directly with stdio: this is the hot path (one line an event), and the escaping rules
 * of RFC 8259 are short.  Invalid UTF-8 in a text span is replaced by U+FFFD so that every line
 * stays valid JSON. */
#include <string.h>

#include "output/writer.h"

static void jsonl_string(FILE *f, const char *s, size_t n)
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

static void jsonl_cstring(FILE *f, const char *s)
{
    if (s) jsonl_string(f, s, strlen(s));
    else fputs("null", f);
}

static void jsonl_field(FILE *f, const char *key, const char *value)
{
    fprintf(f, ",\"%s\":", key);
    jsonl_string(f, value, strlen(value));
}

static void jsonl_span(FILE *f, const char *key, const casus_out_text *t)
{
    fprintf(f, ",\"%s\":", key);
    if (!t->text) {
        fputs("null", f);
        return;
    }
    fputs("{\"text\":", f);
    jsonl_string(f, t->text, t->len);
    fprintf(f, ",\"start\":%zu,\"end\":%zu}", t->start, t->end);
}

/* "plover": a string when only the type is known, {"type","mode","context"} when more is. */
static void jsonl_plover(FILE *f, const casus_out_event *ev)
{
    fputs(",\"plover\":", f);
    const casus_cameo_info *in = &ev->info;
    if (!ev->has_info || !in->plover) {
        fputs("null", f);
    } else if (!in->plover_mode && !in->plover_context) {
        jsonl_cstring(f, in->plover);
    } else {
        fputs("{\"type\":", f);
        jsonl_cstring(f, in->plover);
        fputs(",\"mode\":", f);
        jsonl_cstring(f, in->plover_mode);
        fputs(",\"context\":", f);
        jsonl_cstring(f, in->plover_context);
        putc('}', f);
    }
}

/* "YYYY-MM-DD" with its quotes, written digit by digit: printf is the cost of this writer. */
static void jsonl_date(FILE *f, int date)
{
    char b[12] = "\"0000-00-00\"";
    if (date < 0 || date > 99991231) date = 0;
    static const int at[8] = {10, 9, 7, 6, 4, 3, 2, 1};
    for (int i = 0; i < 8; i++, date /= 10) b[at[i]] = (char)('0' + date % 10);
    fwrite(b, 1, sizeof b, f);
}

/* A Goldstein weight with one decimal ("-2.0"), as the table holds them. */
static void jsonl_goldstein(FILE *f, double g)
{
    long t = (long)(g * 10 + (g < 0 ? -0.5 : 0.5));
    char b[24], *p = b + sizeof b;
    int neg = t < 0;
    if (neg) t = -t;
    *--p = (char)('0' + t % 10);
    *--p = '.';
    t /= 10;
    do *--p = (char)('0' + t % 10); while ((t /= 10));
    if (neg) *--p = '-';
    fwrite(p, 1, (size_t)(b + sizeof b - p), f);
}

/* date_text, place and the four counts; null where enrichment found nothing. */
static void jsonl_enrichment(FILE *f, const casus_out_event *ev)
{
    static const char *const names[CASUS_CASUALTY_KINDS] = {"killed", "injured", "missing", "arrested"};
    fputs(",\"date_text\":", f);
    if (ev->date_text.text) jsonl_string(f, ev->date_text.text, ev->date_text.len);
    else fputs("null", f);
    const casus_place *pl = ev->has_enrichment && ev->en.place.found ? &ev->en.place : NULL;
    fputs(",\"place\":", f);
    if (pl) {
        fputs("{\"name\":", f);
        jsonl_string(f, pl->name, strlen(pl->name));
        fputs(",\"country\":", f);
        jsonl_string(f, pl->country, strlen(pl->country));
        fprintf(f, ",\"lat\":%.4f,\"lon\":%.4f}", pl->lat, pl->lon);
    } else {
        fputs("null", f);
    }
    for (int k = 0; k < CASUS_CASUALTY_KINDS; k++) {
        const casus_count *c = ev->has_enrichment && ev->en.counts[k].found ? &ev->en.counts[k] : NULL;
        fprintf(f, ",\"%s\":", names[k]);
        if (!c) {
            fputs("null", f);
            continue;
        }
        if (c->has_n) fprintf(f, "{\"n\":%ld", c->n);
        else fputs("{\"n\":null", f);
        fputs(",\"qual\":", f);
        const char *q = casus_qual_str(c->qual);
        jsonl_string(f, q, strlen(q));
        putc('}', f);
    }
}

static casus_status jsonl_event(casus_writer *w, const casus_out_event *ev)
{
    FILE *f = w->f;
    fputs("{\"id\":", f);
    jsonl_string(f, ev->id, strlen(ev->id));
    fprintf(f, ",\"sentence\":%zu,\"date\":", ev->sentence);
    jsonl_date(f, ev->date);
    jsonl_field(f, "source", ev->source);
    jsonl_field(f, "target", ev->target);
    jsonl_field(f, "code", ev->code);
    jsonl_field(f, "label", ev->label);
    jsonl_span(f, "source_text", &ev->source_text);
    jsonl_span(f, "target_text", &ev->target_text);
    jsonl_span(f, "verb_text", &ev->verb_text);
    fputs(",\"event_date\":", f);
    jsonl_date(f, ev->event_date);
    jsonl_enrichment(f, ev);
    if (ev->has_info) {
        fputs(",\"goldstein\":", f);
        jsonl_goldstein(f, ev->info.goldstein);
        fputs(",\"quad_class\":", f);
        putc('0' + ev->info.quad_class, f);
    } else fputs(",\"goldstein\":null,\"quad_class\":null", f);
    jsonl_plover(f, ev);
    if (ev->nmentions) {
        fputs(",\"mentions\":[", f);
        for (size_t i = 0; i < ev->nmentions; i++) {
            fputs(i ? ",{\"id\":" : "{\"id\":", f);
            jsonl_string(f, ev->mentions[i].id, strlen(ev->mentions[i].id));
            fprintf(f, ",\"sentence\":%zu}", ev->mentions[i].sentence);
        }
        putc(']', f);
    }
    fputs("}\n", f);
    return CASUS_OK;
}

const casus_out_ops casus_out_jsonl = {.event = jsonl_event};
