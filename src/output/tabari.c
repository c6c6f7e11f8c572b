/* tabari.c — TABARI's event lines: date (YYMMDD, or YYYYMMDD outside 1931-2030), source, target,
 * code and label, tab-separated. */
#include "output/writer.h"

static casus_status tabari_event(casus_writer *w, const casus_out_event *ev)
{
    int year = ev->event_date / 10000;
    if (year >= 1931 && year <= 2030) fprintf(w->f, "%06d", ev->event_date % 1000000);
    else fprintf(w->f, "%08d", ev->event_date);
    fprintf(w->f, "\t%s\t%s\t%s\t%s\n", ev->source, ev->target, ev->code, ev->label);
    return CASUS_OK;
}

const casus_out_ops casus_out_tabari = {.event = tabari_event};
