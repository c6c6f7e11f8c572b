/* writer.c — the output interface: opens files through a temporary name, turns coder events into
 * output events with their derived fields, applies --require-dyad and --one-a-day, and hands each
 * event to the format's operations. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/grow.h"
#include "output/writer.h"

casus_status casus_out_fail(casus_writer *w, casus_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->err, sizeof w->err, fmt, ap);
    va_end(ap);
    return status;
}

casus_status casus_out_check(casus_writer *w)
{
    if (w->f && ferror(w->f))
        return casus_out_fail(w, CASUS_EIO, "%s: write error", w->final ? w->final : "output");
    return CASUS_OK;
}

void casus_out_iso_date(int date, char buf[11])
{
    if (date < 0 || date > 99991231) date = 0;
    snprintf(buf, 11, "%04d-%02d-%02d", date / 10000, date / 100 % 100, date % 100);
}

int casus_output_format_parse(const char *name, casus_output_format *out)
{
    static const struct { const char *name; casus_output_format format; } names[] = {
        {"jsonl", CASUS_OUT_JSONL},   {"csv", CASUS_OUT_CSV},       {"phoenix", CASUS_OUT_PHOENIX},
        {"tabari", CASUS_OUT_TABARI}, {"sqlite", CASUS_OUT_SQLITE},
    };
    for (size_t i = 0; name && i < sizeof names / sizeof *names; i++)
        if (!strcmp(name, names[i].name)) {
            *out = names[i].format;
            return 0;
        }
    return -1;
}

static const casus_out_ops *writer_ops(casus_output_format format)
{
    switch (format) {
    case CASUS_OUT_JSONL: return &casus_out_jsonl;
    case CASUS_OUT_CSV: return &casus_out_csv;
    case CASUS_OUT_PHOENIX: return &casus_out_phoenix;
    case CASUS_OUT_TABARI: return &casus_out_tabari;
    case CASUS_OUT_SQLITE: return &casus_out_sqlite;
    }
    return NULL;
}

static void writer_copy_err(const casus_writer *w, char *err, size_t errlen)
{
    if (err && errlen) snprintf(err, errlen, "%s", w->err);
}

static casus_status writer_start(casus_writer *w)
{
    casus_status st = w->ops->start ? w->ops->start(w) : CASUS_OK;
    return st == CASUS_OK ? casus_out_check(w) : st;
}

casus_status casus_writer_new_stream(casus_output_format format, FILE *f, unsigned flags, casus_writer **out)
{
    if (!out) return CASUS_EINVAL;
    *out = NULL;
    const casus_out_ops *ops = writer_ops(format);
    if (!ops || !f || format == CASUS_OUT_SQLITE) return CASUS_EINVAL;
    casus_writer *w = calloc(1, sizeof *w);
    if (!w) return CASUS_ENOMEM;
    w->ops = ops;
    w->flags = flags;
    w->f = f;
    casus_status st = writer_start(w);
    if (st != CASUS_OK) {
        free(w);
        return st;
    }
    *out = w;
    return CASUS_OK;
}

casus_status casus_writer_open(casus_output_format format, const char *path, unsigned flags, casus_writer **out,
                               char *err, size_t errlen)
{
    if (err && errlen) err[0] = '\0';
    if (!out) return CASUS_EINVAL;
    *out = NULL;
    const casus_out_ops *ops = writer_ops(format);
    if (!ops || !path || !*path) return CASUS_EINVAL;
    casus_writer *w = calloc(1, sizeof *w);
    if (!w || !(w->final = casus_strndup(path, strlen(path)))) {
        free(w);
        return CASUS_ENOMEM;
    }
    w->ops = ops;
    w->flags = flags;
    casus_status st = CASUS_OK;
    if (format == CASUS_OUT_SQLITE) {
        st = writer_start(w); /* the store opens the database itself */
    } else {
        size_t n = strlen(path) + 16;
        if (!(w->tmp = malloc(n))) {
            st = CASUS_ENOMEM;
        } else {
            snprintf(w->tmp, n, "%s.tmp.XXXXXX", path);
            int fd = mkstemp(w->tmp);
            if (fd < 0 || !(w->f = fdopen(fd, "w"))) {
                st = casus_out_fail(w, CASUS_EIO, "cannot create %s: %s", w->tmp, strerror(errno));
                if (fd >= 0) {
                    close(fd);
                    unlink(w->tmp);
                }
                free(w->tmp);
                w->tmp = NULL;
            } else {
                st = writer_start(w);
            }
        }
    }
    if (st != CASUS_OK) {
        writer_copy_err(w, err, errlen);
        casus_writer_close(w, 0, NULL, 0);
        return st;
    }
    *out = w;
    return CASUS_OK;
}

casus_status casus_writer_begin(casus_writer *w, const casus_record *rec, int date)
{
    if (!w || !rec) return CASUS_EINVAL;
    w->rec = rec;
    w->date = date;
    w->sentence = 0;
    w->nevents = 0;
    w->span = (casus_span){0, rec->len};
    return w->ops->begin ? w->ops->begin(w, rec, date) : CASUS_OK;
}

