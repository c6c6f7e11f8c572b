/* match.c — matches a verb pattern around its verb: the part after "*" forwards from the end of
 * the verb root, then the part before "*" backwards from its start.  Matching is greedy and
 * never backtracks: an element that may skip words takes the first word that fits; alternatives
 * { A | B } are tried in order; synonym sets &NAME match any of their members.  The words matched
 * are collected in coder->temp for provenance. */
#include "code/coder.h"
#include "core/grow.h"

typedef struct matcher {
    casus_coder *c;
    const casus_elem *el; /* elements of the phrase being matched */
    int nel;
    int ep;               /* current element */
    int pos;              /* current word */
    int dir;              /* +1 after the verb, -1 before it */
    int skip_mode, full_mode, in_alt;
    int lenalt;
    struct { int pos, ntemp, lenalt, skip_mode; } saved;
} matcher;

enum { FAIL = 0, END = 1, GO = 2 };

static void temp_push(casus_coder *c, int pos)
{
    if (casus_grow((void **)&c->temp, &c->temp_cap, c->ntemp + 1, sizeof *c->temp)) {
        c->nomem = 1;
        return;
    }
    c->temp[c->ntemp++] = pos;
}

int casus_actor_head(casus_coder *c, int loc, int *found)
{
    int ref = casus_reference(c, loc);
    if (ref >= 0 && casus_has_head(c, loc, CASUS_W_PRONOUN)) loc = ref;
    int start = loc;
    while (start >= 0 && !casus_has_head(c, start, CASUS_W_ACTOR)) start--;
    if (start < 0) {
        *found = 0;
        return loc;
    }
    int k = start;
    do temp_push(c, k);
    while (!casus_has_tail(c, k, CASUS_W_ACTOR) && ++k < (int)c->nw);
    *found = 1;
    return start;
}

int casus_actor_tail(const casus_coder *c, int loc)
{
    if (casus_has_head(c, loc, CASUS_W_PRONOUN)) return loc;
    while (loc < c->clause_end && !casus_has_tail(c, loc, CASUS_W_ACTOR)) loc++;
    return loc;
}

/* Head of the compound whose tail tag is at loc, or -1. */
int casus_compound_head_of_tail(const casus_coder *c, int loc)
{
    uint32_t index = casus_tail_index(c, loc, CASUS_TAG_COMPOUND);
    if (!index) return -1;
    int start = loc;
    while (start >= 0 && !casus_has_head_indexed(c, start, CASUS_TAG_COMPOUND, index)) start--;
    return start;
}

/* Does a compound begun at loc have its tail? (A clause elimination may have removed it.) */
static int compound_complete(const casus_coder *c, int loc)
{
    uint32_t index = casus_head_index(c, loc, CASUS_TAG_COMPOUND);
    if (!index) return 0;
    for (int p = loc + 1; p <= (int)c->nw; p++)
        if (casus_has_tail_indexed(c, p, CASUS_TAG_COMPOUND, index)) return 1;
    return 0;
}

int casus_compound_head(casus_coder *c, int loc, int *found)
{
    int start;
    if (casus_has_head(c, loc, CASUS_TAG_COMPOUND)) {
        if (!compound_complete(c, loc)) return -1;
        start = loc;
    } else {
        start = casus_compound_head_of_tail(c, loc);
        if (start < 0) return -1;
    }
    int k = start;
    do temp_push(c, k);
    while (!casus_has_tail(c, k, CASUS_TAG_COMPOUND) && ++k < (int)c->nw);
    *found = 1;
    return start;
}

static int elem_kind(const matcher *m, int ep) { return ep >= 0 && ep < m->nel ? m->el[ep].kind : -1; }

static void save_state(matcher *m)
{
    m->in_alt = 1;
    m->saved.pos = m->pos;
    m->saved.ntemp = (int)m->c->ntemp;
    m->saved.lenalt = m->lenalt;
    m->saved.skip_mode = m->skip_mode;
}

static void restore_state(matcher *m)
{
    m->pos = m->saved.pos;
    m->lenalt = m->saved.lenalt;
    m->c->ntemp = (size_t)m->saved.ntemp;
    m->skip_mode = m->saved.skip_mode;
}

