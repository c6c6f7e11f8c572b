/* coder.c — the coder handle: options in force, and one call that codes a text. */
#include <stdlib.h>
#include <string.h>

#include "code/coder.h"

casus_coder *casus_coder_new(const casus_dict *dict)
{
    if (!dict || !dict->finished) return NULL;
    casus_coder *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->dict = dict;
    c->opt = dict->options;
    c->fwd_sentence = -1;
    c->present_bits = dict->lex.nnodes;
    c->present = calloc(c->present_bits / 64 + 1, sizeof *c->present);
    if (!c->present) {
        free(c);
        return NULL;
    }
    return c;
}

void casus_coder_free(casus_coder *c)
{
    if (!c) return;
    free(c->filt);
    free(c->filt_src);
    free(c->w);
    free(c->lits);
    free(c->tags);
    free(c->present);
    casus_syntax_doc_free(c->sdoc);
    free(c->temp);
    free(c->raw);
    free(c->events);
    free(c->strings);
    free(c);
}

casus_status casus_coder_set_option(casus_coder *c, const char *line)
{
    int is_label;
    casus_options next = c->opt;
    if (casus_options_apply(&next, line, &is_label)) return CASUS_EFORMAT;
    if (is_label) return CASUS_EFORMAT; /* labels belong to the dictionary */
    c->opt = next;
    return CASUS_OK;
}

void casus_coder_reset(casus_coder *c)
{
    c->fwd_actor = c->fwd_compound = 0;
    c->can_forward = 0;
}

void casus_coder_begin_record(casus_coder *c, const char *id)
{
    const char *f = c->opt.forward;
    char story[32];
    size_t ns = 0;
    long sentence = 0;
    int numeric = 1;
    size_t idlen = strlen(id);
    for (size_t i = 0; f[i]; i++) {
        char ch = i < idlen ? id[i] : '\0';
        if (f[i] == 'N' && ns + 1 < sizeof story) story[ns++] = ch;
        if (f[i] == 'S') {
            if (ch >= '0' && ch <= '9') sentence = sentence * 10 + (ch - '0');
            else numeric = 0;
        }
    }
    story[ns] = '\0';
    if (!numeric) sentence = 0;
    int next = f[0] && c->fwd_sentence >= 0 && !strcmp(story, c->fwd_story) && sentence == c->fwd_sentence + 1;
    if (!next) casus_coder_reset(c);
    memcpy(c->fwd_story, story, ns + 1);
    c->fwd_sentence = f[0] ? sentence : -1;
    c->can_forward = next;
}

casus_status casus_coder_code(casus_coder *c, const char *text, size_t len, int date)
{
    c->nevents = 0;
    c->nraw = 0;
    c->text_flags = 0;
    c->nomem = 0;
    int y = date / 10000, m = date / 100 % 100, d = date % 100;
    if (date < 0 || m < 1 || m > 12 || d < 1 || d > 31) return CASUS_EINVAL;
    c->day = casus_day_from_ymd(y, m, d);
    if (casus_words_make(c, text, len)) return CASUS_ENOMEM;
    casus_syntax_doc_free(c->sdoc);
    c->sdoc = NULL;
    if (c->syntax && casus_syntax_parse_text(c->syntax, text, len, &c->sdoc) != CASUS_OK) return CASUS_ENOMEM;
    casus_parse(c);
    if (!c->too_short && !c->discard && !c->complex && !c->nomem) casus_code_events(c);
    if (!c->too_short && !c->nomem) {
        casus_forward_remember(c);
        c->can_forward = 1;
    }
    if (c->nomem) {
        c->nevents = 0;
        return CASUS_ENOMEM;
    }
    if (c->too_short) c->text_flags = CASUS_TEXT_SKIPPED;
    else if (c->discard) c->text_flags = CASUS_TEXT_DISCARD;
    else if (c->complex) c->text_flags = CASUS_TEXT_COMPLEX;
    else if (c->nevents == 0) c->text_flags = CASUS_TEXT_NOEVENT;
    if (c->text_flags & (CASUS_TEXT_DISCARD | CASUS_TEXT_COMPLEX)) c->nevents = 0;
    return CASUS_OK;
}

size_t casus_coder_event_count(const casus_coder *c) { return c->nevents; }

const casus_event *casus_coder_event(const casus_coder *c, size_t i) { return i < c->nevents ? &c->events[i] : NULL; }

unsigned casus_coder_text_flags(const casus_coder *c) { return c->text_flags; }

void casus_coder_set_syntax(casus_coder *c, const casus_syntax *syntax) { c->syntax = syntax; }

int casus_coder_four_digit_years(const casus_coder *c) { return c->opt.four_digit_years; }

size_t casus_coder_first_actor(const casus_coder *c, char *code, size_t cap)
{
    if (cap) *code = '\0';
    for (size_t i = 0; i < c->nw; i++) {
        const casus_word *w = &c->w[i];
        if (w->wtype != CASUS_W_ACTOR || !w->root || c->dict->roots[w->root].wtype != CASUS_W_ACTOR ||
            !casus_has_head(c, (int)i, CASUS_W_ACTOR))
            continue;
        const casus_code_pair *pairs;
        if (!casus_actor_code_resolve(c->dict, c->dict->roots[w->root].code, c->day, &pairs)) continue;
        const char *text = casus_codes_text(&c->dict->codes, pairs[0].actor);
        size_t n = strlen(text);
        if (n >= cap) return 0;
        memcpy(code, text, n + 1);
        return n;
    }
    return 0;
}
