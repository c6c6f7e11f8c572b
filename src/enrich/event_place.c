/* event_place.c — where one event happened.  A sentence names at most one place (places.c); it
 * is the event's place unless the event is a statement made elsewhere: "Poland said it will
 * reduce its troops in Iraq" was said in Poland, not in Iraq.  Without a place in the sentence,
 * the report's dateline says where the reporter was, and failing that the actors' own country
 * is where an event about them most often happens. */
#include <stdlib.h>
#include <string.h>

#include "enrich/enrich.h"

int casus_country_place(const char *actor, casus_place *out)
{
    memset(out, 0, sizeof *out);
    if (!actor || strlen(actor) < 3) return 0;
    char iso[4] = {actor[0], actor[1], actor[2], '\0'};
    const casus_country *c = casus_countries_by_code(iso);
    if (!c) return 0;
    out->found = 1;
    size_t n = strlen(c->name);
    if (n >= sizeof out->name) n = sizeof out->name - 1;
    memcpy(out->name, c->name, n);
    out->name[n] = '\0';
    memcpy(out->country, c->iso3, 4);
    out->lat = c->lat;
    out->lon = c->lon;
    return 1;
}

casus_status casus_dateline_place(const casus_gazetteer *gaz, const char *text, size_t len, casus_place *out)
{
    if (!text || !out) return CASUS_EINVAL;
    memset(out, 0, sizeof *out);
    size_t dl = casus_dateline_length(text, len);
    if (!dl) return CASUS_OK;
    casus_words *ws = malloc(sizeof *ws);
    if (!ws) return CASUS_ENOMEM;
    casus_words_split(ws, text, dl);
    casus_enrichment en;
    memset(&en, 0, sizeof en);
    casus_places_find(gaz, ws, NULL, 0, &en);
    free(ws);
    *out = en.place;
    return CASUS_OK;
}

/* Speech acts happen where the speaker is: statements (CAMEO root 01), appeals (02), intents
   (03), demands (10), disapproval (11), rejections (12) and threats (13). */
static int is_speech(const char *code)
{
    int root = casus_cameo_root(code);
    return (root >= 1 && root <= 3) || (root >= 10 && root <= 13);
}

/* Does the place stand for a whole country ("Iraqi soldiers" gives Iraq)? */
static int is_country_level(const casus_place *p)
{
    const casus_country *c = casus_countries_by_code(p->country);
    return c && !strcmp(c->name, p->name);
}

void casus_event_place(const casus_enrichment *en, const casus_place *dateline, const char *source,
                       const char *target, const char *code, casus_span verb, casus_place *out)
{
    memset(out, 0, sizeof *out);
    casus_place actors;
    int actor_country = casus_country_place(source, &actors) || casus_country_place(target, &actors);
    if (en && en->place.found && !(en->place.incidental && actor_country)) {
        const casus_place *p = &en->place;
        casus_place speaker;
        int placed_speaker = casus_country_place(source, &speaker);
        int speaker_country = placed_speaker && !strcmp(speaker.country, p->country);
        /* a speaker with no country (an organisation, an armed group) could be anywhere */
        if (!is_speech(code) || p->span.end <= verb.start || speaker_country || !placed_speaker) {
            /* the dateline's city is the same place, said more exactly */
            int finer = dateline && dateline->found && !strcmp(dateline->country, p->country) &&
                        is_country_level(p) && !is_country_level(dateline);
            *out = finer ? *dateline : *p;
            return;
        }
    }
    if (dateline && dateline->found) {
        *out = *dateline;
        return;
    }
    if (casus_country_place(source, out)) return;
    casus_country_place(target, out);
}
