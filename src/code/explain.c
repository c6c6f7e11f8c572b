/* explain.c — says why the coder produced what it did for the last text: each word as the
 * sparse parse saw it (type, dictionary entry and line, segments), the verbs and the pattern or
 * code that fired, and the events with the words that named each part. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code/coder.h"
#include "core/grow.h"

typedef struct out {
    char *s;
    size_t len, cap;
    int failed;
} out;

__attribute__((format(printf, 2, 3))) static void say(out *o, const char *fmt, ...)
{
    if (o->failed) return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        size_t room = o->cap - o->len;
        int n = vsnprintf(o->s ? o->s + o->len : NULL, o->s ? room : 0, fmt, ap);
        va_end(ap);
        if (n < 0) {
            o->failed = 1;
            return;
        }
        if (o->s && (size_t)n < room) {
            o->len += (size_t)n;
            return;
        }
        if (casus_grow((void **)&o->s, &o->cap, o->len + (size_t)n + 256, 1)) {
            o->failed = 1;
            return;
        }
    }
}

static const char *tag_name(uint32_t type)
{
    switch (type) {
    case CASUS_TAG_COMPOUND: return "compound";
    case CASUS_TAG_CLAUSE: return "clause";
    case CASUS_TAG_SUBORD: return "comma-clause";
    default: return NULL;
    }
}

static void segments(const casus_coder *c, out *o, uint32_t list, const char *mark)
{
    for (uint32_t t = list; t; t = c->tags[t].next) {
        const char *name = tag_name(c->tags[t].type);
        if (name) say(o, " %s%s", mark, name);
    }
}

static void word_line(const casus_coder *c, out *o, int i)
{
    const casus_dict *d = c->dict;
    const casus_word *w = &c->w[i];
    say(o, "  %3d  %-18.*s %-12s", i, (int)(w->end - w->start), c->text + w->start, casus_wtype_name((casus_wtype)w->wtype));
    if (w->root) {
        const casus_root *r = &d->roots[w->root];
        say(o, " %s", casus_dict_text(d, r->text));
        if (r->line) say(o, " (%s:%u)", d->files[r->file], r->line);
        if (r->wtype == CASUS_W_ACTOR) {
            const casus_code_pair *pairs;
            size_t n = casus_actor_code_resolve(d, r->code, c->day, &pairs);
            say(o, " ->");
            for (size_t k = 0; k < n; k++) say(o, "%s%s", k ? "/" : " ", casus_codes_text(&d->codes, pairs[k].actor));
            if (!n) say(o, " (no code on this date)");
        } else if (r->wtype == CASUS_W_AGENT) {
            say(o, " -> %s", casus_codes_text(&d->codes, r->code));
        }
    }
    int ref = casus_reference(c, i);
    if (ref >= 0 && ref < (int)c->nw) say(o, " refers to word %d", ref);
    else if (ref >= 0) say(o, " refers to the first actor of the previous sentence");
    segments(c, o, w->head, "begins ");
    segments(c, o, w->tail, "ends ");
    say(o, "\n");
}

static void span_text(const casus_coder *c, out *o, const char *what, casus_span s)
{
    if (s.end > s.start) say(o, " %s \"%.*s\"", what, (int)(s.end - s.start), c->text + s.start);
    else say(o, " %s (default or from an earlier sentence)", what);
}

casus_status casus_coder_explain(const casus_coder *c, char **text)
{
    const casus_dict *d = c->dict;
    out o = {0};
    *text = NULL;
    int y, m, dd;
    casus_ymd_from_day(c->day, &y, &m, &dd);
    say(&o, "text: %.*s\n", (int)c->len, c->text);
    say(&o, "date: %04d-%02d-%02d%s\n", y, m, dd, c->time_shifted ? " (shifted by a time phrase)" : "");
    say(&o, "words:\n");
    for (int i = 0; i < (int)c->nw; i++) word_line(c, &o, i);
    if (c->too_short) say(&o, "result: not coded: fewer than %d words (SET: MINIMUM WORDS)\n", c->opt.min_words);
    else if (c->discard) say(&o, "result: discarded: a discard code (###) matched\n");
    else if (c->complex) say(&o, "result: not coded: %s\n", c->complex_reason[0] ? c->complex_reason : "complex");
    say(&o, "verbs:\n");
    for (size_t k = 0; k < c->nraw; k++) {
        const casus_raw_event *e = &c->raw[k];
        if (k && c->raw[k - 1].verb == e->verb && c->raw[k - 1].pattern == e->pattern) continue;
        const casus_word *w = &c->w[e->verb];
        say(&o, "  word %d \"%.*s\": ", e->verb, (int)(w->end - w->start), c->text + w->start);
        if (e->pattern != UINT32_MAX) {
            const casus_pattern *p = &d->patterns[e->pattern];
            say(&o, "pattern %s (%s:%u)\n", casus_dict_text(d, p->text), d->files[p->file], p->line);
        } else {
            const casus_root *r = &d->roots[w->root];
            say(&o, "no pattern matched; the verb's own code (%s:%u)\n", d->files[r->file], r->line);
        }
    }
    say(&o, "events:\n");
    for (size_t k = 0; k < c->nevents; k++) {
        const casus_event *e = &c->events[k];
        say(&o, "  %s -> %s %s%s%s%s", e->source, e->target, e->code, e->label[0] ? " (" : "", e->label,
            e->label[0] ? ")" : "");
        span_text(c, &o, "source", e->source_span);
        span_text(c, &o, "target", e->target_span);
        span_text(c, &o, "verb", e->verb_span);
        say(&o, "%s\n", e->flags & CASUS_EVENT_PAIRED ? " [paired]" : "");
    }
    if (!c->nevents) say(&o, "  none\n");
    if (o.failed) {
        free(o.s);
        return CASUS_ENOMEM;
    }
    *text = o.s;
    return CASUS_OK;
}