/* Moves to the next element and the next word. */
static int next_check(matcher *m)
{
    if (m->dir > 0) {
        if (m->in_alt && (elem_kind(m, m->ep + 1) == CASUS_E_OR || elem_kind(m, m->ep + 1) == CASUS_E_CLOSE)) {
            m->in_alt = 0; /* an alternative is complete: go on after the group */
            while (m->ep < m->nel && m->el[m->ep].kind != CASUS_E_CLOSE) m->ep++;
            if (m->ep >= m->nel) return END;
        }
        m->skip_mode = (m->el[m->ep].conn & CASUS_CONN_SKIP) != 0;
        m->ep++;
        if (m->ep >= m->nel) return END;
        m->pos++;
        if (m->pos > m->c->clause_end) return FAIL;
    } else {
        m->ep--;
        if (m->ep < 0) return END;
        if (m->in_alt && (m->el[m->ep].kind == CASUS_E_OR || m->el[m->ep].kind == CASUS_E_OPEN)) {
            m->in_alt = 0;
            while (m->ep >= 0 && m->el[m->ep].kind != CASUS_E_OPEN) m->ep--;
            m->ep--;
            if (m->ep < 0) return END;
        }
        m->skip_mode = (m->el[m->ep].conn & CASUS_CONN_SKIP) != 0;
        m->pos--;
        if (m->pos < 0) return FAIL;
    }
    m->full_mode = !(m->el[m->ep].conn & CASUS_CONN_PARTIAL);
    return GO;
}

/* With SET: VERB BOUNDARY, a skip after the verb stops at the next verb: "sends planes to help
   deploy more troops" is no SEND_ * TROOPS.  An infinitive after TO continues the verb's own
   phrase ("offered to start talks") and may be skipped, and so may a root that codes only in
   its patterns ("two Somali suspects": SUSPECTS_ [---]). */
static int ends_skip(const casus_coder *c, int pos)
{
    if (!c->opt.verb_boundary || pos <= 0 || pos >= (int)c->nw || !c->w[pos].root || c->w[pos].wtype != CASUS_W_VERB ||
        !casus_has_head(c, pos, CASUS_W_VERB))
        return 0;
    const casus_dict *d = c->dict;
    const casus_root *r = &d->roots[d->roots[c->w[pos].root].owner];
    if (d->event_codes[r->code].code == CASUS_CODE_NULL) return 0; /* a verb only in its patterns ("suspects ... of") */
    return !casus_word_is(c, pos - 1, "TO");
}

/* Moves to the next word, same element. */
static int continue_check(matcher *m)
{
    const casus_coder *c = m->c;
    if (m->dir > 0 && ends_skip(c, m->pos)) return FAIL; /* the word it would skip is a verb of its own */
    m->pos += m->dir;
    if (m->dir > 0 ? m->pos > c->clause_end : m->pos < 0) return FAIL;
    return GO;
}

static int state_check(matcher *m, int result)
{
    int ok = m->full_mode ? result == 2 : result > 0;
    if (ok) return next_check(m);
    return m->skip_mode ? continue_check(m) : FAIL;
}

/* Compares the current element with the current word: 0 no, 1 partial, 2 exact (and actors). */
static int compare(matcher *m)
{
    casus_coder *c = m->c;
    const casus_elem *e = &m->el[m->ep];
    int pos = m->pos;
    int found = 0;
    int is_actor = pos >= 0 && pos < (int)c->nw && c->w[pos].wtype == CASUS_W_ACTOR;
    switch (e->kind) {
    case CASUS_E_LITERAL: {
        int r = casus_word_has_literal(c, pos, e->id);
        if (r) {
            temp_push(c, pos);
            if (m->in_alt) m->lenalt += (int)casus_lexicon_length(&c->dict->lex, e->id);
        }
        return r;
    }
    case CASUS_E_SOURCE:
        if (is_actor) c->idx_source = casus_actor_head(c, pos, &found);
        break;
    case CASUS_E_TARGET:
        if (is_actor) c->idx_target = casus_actor_head(c, pos, &found);
        break;
    case CASUS_E_ATTRIB:
        if (is_actor) c->idx_attrib = casus_actor_head(c, pos, &found);
        break;
    case CASUS_E_SKIP:
        if (is_actor) {
            size_t keep = c->ntemp;
            if (m->dir > 0) {
                casus_actor_head(c, pos, &found);
                if (found) m->pos = casus_actor_tail(c, pos);
            } else {
                m->pos = casus_actor_head(c, pos, &found);
            }
            c->ntemp = keep;
        }
        break;
    case CASUS_E_COMPOUND:
        if (casus_has_head(c, pos, CASUS_TAG_COMPOUND)) c->idx_compound = casus_compound_head(c, pos, &found);
        break;
    default:
        break;
    }
    return found ? 2 : 0;
}

static int compare_synset(matcher *m);