casus_status casus_writer_sentence(casus_writer *w, size_t index, casus_span span)
{
    if (!w || !w->rec || span.end < span.start || span.end > w->rec->len) return CASUS_EINVAL;
    w->sentence = index;
    w->span = span;
    w->nevents = 0;
    w->has_enrichment = 0;
    return w->ops->sentence ? w->ops->sentence(w, index, span) : CASUS_OK;
}

static casus_out_text writer_text(const casus_writer *w, casus_span s)
{
    casus_out_text t = {NULL, 0, 0, 0};
    if (s.end <= s.start || w->span.start + s.end > w->span.end) return t;
    t.text = w->rec->text + w->span.start + s.start;
    t.len = s.end - s.start;
    t.start = w->span.start + s.start;
    t.end = w->span.start + s.end;
    return t;
}

/* ---- one-a-day: events kept in first-seen order, found again through a hash of their key ---- */

typedef struct dedup_entry {
    casus_out_event ev;   /* strings in mem */
    char *mem;
    casus_out_mention *mentions;
    size_t nmentions, cap;
    uint64_t hash;
} dedup_entry;

typedef struct dedup {
    dedup_entry *v;
    size_t n, cap;
    size_t *slots; /* index + 1, 0 for empty */
    size_t nslots;
} dedup;

static uint64_t dedup_hash_str(uint64_t h, const char *s)
{
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (h ^ 0xff) * 1099511628211u;
}

static uint64_t dedup_hash(const casus_out_event *ev)
{
    uint64_t h = 14695981039346656037u;
    h = (h ^ (uint64_t)(unsigned)ev->event_date) * 1099511628211u;
    h = dedup_hash_str(h, ev->source);
    h = dedup_hash_str(h, ev->target);
    return dedup_hash_str(h, ev->code);
}

static int dedup_same(const casus_out_event *a, const casus_out_event *b)
{
    return a->event_date == b->event_date && !strcmp(a->source, b->source) && !strcmp(a->target, b->target) &&
           !strcmp(a->code, b->code);
}

static int dedup_rehash(dedup *d, size_t nslots)
{
    size_t *slots = calloc(nslots, sizeof *slots);
    if (!slots) return -1;
    for (size_t i = 0; i < d->n; i++) {
        size_t k = (size_t)d->v[i].hash & (nslots - 1);
        while (slots[k]) k = (k + 1) & (nslots - 1);
        slots[k] = i + 1;
    }
    free(d->slots);
    d->slots = slots;
    d->nslots = nslots;
    return 0;
}

static char *dedup_put(char **p, const char *s, size_t n)
{
    char *r = *p;
    if (n) memcpy(r, s, n);
    r[n] = '\0';
    *p += n + 1;
    return r;
}

static void dedup_put_text(char **p, casus_out_text *t)
{
    if (t->text) t->text = dedup_put(p, t->text, t->len);
}

static casus_status dedup_add(casus_writer *w, const casus_out_event *ev)
{
    dedup *d = w->dedup;
    if (!d && !(d = w->dedup = calloc(1, sizeof *d))) return CASUS_ENOMEM;
    if ((d->n + 1) * 2 > d->nslots && dedup_rehash(d, d->nslots ? d->nslots * 2 : 64)) return CASUS_ENOMEM;
    uint64_t h = dedup_hash(ev);
    size_t k = (size_t)h & (d->nslots - 1);
    dedup_entry *e = NULL;
    for (; d->slots[k]; k = (k + 1) & (d->nslots - 1)) {
        dedup_entry *c = &d->v[d->slots[k] - 1];
        if (c->hash == h && dedup_same(&c->ev, ev)) {
            e = c;
            break;
        }
    }
    if (!e) {
        if (casus_grow((void **)&d->v, &d->cap, d->n + 1, sizeof *d->v)) return CASUS_ENOMEM;
        size_t need = strlen(ev->id) + strlen(ev->source) + strlen(ev->target) + strlen(ev->code) +
                      strlen(ev->label) + ev->source_text.len + ev->target_text.len + ev->verb_text.len +
                      ev->date_text.len + 9;
        char *mem = malloc(need), *p = mem;
        if (!mem) return CASUS_ENOMEM;
        e = &d->v[d->n];
        memset(e, 0, sizeof *e);
        e->ev = *ev;
        e->mem = mem;
        e->hash = h;
        e->ev.id = dedup_put(&p, ev->id, strlen(ev->id));
        e->ev.source = dedup_put(&p, ev->source, strlen(ev->source));
        e->ev.target = dedup_put(&p, ev->target, strlen(ev->target));
        e->ev.code = dedup_put(&p, ev->code, strlen(ev->code));
        e->ev.label = dedup_put(&p, ev->label, strlen(ev->label));
        dedup_put_text(&p, &e->ev.source_text);
        dedup_put_text(&p, &e->ev.target_text);
        dedup_put_text(&p, &e->ev.verb_text);
        dedup_put_text(&p, &e->ev.date_text);
        d->slots[k] = ++d->n;
    }
    casus_out_mention m = {NULL, ev->sentence};
    /* a mention names the record by the kept copy when it is the same record, else by its own copy */
    if (!strcmp(ev->id, e->ev.id)) m.id = e->ev.id;
    else if (!(m.id = casus_strndup(ev->id, strlen(ev->id)))) return CASUS_ENOMEM;
    if (CASUS_PUSH(e->mentions, e->nmentions, e->cap, m)) {
        if (m.id != e->ev.id) free((void *)m.id);
        return CASUS_ENOMEM;
    }
    return CASUS_OK;
}

