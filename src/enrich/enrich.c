/* enrich.c — casus_enrich_sentence: one sentence in, its event date, casualty counts and place
   out; the stages are dates.c, casualties.c and places.c over the words of words.c. */
#include <stdlib.h>
#include <string.h>

#include "enrich/enrich.h"

const char *casus_qual_str(casus_qual qual)
{
    switch (qual) {
    case CASUS_QUAL_EXACT: return "exact";
    case CASUS_QUAL_AT_LEAST: return "at_least";
    case CASUS_QUAL_ABOUT: return "about";
    case CASUS_QUAL_ALMOST: return "almost";
    case CASUS_QUAL_MORE_THAN: return "more_than";
    case CASUS_QUAL_UP_TO: return "up_to";
    case CASUS_QUAL_DOZENS: return "dozens";
    case CASUS_QUAL_HUNDREDS: return "hundreds";
    case CASUS_QUAL_THOUSANDS: return "thousands";
    }
    return "exact";
}

const char *casus_casualty_kind_str(casus_casualty_kind kind)
{
    switch (kind) {
    case CASUS_KILLED: return "killed";
    case CASUS_INJURED: return "injured";
    case CASUS_MISSING: return "missing";
    case CASUS_ARRESTED: return "arrested";
    case CASUS_CASUALTY_KINDS: break;
    }
    return "";
}

casus_status casus_enrich_sentence(const casus_gazetteer *gaz, const char *text, size_t len,
                                   int article_date, const char *const *country_hints,
                                   size_t nhints, casus_enrichment *out)
{
    if (!text || !out) return CASUS_EINVAL;
    memset(out, 0, sizeof *out);
    casus_words *ws = malloc(sizeof *ws);
    if (!ws) return CASUS_ENOMEM;
    casus_words_split(ws, text, len);
    casus_dates_find(ws, article_date, out);
    casus_casualties_find(ws, out);
    casus_places_find(gaz, ws, country_hints, nhints, out);
    free(ws);
    return CASUS_OK;
}
