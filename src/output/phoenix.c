/* phoenix.c — events in the columns of the Phoenix event dataset, tab-separated, with a header
 * line.  Columns that casus does not compute yet are present and empty:
 *
 *   EventID               id-sentence-n: the record id, the sentence, the event's place in it
 *   Date Year Month Day   the event date: YYYYMMDD, then its parts
 *   SourceActorFull       the source's CAMEO actor code
 *   SourceActorEntity     its first three letters (a country or organisation code)
 *   SourceActorRole       the next three letters (GOV, MIL, REB ...)
 *   SourceActorAttribute  what follows them
 *   TargetActorFull, TargetActorEntity, TargetActorRole, TargetActorAttribute: the same
 *   EventCode EventRootCode QuadClass GoldsteinScore
 *   Issues                (empty)
 *   Lat Lon LocationName  the event's place (empty when none)
 *   StateName             (empty: the gazetteer has no provinces)
 *   CountryCode           the place's ISO alpha-3 country code
 *   SentenceID            id-sentence
 *   URLs NewsSources      (empty)
 *
 * Tabs, CRs and LFs inside a value are written as spaces. */
#include <string.h>

#include "output/writer.h"

static const char phoenix_header[] =
    "EventID\tDate\tYear\tMonth\tDay\tSourceActorFull\tSourceActorEntity\tSourceActorRole\t"
    "SourceActorAttribute\tTargetActorFull\tTargetActorEntity\tTargetActorRole\tTargetActorAttribute\t"
    "EventCode\tEventRootCode\tQuadClass\tGoldsteinScore\tIssues\tLat\tLon\tLocationName\tStateName\t"
    "CountryCode\tSentenceID\tURLs\tNewsSources\n";

static void phoenix_value(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) putc(s[i] == '\t' || s[i] == '\r' || s[i] == '\n' ? ' ' : s[i], f);
}

/* Full code, entity, role, attribute. */
static void phoenix_actor(FILE *f, const char *code)
{
    size_t n = strlen(code);
    putc('\t', f);
    phoenix_value(f, code, n);
    putc('\t', f);
    phoenix_value(f, code, n < 3 ? n : 3);
    putc('\t', f);
    if (n > 3) phoenix_value(f, code + 3, n < 6 ? n - 3 : 3);
    putc('\t', f);
    if (n > 6) phoenix_value(f, code + 6, n - 6);
}

static casus_status phoenix_start(casus_writer *w)
{
    fputs(phoenix_header, w->f);
    return CASUS_OK;
}

static casus_status phoenix_event(casus_writer *w, const casus_out_event *ev)
{
    FILE *f = w->f;
    size_t idlen = strlen(ev->id);
    int d = ev->event_date;
    phoenix_value(f, ev->id, idlen);
    fprintf(f, "-%zu-%zu\t%08d\t%04d\t%02d\t%02d", ev->sentence, ev->index, d, d / 10000, d / 100 % 100, d % 100);
    phoenix_actor(f, ev->source);
    phoenix_actor(f, ev->target);
    putc('\t', f);
    phoenix_value(f, ev->code, strlen(ev->code));
    putc('\t', f);
    phoenix_value(f, ev->code, strlen(ev->code) < 2 ? strlen(ev->code) : 2);
    if (ev->has_info) fprintf(f, "\t%d\t%.1f", ev->info.quad_class, ev->info.goldstein);
    else fputs("\t\t", f);
    const casus_place *pl = ev->has_enrichment && ev->en.place.found ? &ev->en.place : NULL;
    fputs("\t\t", f); /* Issues, then Lat */
    if (pl) {
        fprintf(f, "%.4f\t%.4f\t", pl->lat, pl->lon);
        phoenix_value(f, pl->name, strlen(pl->name));
        fputs("\t\t", f);
        phoenix_value(f, pl->country, strlen(pl->country));
    } else {
        fputs("\t\t\t\t", f);
    }
    putc('\t', f); /* then SentenceID */
    phoenix_value(f, ev->id, idlen);
    fprintf(f, "-%zu\t\t\n", ev->sentence);
    return CASUS_OK;
}

const casus_out_ops casus_out_phoenix = {.start = phoenix_start, .event = phoenix_event};