static casus_status dedup_flush(casus_writer *w)
{
    dedup *d = w->dedup;
    casus_status st = CASUS_OK;
    for (size_t i = 0; d && i < d->n && st == CASUS_OK; i++) {
        dedup_entry *e = &d->v[i];
        e->ev.mentions = e->mentions;
        e->ev.nmentions = e->nmentions;
        st = w->ops->event(w, &e->ev);
    }
    return st;
}

static void dedup_free(dedup *d)
{
    if (!d) return;
    for (size_t i = 0; i < d->n; i++) {
        dedup_entry *e = &d->v[i];
        for (size_t j = 0; j < e->nmentions; j++)
            if (e->mentions[j].id != e->ev.id) free((void *)e->mentions[j].id);
        free(e->mentions);
        free(e->mem);
    }
    free(d->v);
    free(d->slots);
    free(d);
}

casus_status casus_writer_enrichment(casus_writer *w, const casus_enrichment *en)
{
    if (!w || !w->rec) return CASUS_EINVAL;
    w->has_enrichment = en != NULL;
    if (en) w->en = *en;
    return CASUS_OK;
}

casus_status casus_writer_event(casus_writer *w, const casus_event *e)
{
    if (!w || !w->rec || !e) return CASUS_EINVAL;
    size_t index = w->nevents++;
    if ((w->flags & CASUS_OUT_REQUIRE_DYAD) && (!e->source[0] || !e->target[0])) return CASUS_OK;
    casus_out_event ev;
    ev.id = w->rec->id;
    ev.sentence = w->sentence;
    ev.index = index;
    ev.date = w->date;
    ev.event_date = e->date;
    ev.source = e->source;
    ev.target = e->target;
    ev.code = e->code;
    ev.label = e->label;
    ev.source_text = writer_text(w, e->source_span);
    ev.target_text = writer_text(w, e->target_span);
    ev.verb_text = writer_text(w, e->verb_span);
    ev.flags = e->flags;
    ev.has_info = casus_cameo_lookup(e->code, &ev.info) == CASUS_OK;
    ev.mentions = NULL;
    ev.nmentions = 0;
    ev.has_enrichment = w->has_enrichment;
    ev.date_text = (casus_out_text){0};
    if (w->has_enrichment) {
        ev.en = w->en;
        if (w->en.has_date_span) {
            ev.event_date = w->en.date; /* the sentence says when */
            ev.date_text = writer_text(w, w->en.date_span);
        }
    }
    if ((w->flags & CASUS_OUT_ONE_A_DAY) && w->ops != &casus_out_sqlite) return dedup_add(w, &ev);
    casus_status st = w->ops->event(w, &ev);
    return st == CASUS_OK && w->f && ferror(w->f) ? casus_out_check(w) : st;
}

casus_status casus_writer_end(casus_writer *w)
{
    if (!w || !w->rec) return CASUS_EINVAL;
    casus_status st = w->ops->end ? w->ops->end(w) : CASUS_OK;
    w->rec = NULL;
    return st;
}

const char *casus_writer_error(const casus_writer *w)
{
    return w ? w->err : "";
}

casus_status casus_writer_close(casus_writer *w, int ok, char *err, size_t errlen)
{
    if (err && errlen) err[0] = '\0';
    if (!w) return CASUS_OK;
    casus_status st = CASUS_OK;
    if (ok) st = dedup_flush(w);
    if (st != CASUS_OK) ok = 0;
    if (w->ops->finish) {
        casus_status fst = w->ops->finish(w, ok);
        if (fst != CASUS_OK && st == CASUS_OK) st = fst;
        if (st != CASUS_OK) ok = 0;
    }
    if (w->f) {
        if (ok && (fflush(w->f) || ferror(w->f))) st = casus_out_check(w), ok = 0;
        if (ok && st == CASUS_OK && ferror(w->f)) st = CASUS_EIO;
        if (w->tmp) {
            if (fclose(w->f) && ok) {
                st = casus_out_fail(w, CASUS_EIO, "cannot write %s: %s", w->final, strerror(errno));
                ok = 0;
            }
            if (ok && rename(w->tmp, w->final)) {
                st = casus_out_fail(w, CASUS_EIO, "cannot write %s: %s", w->final, strerror(errno));
                ok = 0;
            }
            if (!ok) unlink(w->tmp);
        }
    }
    writer_copy_err(w, err, errlen);
    dedup_free(w->dedup);
    free(w->tmp);
    free(w->final);
    free(w);
    return st;
}
