/* csv.c — events as comma-separated values: a header, then one row an event.  Quoting follows
 * RFC 4180: a field holding a comma, a double quote, CR or LF is enclosed in double quotes, and
 * its double quotes are doubled; rows end in CRLF.  Absent values are empty fields.
 *
 * mentions is 1 and mention_ids "id:sentence" for an event of its own; with --one-a-day they
 * count and list (separated by ";") every report of the kept event.  The enrichment columns
 * (date_text, place, counts) come last so that readers of the first layout keep working. */
#include <string.h>

#include "output/writer.h"

static const char csv_header[] =
    "id,sentence,date,source,target,code,label,source_text,source_start,source_end,target_text,"
    "target_start,target_end,verb_text,verb_start,verb_end,event_date,goldstein,quad_class,plover,"
    "plover_mode,plover_context,mentions,mention_ids,date_text,place,place_country,place_lat,place_lon,"
    "killed,killed_qual,injured,injured_qual,missing,missing_qual,arrested,arrested_qual\r\n";

static void csv_value(FILE *f, const char *s, size_t n)
{
    if (!s) return;
    int quote = 0;
    for (size_t i = 0; i < n && !quote; i++) quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (!quote) {
        fwrite(s, 1, n, f);
        return;
    }
    putc('"', f);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') putc('"', f);
        putc(s[i], f);
    }
    putc('"', f);
}

static void csv_field(FILE *f, const char *s, size_t n)
{
    putc(',', f);
    csv_value(f, s, n);
}

static void csv_str(FILE *f, const char *s)
{
    csv_field(f, s, s ? strlen(s) : 0);
}

static void csv_text(FILE *f, const casus_out_text *t)
{
    if (!t->text) {
        fputs(",,,", f);
        return;
    }
    csv_field(f, t->text, t->len);
    fprintf(f, ",%zu,%zu", t->start, t->end);
}

static casus_status csv_start(casus_writer *w)
{
    fputs(csv_header, w->f);
    return CASUS_OK;
}

/* The mention list "id:sentence;id:sentence" as one quoted-if-needed field. */
static void csv_mentions(FILE *f, const casus_out_event *ev)
{
    int quote = 0;
    size_t n = ev->nmentions ? ev->nmentions : 1;
    for (size_t i = 0; i < n && !quote; i++) {
        const char *id = ev->nmentions ? ev->mentions[i].id : ev->id;
        quote = strpbrk(id, ",\"\r\n") != NULL;
    }
    fprintf(f, ",%zu,", n);
    if (quote) putc('"', f);
    for (size_t i = 0; i < n; i++) {
        const char *id = ev->nmentions ? ev->mentions[i].id : ev->id;
        size_t sentence = ev->nmentions ? ev->mentions[i].sentence : ev->sentence;
        if (i) putc(';', f);
        for (const char *p = id; *p; p++) {
            if (quote && *p == '"') putc('"', f);
            putc(*p, f);
        }
        fprintf(f, ":%zu", sentence);
    }
    if (quote) putc('"', f);
}

static casus_status csv_event(casus_writer *w, const casus_out_event *ev)
{
    FILE *f = w->f;
    char date[11], event_date[11];
    casus_out_iso_date(ev->date, date);
    casus_out_iso_date(ev->event_date, event_date);
    csv_value(f, ev->id, strlen(ev->id));
    fprintf(f, ",%zu,%s", ev->sentence, date);
    csv_str(f, ev->source);
    csv_str(f, ev->target);
    csv_str(f, ev->code);
    csv_str(f, ev->label);
    csv_text(f, &ev->source_text);
    csv_text(f, &ev->target_text);
    csv_text(f, &ev->verb_text);
    fprintf(f, ",%s", event_date);
    if (ev->has_info) {
        fprintf(f, ",%.1f,%d", ev->info.goldstein, ev->info.quad_class);
        csv_str(f, ev->info.plover);
        csv_str(f, ev->info.plover_mode);
        csv_str(f, ev->info.plover_context);
    } else {
        fputs(",,,,,", f);
    }
    csv_mentions(f, ev);
    csv_field(f, ev->date_text.text, ev->date_text.len);
    const casus_place *pl = ev->has_enrichment && ev->en.place.found ? &ev->en.place : NULL;
    if (pl) {
        csv_str(f, pl->name);
        csv_str(f, pl->country);
        fprintf(f, ",%.4f,%.4f", pl->lat, pl->lon);
    } else {
        fputs(",,,,", f);
    }
    for (int k = 0; k < CASUS_CASUALTY_KINDS; k++) {
        const casus_count *c = ev->has_enrichment && ev->en.counts[k].found ? &ev->en.counts[k] : NULL;
        if (!c) {
            fputs(",,", f);
            continue;
        }
        if (c->has_n) fprintf(f, ",%ld", c->n);
        else putc(',', f);
        csv_str(f, casus_qual_str(c->qual));
    }
    fputs("\r\n", f);
    return CASUS_OK;
}

const casus_out_ops casus_out_csv = {.start = csv_start, .event = csv_event};
