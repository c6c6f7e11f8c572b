/* writer.h — the one interface behind every output format: writer.c drives it, each format file
 * (jsonl.c, csv.c, phoenix.c, tabari.c, sqlite.c) fills in its operations. */
#ifndef CASUS_OUTPUT_WRITER_H
#define CASUS_OUTPUT_WRITER_H

#include <stdio.h>

#include "casus.h"

/* A piece of the text: its bytes and its offsets in the record's text; text NULL when absent. */
typedef struct casus_out_text {
    const char *text;
    size_t len, start, end;
} casus_out_text;

/* One place an event was reported. */
typedef struct casus_out_mention {
    const char *id;
    size_t sentence;
} casus_out_mention;

/* An event as the formats see it: the record's view plus its derived fields. */
typedef struct casus_out_event {
    const char *id;
    size_t sentence;
    size_t index; /* the event's place among its sentence's events */
    int date;     /* the record's date, YYYYMMDD */
    int event_date;
    const char *source, *target, *code, *label;
    casus_out_text source_text, target_text, verb_text;
    unsigned flags;
    int has_info; /* info holds the derived fields (the code is a CAMEO code) */
    casus_cameo_info info;
    int has_enrichment;   /* en and date_text hold what casus_writer_enrichment gave */
    casus_enrichment en;  /* by value: a one-a-day copy needs no pointer into the sentence */
    casus_out_text date_text;
    const casus_out_mention *mentions; /* one-a-day: every mention, the first one first */
    size_t nmentions;                  /* 0 unless one-a-day */
} casus_out_event;

typedef struct casus_out_ops {
    casus_status (*start)(casus_writer *w); /* after opening: a header */
    casus_status (*begin)(casus_writer *w, const casus_record *rec, int date);
    casus_status (*sentence)(casus_writer *w, size_t index, casus_span span);
    casus_status (*event)(casus_writer *w, const casus_out_event *ev);
    casus_status (*end)(casus_writer *w);
    casus_status (*finish)(casus_writer *w, int ok); /* last call; frees the format's state */
} casus_out_ops;

struct casus_writer {
    const casus_out_ops *ops;
    unsigned flags;
    FILE *f;            /* text formats */
    char *tmp, *final;  /* temporary file renamed to final on success; NULL for a stream */
    void *state;        /* the format's own (the SQLite connection) */
    void *dedup;        /* one-a-day buffer */
    const casus_record *rec;
    int date;
    size_t sentence, nevents;
    casus_span span;
    int has_enrichment; /* for the current sentence */
    casus_enrichment en;
    char err[512];
};

extern const casus_out_ops casus_out_jsonl, casus_out_csv, casus_out_phoenix, casus_out_tabari,
    casus_out_sqlite;

/* Sets w->err from a format string; returns status. */
casus_status casus_out_fail(casus_writer *w, casus_status status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* CASUS_OK, or CASUS_EIO with w->err set when the stream has failed. */
casus_status casus_out_check(casus_writer *w);

/* YYYYMMDD as "YYYY-MM-DD" into buf (11 bytes). */
void casus_out_iso_date(int date, char buf[11]);

#endif