/* Matches one member of a synonym set at the current word; the position moves to the member's
   last word, or stays where it was when the member does not match. */
static int match_member(matcher *m, const casus_pattern *member)
{
    const casus_elem *el = m->el;
    int nel = m->nel, ep = m->ep, pos = m->pos, skip_mode = m->skip_mode, full_mode = m->full_mode;
    m->el = &m->c->dict->elems[member->phrase];
    m->nel = member->nelem;
    m->ep = m->dir > 0 ? 0 : m->nel - 1; /* before the verb, a member is read from its last word back */
    if (m->dir < 0) m->full_mode = !(m->el[m->ep].conn & CASUS_CONN_PARTIAL);
    int state = GO;
    while (state == GO) {
        int r = m->el[m->ep].kind == CASUS_E_SYNSET ? compare_synset(m) : compare(m);
        state = state_check(m, r);
    }
    m->el = el;
    m->nel = nel;
    m->ep = ep;
    if (state == FAIL) m->pos = pos; /* else the member's last word: the phrase goes on after it */
    m->skip_mode = skip_mode;
    m->full_mode = full_mode;
    return state != FAIL ? 2 : 0;
}

static int compare_synset(matcher *m)
{
    const casus_dict *d = m->c->dict;
    const casus_root *set = &d->roots[m->el[m->ep].id];
    for (uint32_t i = 0; i < set->pat_count; i++)
        if (match_member(m, &d->patterns[set->pat_first + i])) return 2;
    return 0;
}

/* Inside { A | B }: on failure, try the next alternative from the saved position. */
static void next_alternative(matcher *m, int *state)
{
    if (m->dir > 0) {
        while (m->ep < m->nel && m->el[m->ep].kind != CASUS_E_OR && m->el[m->ep].kind != CASUS_E_CLOSE) m->ep++;
        if (m->ep >= m->nel || m->el[m->ep].kind == CASUS_E_CLOSE) return;
    } else {
        while (m->ep >= 0 && m->el[m->ep].kind != CASUS_E_OR && m->el[m->ep].kind != CASUS_E_OPEN) m->ep--;
        if (m->ep < 0 || m->el[m->ep].kind == CASUS_E_OPEN) return;
    }
    restore_state(m);
    m->ep += m->dir;
    if (m->ep < 0 || m->ep >= m->nel) return;
    m->full_mode = !(m->el[m->ep].conn & CASUS_CONN_PARTIAL);
    *state = GO;
}

static int run(matcher *m)
{
    int state = next_check(m);
    while (state == GO) {
        int r;
        const casus_elem *e = &m->el[m->ep];
        if (e->kind == CASUS_E_SYNSET) {
            if (m->dir > 0) {
                r = compare_synset(m);
            } else {
                save_state(m);
                for (;;) {
                    r = compare_synset(m);
                    if (r || continue_check(m) == FAIL) break;
                }
                if (!r) {
                    m->in_alt = 0;
                    restore_state(m);
                }
            }
        } else {
            if (e->kind == (m->dir > 0 ? CASUS_E_OPEN : CASUS_E_CLOSE)) {
                save_state(m);
                m->ep += m->dir;
            }
            r = compare(m);
        }
        state = state_check(m, r);
        if (state == FAIL && m->in_alt) next_alternative(m, &state);
    }
    return state;
}

int casus_pattern_possible(const casus_coder *c, const casus_pattern *p)
{
    const uint32_t *req = c->dict->required + p->req_first;
    for (uint32_t i = 0; i < p->req_count; i++)
        if (!casus_literal_present(c, req[i])) return 0;
    return 1;
}

int casus_pattern_match(casus_coder *c, uint32_t phrase, uint16_t nelem, int loc, casus_wtype wtype, int *lenalt)
{
    matcher m = {.c = c, .el = &c->dict->elems[phrase], .nel = nelem};
    c->ntemp = 0;
    temp_push(c, loc);
    int verb = -1;
    for (int i = 0; i < nelem; i++)
        if (m.el[i].kind == CASUS_E_VERB) {
            verb = i;
            break;
        }
    if (verb < 0) return 0;
    int end = loc;
    while (end < (int)c->nw && !casus_has_tail(c, end, wtype)) end++;
    m.dir = 1;
    m.ep = verb;
    m.pos = end;
    if (run(&m) == FAIL) return 0;
    temp_push(c, -1);
    if (verb > 0) {
        m.dir = -1;
        m.ep = verb;
        m.pos = loc;
        if (run(&m) == FAIL) return 0;
    }
    *lenalt = m.lenalt;
    return 1;
}
