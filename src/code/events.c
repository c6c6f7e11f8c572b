/* events.c — from a parsed text to events: time shifts, verbs and their patterns, sources and
 * targets (designated by a pattern, or found by the default search), passive voice, paired
 * codes, parsed and coded compounds, subordinate and dominant codes, duplicates. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code/coder.h"
#include "core/grow.h"

static int actor_empty(const casus_actor *a) { return !a->actor && !a->agent && !a->compound; }

static int actor_equal(const casus_actor *a, const casus_actor *b)
{
    return a->actor == b->actor && a->agent == b->agent && a->compound == b->compound;
}

static void actor_zero(casus_actor *a)
{
    memset(a, 0, sizeof *a);
    a->where = -1;
    a->span_first = a->span_last = -1;
    a->agent_where = -1;
}

static int is_default(const casus_actor *a) { return a->where == CASUS_DEFAULT_WHERE; }

static int word_is_compound(const casus_coder *c, int where)
{
    return where >= 0 && where < (int)c->nw && (c->w[where].flags & CASUS_WF_COMPOUND);
}

/* Does the actor at p name the far side of a border ("near the Afghan border", "the border
   region with Rwanda")?  It is a place then, not the country of the people beside it;
   "Pakistan's border" is Pakistan's own. */
static int across_border(const casus_coder *c, int p)
{
    static const char *const borders[] = {"BORDER", "BORDERS", "FRONTIER", "FRONTIERS"};
    int tail = casus_actor_tail(c, p);
    if (tail + 1 < (int)c->nw && casus_word_in(c, tail + 1, borders, 4) && !casus_word_ends(c, tail, "'S")) return 1;
    if (p < 2 || !casus_word_is(c, p - 1, "WITH")) return 0;
    return casus_word_in(c, p - 2, borders, 4) || (p >= 3 && casus_word_in(c, p - 3, borders, 4)); /* "border (region) with" */
}

/* "his supporters", "its troops": the actor a possessive before the agent at loc refers to, the
   nearest one before it; -1 if none. */
int casus_is_possessed(const casus_coder *c, int loc)
{
    static const char *const possessives[] = {"HIS", "HER", "ITS", "THEIR"};
    return loc > 0 && casus_word_in(c, loc - 1, possessives, 4);
}

static int possessor(const casus_coder *c, int loc)
{
    if (!casus_is_possessed(c, loc)) return -1;
    int p = loc - 1;
    while (--p >= 0) {
        const casus_word *w = &c->w[p];
        if (w->wtype == CASUS_W_ACTOR && w->root && c->dict->roots[w->root].wtype == CASUS_W_ACTOR) {
            while (p > 0 && !casus_has_head(c, p, CASUS_W_ACTOR)) p--;
            return p;
        }
    }
    return -1;
}

/* SET: LOCATIVE: "in Baghdad", "arrived in Nairobi" name a place: the country, not the government
   the capital stands for elsewhere ("Baghdad said").  The country's own code when the
   dictionaries have it; the code unchanged otherwise. */
static uint32_t country_of(const casus_coder *c, uint32_t actor)
{
    const char *text = casus_codes_text(&c->dict->codes, actor);
    if (strlen(text) <= 3) return actor;
    uint32_t country = casus_codes_find(&c->dict->codes, text, 3);
    return country != UINT32_MAX && country >= CASUS_CODE_FIRST_REGULAR ? country : actor;
}

/* Is the actor at loc a capital after IN ("in Baghdad"): a place that no default search takes
   as source or target, though a pattern may ("arrived in +")? */
int casus_is_locative(const casus_coder *c, int loc)
{
    if (!c->opt.locative || loc <= 0 || !casus_word_has_literal(c, loc - 1, c->dict->builtin.lit_in)) return 0;
    uint32_t root = c->w[loc].root;
    if (!root || c->dict->roots[root].wtype != CASUS_W_ACTOR) return 0;
    const casus_code_pair *pairs;
    size_t n = casus_actor_code_resolve(c->dict, c->dict->roots[root].code, c->day, &pairs);
    return n == 1 && !pairs[0].agent && country_of(c, pairs[0].actor) != pairs[0].actor;
}

#define WT(t) (1u << CASUS_W_##t)

/* Does a word of list stand at most reach words before p, with only words whose types are in
   the mask between (WT bits) in between, or OF when through_of ("between the government of")? */
static int preceded_by(const casus_coder *c, int p, const char *const *list, size_t n, int reach, uint32_t between,
                       int through_of)
{
    for (int k = 1; k <= reach && p - k >= 0; k++) {
        if (casus_word_in(c, p - k, list, n)) return 1;
        if (!(between >> c->w[p - k].wtype & 1) && !(through_of && casus_word_is(c, p - k, "OF"))) return 0;
    }
    return 0;
}

/* Is the actor at p a place where things happen: a country or capital after IN, ACROSS,
   THROUGHOUT, INSIDE or NEAR, with at most two determiners, adjectives or untyped words between
   ("in the Saudi capital Riyadh", "across northern Iraq", "near the Iraqi city")? */
static int names_place(const casus_coder *c, int p)
{
    static const char *const places[] = {"IN", "ACROSS", "THROUGHOUT", "INSIDE", "NEAR"};
    return preceded_by(c, p, places, sizeof places / sizeof *places, 3, WT(DETERMINER) | WT(NULL) | WT(ADJECTIVE), 0);
}

/* Which actors may lend their country to a lone agent, in the order they are asked. */
enum lender {
    LEND_PLACE, /* a place named after IN, ACROSS ... (names_place), for local agents */
    LEND_PLAIN, /* a plain country ("Iranian", "Syria") or a capital as a place ("in Nairobi"):
                   an actor with a role ("Patrushev": RUSGOV) lends its nationality less readily,
                   and so does a country across a border */
    LEND_ANY,
};

static int lends_country(const casus_coder *c, int p, enum lender lender)
{
    const casus_word *w = &c->w[p];
    if (w->wtype != CASUS_W_ACTOR || !w->root || c->dict->roots[w->root].wtype != CASUS_W_ACTOR ||
        !casus_has_head(c, p, CASUS_W_ACTOR))
        return 0;
    if (lender == LEND_ANY) return 1;
    if (across_border(c, p) || (lender == LEND_PLACE && !names_place(c, p))) return 0;
    if (lender == LEND_PLAIN && casus_is_locative(c, p)) return 1;
    const casus_code_pair *pairs;
    size_t n = casus_actor_code_resolve(c->dict, c->dict->roots[w->root].code, c->day, &pairs);
    if (!n || (lender == LEND_PLACE && (n != 1 || pairs[0].agent))) return 0;
    if (strlen(casus_codes_text(&c->dict->codes, pairs[0].actor)) == 3) return 1;
    return lender == LEND_PLACE && country_of(c, pairs[0].actor) != pairs[0].actor; /* a capital */
}

/* The nearest word of the text, other than loc, that begins an actor lending its country; -1 if none. */
static int nearest_lender(const casus_coder *c, int loc, enum lender lender)
{
    for (int d = 1; d < (int)c->nw; d++)
        for (int side = -1; side <= 1; side += 2) {
            int p = loc + side * d;
            if (p >= 0 && p < (int)c->nw && lends_country(c, p, lender)) return p;
        }
    return -1;
}

/* Agents that belong where they act: rebels, police, civilians, opposition, judges, workers,
   students, health workers.  Officials, soldiers, journalists and refugees often act abroad. */
static int is_local_agent(const casus_coder *c, uint32_t agent)
{
    static const char *const local[] = {"~REB", "~COP", "~CVL", "~OPP", "~JUD", "~LAB", "~EDU", "~HLH"};
    const char *text = casus_codes_text(&c->dict->codes, agent);
    for (size_t i = 0; i < sizeof local / sizeof *local; i++)
        if (!strcmp(text, local[i])) return 1;
    return 0;
}

static int attributive(const casus_coder *c, int pos);

/* A nationality right before an actor of its own country names it less well: "the Palestinian
   Hamas movement" is Hamas (PSEREB), "Lebanese Hezbollah" Hezbollah.  The codes of the actor
   after the one ending at last, when it is such; 0 if not. */
static int named_after_nationality(casus_coder *c, casus_actor *a, int loc, int last)
{
    int next = last + 1;
    if (a->agent || a->compound || !attributive(c, loc) || next >= (int)c->nw || !casus_has_head(c, next, CASUS_W_ACTOR) ||
        !c->w[next].root || c->dict->roots[c->w[next].root].wtype != CASUS_W_ACTOR)
        return 0;
    const casus_code_pair *pairs;
    size_t n = casus_actor_code_resolve(c->dict, c->dict->roots[c->w[next].root].code, c->day, &pairs);
    if (n != 1 || pairs[0].actor < CASUS_CODE_FIRST_REGULAR || country_of(c, pairs[0].actor) != country_of(c, a->actor) ||
        (pairs[0].actor == a->actor && !pairs[0].agent))
        return 0;
    a->actor = pairs[0].actor;
    a->agent = pairs[0].agent;
    return 1;
}

/* The codes of the actor named at loc (a pronoun leads to the actor it stands for). */
static void actor_codes(casus_coder *c, casus_actor *a, int loc)
{
    actor_zero(a);
    int named = loc; /* the words that named it: a pronoun stands for its referent */
    for (int hops = 0; hops < 16 && casus_has_head(c, loc, CASUS_W_PRONOUN); hops++) {
        int ref = casus_reference(c, loc);
        if (ref < 0) break;
        loc = ref;
    }
    uint32_t root = c->w[loc].root;
    if (!root) return;
    const casus_root *r = &c->dict->roots[root];
    a->where = loc;
    a->root = root;
    if (r->wtype == CASUS_W_AGENT) { /* an agent converted to an actor keeps its agent code */
        a->actor = r->code;
        int near = c->opt.convert_agents == 2 ? possessor(c, loc) : -1;
        if (c->opt.convert_agents == 2) {
            if (near < 0 && is_local_agent(c, r->code)) near = nearest_lender(c, loc, LEND_PLACE);
            if (near < 0) near = nearest_lender(c, loc, LEND_PLAIN);
            if (near < 0) near = nearest_lender(c, loc, LEND_ANY);
        }
        if (near >= 0) { /* ... joined to the country of the nearest actor */
            const casus_code_pair *pairs;
            size_t n = casus_actor_code_resolve(c->dict, c->dict->roots[c->w[near].root].code, c->day, &pairs);
            if (n && pairs[0].actor >= CASUS_CODE_FIRST_REGULAR) {
                a->actor = country_of(c, pairs[0].actor);
                a->agent = r->code;
            }
        }
    } else {
        const casus_code_pair *pairs;
        size_t n = casus_actor_code_resolve(c->dict, r->code, c->day, &pairs);
        if (n) {
            a->actor = pairs[0].actor;
            a->agent = pairs[0].agent;
            if (n > 1) a->compound = r->code;
            else if (casus_is_locative(c, loc))
                a->actor = country_of(c, a->actor);
        }
    }
    int last = named;
    while (last < (int)c->nw - 1 && !casus_has_tail(c, last, CASUS_W_ACTOR) && !casus_has_tail(c, last, CASUS_W_AGENT)) last++;
    if (named == loc && named_after_nationality(c, a, loc, last)) {
        last++;
        while (last < (int)c->nw - 1 && !casus_has_tail(c, last, CASUS_W_ACTOR)) last++;
    }
    a->span_first = named;
    a->span_last = last;
}

static int is_former(const casus_coder *c, int pos)
{
    return pos >= 0 && pos < (int)c->nw && c->w[pos].wtype == CASUS_W_ADJECTIVE && c->w[pos].root == c->dict->builtin.former;
}

/* Does the actor word at pos modify a noun that may come later: a nationality ("Iraqi",
   "Kenyan", "Chinese", "British", "French") or a short acronym ("US")? */
static int attributive(const casus_coder *c, int pos)
{
    static const char *const endings[] = {"AN", "ESE", "ISH", "I", "CH", "IC"};
    const casus_word *w = &c->w[pos];
    if (w->wtype != CASUS_W_ACTOR && !casus_has_tail(c, pos, CASUS_W_ACTOR)) return 0;
    if (w->flen <= 3 && !(w->flags & CASUS_WF_MIDCAP)) {
        int capitals = 1;
        for (size_t k = 0; k < w->flen; k++) capitals &= isupper((unsigned char)c->text[w->start + k]) != 0;
        if (capitals) return 1;
    }
    for (size_t i = 0; i < sizeof endings / sizeof *endings; i++)
        if (casus_word_ends(c, pos, endings[i])) return 1;
    return 0;
}

/* "US and Iraqi forces", "French, German and Italian officials": the agent after the last of
   several attributive actors joined by AND or commas is each one's. */
static int shared_agent(casus_coder *c, int tail, casus_actor *a, int former)
{
    int p = tail + 1;
    while (p < (int)c->nw && (c->w[p].wtype == CASUS_W_COMMA || casus_word_is(c, p, "AND"))) {
        p++;
        if (p >= (int)c->nw || !casus_has_head(c, p, CASUS_W_ACTOR)) return 0;
        while (p < (int)c->nw - 1 && !casus_has_tail(c, p, CASUS_W_ACTOR)) p++;
        if (!attributive(c, p)) return 0;
        p++;
    }
    if (p == tail + 1 || p >= (int)c->nw || c->w[p].wtype != CASUS_W_AGENT || !casus_has_head(c, p, CASUS_W_AGENT)) return 0;
    a->agent_root = c->w[p].root;
    a->agent_where = p;
    a->agent = former ? c->dict->builtin.elite : c->dict->roots[a->agent_root].code;
    return 1;
}

/* An agent next to the actor at loc: after it, or before it (optionally across IN or OF);
   FORMER makes it an elite.  A pronoun's agent is its referent's ("Pakistan's President ...
   urged him"), and the pronoun alone stays the words that named it. */
static void find_agent(casus_coder *c, int loc, casus_actor *a)
{
    int pronoun = a->where >= 0 && a->where != loc;
    if (pronoun && !c->opt.pronoun_agents) return;
    if (pronoun) loc = a->where;
    int tail = casus_actor_tail(c, loc);
    int former = 0;
    int found = 0;
    if (is_former(c, tail + 1)) {
        former = 1;
        tail++;
    }
    if (!former && is_former(c, loc - 1)) former = 1;
    if (tail + 1 <= (int)c->nw && c->w[tail + 1].wtype == CASUS_W_AGENT && casus_has_head(c, tail + 1, CASUS_W_AGENT)) {
        a->agent_root = c->w[tail + 1].root;
        a->agent_where = tail + 1;
        a->agent = former ? c->dict->builtin.elite : c->dict->roots[a->agent_root].code;
        found = 1;
        int end = tail + 1;
        while (end < (int)c->nw - 1 && !casus_has_tail(c, end, CASUS_W_AGENT)) end++;
        if (!pronoun && end > a->span_last) a->span_last = end;
    } else {
        int l = loc;
        if (l > 0 && c->w[l - 1].wtype == CASUS_W_PREPOSITION) l--;
        if (l > 0 && c->w[l - 1].wtype == CASUS_W_AGENT && casus_has_tail(c, l - 1, CASUS_W_AGENT)) {
            int start = l - 1;
            while (start >= 0 && !casus_has_head(c, start, CASUS_W_AGENT)) start--;
            if (start >= 0 && !(l < loc && casus_is_possessed(c, start))) { /* "his troops in Ukraine" are his */
                if (!former && is_former(c, start - 1)) former = 1;
                a->agent_root = c->w[start].root;
                a->agent_where = start;
                a->agent = former ? c->dict->builtin.elite : c->dict->roots[a->agent_root].code;
                found = 1;
                if (!pronoun && (a->span_first < 0 || start < a->span_first)) a->span_first = start;
            }
        }
    }
    if (!found && c->opt.titled_compounds && attributive(c, tail)) found = shared_agent(c, tail, a, former);
    /* an agent standing for its actor (CONVERT AGENTS) keeps its own code */
    int stands_for_actor = a->root && c->dict->roots[a->root].wtype == CASUS_W_AGENT;
    if (!found && !stands_for_actor) {
        a->agent = 0;
        a->agent_root = 0;
        a->agent_where = -1;
    }
    if (!found && stands_for_actor) a->agent_where = a->where;
}

static void set_default(casus_coder *c, casus_actor *a, int source)
{
    actor_zero(a);
    a->actor = source ? CASUS_DEFAULT_SOURCE : CASUS_DEFAULT_TARGET;
    a->where = CASUS_DEFAULT_WHERE;
    if (source) c->regular_source = 1;
    else c->regular_target = 1;
}

/* The first actor beginning at or after loc in the clause; -1 if none. */
static int find_actor(casus_coder *c, int loc, casus_actor *a)
{
    for (; loc <= c->clause_end && loc < (int)c->nw; loc++)
        if (c->w[loc].wtype == CASUS_W_ACTOR && casus_has_head(c, loc, CASUS_W_ACTOR) && !casus_is_locative(c, loc)) {
            actor_codes(c, a, loc);
            find_agent(c, loc, a);
            return loc;
        }
    return -1;
}

/* The nearest actor at or before loc in the clause; -1 if none. */
static int back_actor(casus_coder *c, int loc, casus_actor *a)
{
    while (loc >= c->clause_start && loc >= 0) {
        if (c->w[loc].wtype == CASUS_W_ACTOR) {
            size_t keep = c->ntemp;
            int found;
            loc = casus_actor_head(c, loc, &found);
            c->ntemp = keep;
            if (!found) return -1;
            actor_codes(c, a, loc);
            find_agent(c, loc, a);
            return loc;
        }
        loc--;
    }
    return -1;
}

/* An adverb that may stand between a subject or BE and its verb ("reportedly", "also"). */
static int is_adverb(const casus_coder *c, int i)
{
    static const char *const adverbs[] = {"NOT", "ALSO", "NEVER", "NOW", "TODAY", "YESTERDAY", "THEN", "STILL"};
    return i >= 0 && (casus_word_ends(c, i, "LY") || casus_word_in(c, i, adverbs, sizeof adverbs / sizeof *adverbs));
}

/* The relative pronoun just before a verb and its auxiliaries ("who urged", "which also
   rejected", "who has been arrested"), or -1. */
static int relative_before(const casus_coder *c, int verb)
{
    static const char *const relatives[] = {"WHO", "WHICH", "THAT"};
    if (casus_word_ends(c, verb, "ING")) return -1; /* "warned that imposing sanctions ...": no relative */
    int rel = verb - 1;
    if (is_adverb(c, rel)) rel--;
    for (int k = 0; k < 2 && rel > 0 && c->w[rel].wtype == CASUS_W_AUXILIARY; k++) rel--; /* "which were carried out" */
    if (is_adverb(c, rel)) rel--;
    return rel > 0 && casus_word_in(c, rel, relatives, 3) ? rel : -1;
}

/* SET: SUBORDINATE CLAUSES: where a verb's subject is sought.  After a subordinating
   conjunction ("... if rebels withdraw", "the town where gunmen seized a school") the subject
   follows the conjunction; a relative pronoun just before the verb ("the envoy, who urged")
   stands for the word before it.  Returns the word to search from, or -1 when the verb's
   subject is the antecedent of a relative pronoun: *antecedent is then that word, or -1 when
   it is no actor. */
static int subject_search_start(const casus_coder *c, int verb, int *antecedent)
{
    static const char *const subordinators[] = {"IF", "WHEN", "BECAUSE", "WHILE", "UNLESS", "UNTIL", "ALTHOUGH",
                                                "THOUGH", "WHERE", "WHEREAS", "AFTER", "BEFORE", "SINCE"};
    int rel = relative_before(c, verb);
    if (rel > c->clause_start) {
        int p = rel - 1;
        if (c->w[p].wtype == CASUS_W_COMMA && p > c->clause_start) p--;
        while (p > c->clause_start && c->w[p].wtype == CASUS_W_NULL && (c->w[p].flags & CASUS_WF_MIDCAP))
            p--; /* the rest of a name the dictionary does not know: "Pope John Paul II, who" */
        int named = c->w[p].wtype == CASUS_W_ACTOR || c->w[p].wtype == CASUS_W_AGENT; /* "the Bolivian envoy who" */
        *antecedent = named ? p : -1;
        return -1;
    }
    int start = c->clause_start;
    for (int p = c->clause_start + 1; p < verb; p++)
        if (casus_word_in(c, p, subordinators, sizeof subordinators / sizeof *subordinators)) start = p + 1;
    return start;
}

/* Is the verb's subject a relative pronoun standing for no actor ("the bombings, which were
   carried out by ...")?  Then no source of an earlier clause is its subject either. */
static int relative_without_actor(const casus_coder *c, int verb)
{
    int antecedent = -1;
    return c->opt.subordinate_clauses && relative_before(c, verb) > c->clause_start &&
           subject_search_start(c, verb, &antecedent) < 0 && antecedent < 0;
}

/* Does the actor at p, after its verb, name who acted: after BY ("an attack by rebels"), or
   after BETWEEN or AMONG ("clashes between police and protesters", "between the government of
   Sudan")?  Any other actor after
   the verb is its object or a place ("an explosion outside the Australian embassy"). */
static int names_doer(const casus_coder *c, int p)
{
    static const char *const doers[] = {"BY", "BETWEEN", "AMONG"};
    return preceded_by(c, p, doers, 3, 4, WT(DETERMINER) | WT(NULL) | WT(ADJECTIVE) | WT(NUMBER) | WT(AGENT), 1);
}

/* Is the actor at p the object of a preposition of place, direction or target, with at most
   two determiners or adjectives between ("attack on UN vehicle kills
   one", "a bomb outside the Australian embassy killed")?  Such an actor is no subject.  AT, FOR,
   FROM and WITH are left out: they often tell whose the subject is ("delegates at Iraq's
   conference", "helicopters from Jordan"). */
static int object_of_preposition(const casus_coder *c, int p)
{
    static const char *const prepositions[] = {"ON", "AGAINST", "TO", "INTO", "ONTO", "OVER", "TOWARD",
                                               "TOWARDS", "ABOUT", "NEAR", "OUTSIDE", "INSIDE"};
    /* "on Friday, it": no untyped words between, so no object */
    return preceded_by(c, p, prepositions, sizeof prepositions / sizeof *prepositions, 3, WT(DETERMINER) | WT(ADJECTIVE), 0);
}

static void regular_source(casus_coder *c, int verb)
{
    const casus_options *o = &c->opt;
    int loc = c->clause_start;
    casus_actor a;
    if (casus_nominal_passive(c, verb)) { /* "the killing of X by Y": X, named between OF and BY */
        int by = verb + 1;
        while (by < (int)c->nw && c->w[by].wtype != CASUS_W_BY) by++;
        int at = find_actor(c, verb + 1, &a);
        if (at >= 0 && at < by && !actor_equal(&a, &c->target)) {
            c->source = a;
            c->regular_source = 1;
        }
        return;
    }
    if (o->subordinate_clauses) {
        int antecedent = -1;
        loc = subject_search_start(c, verb, &antecedent);
        if (loc < 0) {
            int at = antecedent >= 0 ? back_actor(c, antecedent, &a) : -1;
            if (at >= 0 && at >= antecedent - 3 && !actor_equal(&a, &c->target)) {
                c->source = a;
                c->regular_source = 1;
            }
            return;
        }
        casus_actor first;
        int at = find_actor(c, loc, &first);
        if (at < 0 || at > verb) loc = c->clause_start; /* "after being accused of ...": no subject of its own */
    }
    for (;;) {
        int at = find_actor(c, loc, &a);
        if (at < 0) break;
        if (o->default_prior && at > verb) {
            set_default(c, &c->source, 1);
            return;
        }
        if (o->subordinate_clauses && at > verb && !names_doer(c, at)) return; /* an object, not a subject */
        if (o->subordinate_clauses && at < verb) {
            int modifier = casus_actor_tail(c, at) == verb - 1; /* "stop Israeli attacks": the act's own */
            if (!modifier && casus_uncoded_verb_between(c, loc, at)) return; /* that verb's object */
            if (object_of_preposition(c, at)) {
                loc = at + 1;
                continue;
            }
        }
        if (!actor_equal(&a, &c->target)) {
            c->source = a;
            c->regular_source = 1;
            return;
        }
        loc = at + 1;
    }
    if (o->default_source) set_default(c, &c->source, 1);
}

/* With SET: VERB BOUNDARY, a word the verb's pattern matched ("holding hostage") is no target,
   nor is a lone agent that the pattern skips on its way to a word of its own ("launch
   [military] strikes", "chanting [rebel] slogans"): it describes that word. */
static int in_pattern(const casus_coder *c, int pos)
{
    for (size_t i = 0; i < c->ntemp; i++)
        if (c->temp[i] == pos) return 1;
    return 0;
}

static int modifies_pattern_word(const casus_coder *c, int at)
{
    if (!c->opt.verb_boundary || !c->w[at].root) return 0;
    if (in_pattern(c, at)) return 1; /* "holding hostage": the pattern's own word is no actor */
    return c->dict->roots[c->w[at].root].wtype == CASUS_W_AGENT && in_pattern(c, at + 1);
}

static int passive_with_by(const casus_coder *c, int verb);

/* With SET: PASSIVES, the agent of a passive is the actor after BY, not a place before it:
   "civilians were killed in Gaza by Israeli troops".  The word after BY, or verb + 1. */
static int passive_agent_search(const casus_coder *c, int verb)
{
    if (!c->opt.passives || !passive_with_by(c, verb)) return verb + 1;
    int by = verb + 1;
    while (c->w[by].wtype != CASUS_W_BY) by++;
    return by + 1;
}

static void regular_target(casus_coder *c, int verb)
{
    const casus_options *o = &c->opt;
    casus_actor a;
    int loc = passive_agent_search(c, verb);
    for (;;) {
        int at = find_actor(c, loc, &a);
        if (at < 0) break;
        if (!actor_equal(&a, &c->source) && !modifies_pattern_word(c, at)) {
            c->target = a;
            c->regular_target = 1;
            return;
        }
        loc = at + 1;
    }
    if (o->default_after) {
        set_default(c, &c->target, 0);
        return;
    }
    loc = verb - 1;
    for (;;) {
        int at = o->targets_before ? back_actor(c, loc, &a) : -1;
        if (at < 0) break;
        if (!actor_equal(&a, &c->source)) {
            c->target = a;
            return;
        }
        loc = (at <= loc ? at : loc) - 1; /* a pronoun's referent may lie ahead: never go back up */
    }
    if (c->source.compound || word_is_compound(c, c->source.where)) c->target = c->source;
    else if (o->default_source) set_default(c, &c->target, 0);
}

/* BY within three words after the verb. */
static int has_by_after(const casus_coder *c, int verb)
{
    int by = 0;
    for (int k = 1; k <= 3 && verb + k < (int)c->nw; k++) by |= c->w[verb + k].wtype == CASUS_W_BY;
    return by;
}

static int has_auxiliary_before(const casus_coder *c, int verb)
{
    return (verb > 0 && c->w[verb - 1].wtype == CASUS_W_AUXILIARY) || (verb > 1 && c->w[verb - 2].wtype == CASUS_W_AUXILIARY);
}

/* Is the verb root at pos in a list of roots (" SAY_ TELL_ ")? */
static int root_in_list(const casus_coder *c, int pos, const char *list)
{
    const casus_dict *d = c->dict;
    const casus_root *r = &d->roots[d->roots[c->w[pos].root].owner];
    const char *text = d->texts + r->text;
    size_t n = strlen(text);
    for (const char *p = strstr(list, text); p; p = strstr(p + 1, text))
        if (p[-1] == ' ' && p[n] == ' ') return 1;
    return 0;
}

static int is_form_of_be(const casus_coder *c, int i)
{
    static const char *const be[] = {"IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING"};
    return casus_word_in(c, i, be, sizeof be / sizeof *be);
}

/* Is the verb at pos a past participle in form: a regular -ED, or an irregular one? */
static int participle_form(const casus_coder *c, int pos)
{
    static const char *const irregular[] = {"HELD",   "TAKEN", "SHOT",   "HIT",    "CAUGHT", "SENT",   "HURT",
                                            "FOUND",  "SEEN",  "BEATEN", "GIVEN",  "DRIVEN", "THROWN", "STOLEN",
                                            "BROKEN", "KEPT",  "SOLD",   "BROUGHT", "TORN",  "SLAIN",  "STRUCK"};
    return casus_word_ends(c, pos, "ED") || casus_word_in(c, pos, irregular, sizeof irregular / sizeof *irregular);
}

/* Can the word at pos end the noun phrase a participle follows ("Indian truck drivers held")? An
   actor or agent, or an untyped word after one; a relative pronoun is no noun ("who killed"). */
static int ends_noun_phrase(const casus_coder *c, int pos)
{
    static const char *const relatives[] = {"WHO", "WHICH", "THAT", "WHAT"};
    if (casus_has_tail(c, pos, CASUS_W_ACTOR) || casus_has_tail(c, pos, CASUS_W_AGENT)) return 1;
    for (int p = pos; p >= c->clause_start && p >= 0; p--) {
        casus_wtype t = c->w[p].wtype;
        if (t == CASUS_W_ACTOR || t == CASUS_W_AGENT) return 1;
        if ((t != CASUS_W_NULL && t != CASUS_W_NOUN && t != CASUS_W_NUMBER) || casus_word_in(c, p, relatives, 4)) return 0;
    }
    return 0;
}

/* SET: REDUCED PASSIVES: a participle right after the actor it happened to, with no form of BE
   ("14 militants killed in Gaza", "drivers held hostage in Iraq", "a policewoman accused in the
   scandal").  What comes after the verb (and an adverb, a time or a complement such as HOSTAGE)
   tells it from a past tense: a preposition of place, time or cause, BY, a comma or the clause's end, where a past
   tense that takes an object has one ("militants killed four soldiers").  Roots listed INTRANSITIVE have no passive. */
static int is_reduced_passive(const casus_coder *c, int verb)
{
    if (!c->opt.reduced_passives || !participle_form(c, verb) || root_in_list(c, verb, c->opt.intransitive)) return 0;
    int before = verb - 1;
    if (is_adverb(c, before)) before--;
    if (before < c->clause_start || before < 0 || !ends_noun_phrase(c, before)) return 0;
    static const char *const complements[] = {"HOSTAGE", "CAPTIVE", "PRISONER", "DEAD", "ALIVE"};
    int next = verb;
    while (next < (int)c->nw - 1 && !casus_has_tail(c, next, CASUS_W_VERB)) next++;
    for (next++;; next++) { /* past adverbs, times and what the participle makes its subject ("held hostage") */
        if (next > c->clause_end || next >= (int)c->nw) return 1;
        if (!is_adverb(c, next) && c->w[next].wtype != CASUS_W_TIME && !casus_word_in(c, next, complements, 5)) break;
    }
    static const char *const adjuncts[] = {"IN",     "ON",     "AT",      "NEAR",   "DURING", "AFTER",
                                           "OVER",   "FOR",    "FROM",    "AMID",   "INSIDE", "OUTSIDE",
                                           "ACROSS", "SINCE",  "WITHOUT", "UNDER",  "AS",     "BEFORE"};
    if (casus_word_is(c, next, "TO") && root_in_list(c, verb, c->opt.appeal))
        return 1; /* "Blair urged to launch a probe": one urges someone, so a TO right after is passive */
    if (in_pattern(c, next)) return 0; /* a particle of the verb's pattern: "called on", "handed over" */
    casus_wtype t = c->w[next].wtype;
    return t == CASUS_W_COMMA || t == CASUS_W_BY || casus_word_in(c, next, adjuncts, sizeof adjuncts / sizeof *adjuncts);
}

/* SET: PASSIVES: a participle after a form of BE ("was accused", "has been arrested", "were
   reportedly detained"), one adverb allowed between, and its root not a STATIVE one ("is
   concerned", "was prepared to"). */
static int is_passive_form(const casus_coder *c, int verb)
{
    if (!c->opt.passives || casus_word_ends(c, verb, "ING")) return 0;
    int be = verb - 1;
    if (!is_form_of_be(c, be)) {
        if (!is_adverb(c, be) || !is_form_of_be(c, be - 1)) return is_reduced_passive(c, verb);
        be--;
    }
    if (be < c->clause_start) return 0;
    return !root_in_list(c, verb, c->opt.stative);
}

/* Passive voice with its agent named: BY within three words after the verb, and WAS/WERE/BEEN
   one or two words before it or a passive form. */
static int passive_with_by(const casus_coder *c, int verb)
{
    if (casus_nominal_passive(c, verb)) return 1;
    return has_by_after(c, verb) && (has_auxiliary_before(c, verb) || is_passive_form(c, verb));
}

static int is_passive(casus_coder *c, int verb)
{
    if (!passive_with_by(c, verb)) return 0;
    c->passive = 1;
    return 1;
}

static void match_span(const casus_coder *c, int verb, int *first, int *last)
{
    *first = *last = verb;
    for (size_t i = 0; i < c->ntemp; i++) {
        int p = c->temp[i];
        if (p < 0) continue;
        if (p < *first) *first = p;
        if (p > *last) *last = p;
    }
    int end = verb;
    while (end < (int)c->nw - 1 && !casus_has_tail(c, end, CASUS_W_VERB)) end++;
    if (end > *last) *last = end;
}

/* SET: MODAL VERBS.  What is vowed, threatened, asked for or demanded is not done: "vowed to
   attack" and "threat to strike" are threats (CAMEO 13), "pledged to send aid" an intent (03),
   "urged Sudan to resume talks" an appeal (02), "demanded Israel release" a demand (10).  The kinds: */
enum { MODAL_NONE, MODAL_INTENT, MODAL_THREAT, MODAL_APPEAL, MODAL_DEMAND };

/* Does the modal ask another to act (an appeal or a demand), rather than tell what its subject
   will do? */
static int asks_another(int kind)
{
    return kind == MODAL_APPEAL || kind == MODAL_DEMAND;
}

/* The kind a noun or adjective before TO gives the verb at pos ("Rwanda's threat to launch
   strikes", "is ready to resume talks"). */
static int nominal_modal(const casus_coder *c, int pos)
{
    static const char *const threats[] = {"THREAT", "THREATS", "ULTIMATUM"};
    static const char *const intents[] = {"PLEDGE", "PLEDGES", "VOW", "VOWS", "PROMISE", "PROMISES", "PLAN", "PLANS",
                                          "INTENTION", "READY", "PREPARED", "WILLING", "DETERMINED"};
    if (pos < 2 || !casus_word_is(c, pos - 1, "TO")) return MODAL_NONE;
    if (casus_word_in(c, pos - 2, threats, sizeof threats / sizeof *threats)) return MODAL_THREAT;
    if (casus_word_in(c, pos - 2, intents, sizeof intents / sizeof *intents)) return MODAL_INTENT;
    return MODAL_NONE;
}

/* The kind a modal auxiliary or an expectation before the verb at pos gives its act (code):
   violence that WOULD, COULD, MIGHT or MAY happen is threatened ("saying it would kill one
   captive", "would soon attack rebels"); what is LIKELY or EXPECTED TO happen is intended
   ("are likely to restart talks"). */
static int conditional_modal(const casus_coder *c, int pos, uint32_t code)
{
    static const char *const auxiliaries[] = {"WOULD", "COULD", "MIGHT", "MAY"};
    static const char *const expectations[] = {"LIKELY", "EXPECTED"};
    int before = pos - 1;
    if (is_adverb(c, before)) before--;
    if (before < 1) return MODAL_NONE;
    if (casus_word_is(c, before, "TO") && casus_word_in(c, before - 1, expectations, 2)) return MODAL_INTENT;
    int root = casus_cameo_root(casus_codes_text(&c->dict->codes, code));
    return root >= 14 && casus_word_in(c, before, auxiliaries, 4) ? MODAL_THREAT : MODAL_NONE;
}

/* The kind of modal the verb root at pos is, by the option lists. */
static int modal_kind(const casus_coder *c, int pos)
{
    if (!c->opt.modal) return MODAL_NONE;
    if (root_in_list(c, pos, c->opt.threat)) return MODAL_THREAT;
    if (root_in_list(c, pos, c->opt.intent)) return MODAL_INTENT;
    if (root_in_list(c, pos, c->opt.appeal)) return MODAL_APPEAL;
    if (root_in_list(c, pos, c->opt.demand)) return MODAL_DEMAND;
    return MODAL_NONE;
}

/* CAMEO's appeals (02), intents (03) and demands (10) share their sub-codes: 1 material
   cooperation, 2 diplomatic cooperation, 3 aid, 4 political reform, 5 yielding (51 ... 56 as
   081, 082, 084 ... 087), 6 meeting.  The code of the family (its two digits) that an act asks
   for: consultation (04) asks for a meeting, 0841 (release) for 0353 under 03; its most specific
   form the code table has, NULL for acts the family has no code for. */
static const char *parallel_code(const char *code, const char *family, char *buf, size_t size)
{
    size_t n = strlen(code);
    char third = n > 2 ? code[2] : '0', fourth = n > 3 ? code[3] : '\0';
    int in14 = third >= '1' && third <= '4';
    switch (casus_cameo_root(code)) {
    case 4: snprintf(buf, size, "%s6", family); break;
    case 5: snprintf(buf, size, "%s2", family); break;
    case 6: snprintf(buf, size, in14 ? "%s1%c" : "%s1", family, third); break;
    case 7: snprintf(buf, size, in14 ? "%s3%c" : "%s3", family, third); break;
    case 8:
        if (third < '1' || third > '7') snprintf(buf, size, "%s5", family);
        else if (third == '3') snprintf(buf, size, fourth >= '1' && fourth <= '4' ? "%s4%c" : "%s4", family, fourth);
        else snprintf(buf, size, "%s5%c", family, third < '3' ? third : (char)(third - 1));
        break;
    default: return NULL;
    }
    return buf;
}

/* The code an act takes when it is only threatened, intended, asked for or demanded: violence
   threatened or vowed is 138 (1381 blockade, 1382 occupation, 1383 unconventional violence, 1384
   conventional attack, 1385 weapons of mass destruction), coercion 137, protest 133, reduced
   relations 131; other threats 130; cooperation the family's parallel code.  UINT32_MAX: no
   code of its own (the act's code stands for a vow, the appeal's own for an appeal). */
static uint32_t modal_code(const casus_coder *c, const char *code, int kind)
{
    int root = casus_cameo_root(code);
    char buf[8];
    const char *meant = NULL;
    if ((kind == MODAL_INTENT || kind == MODAL_THREAT) && root >= 14 && root <= 20) {
        if (root == 20) meant = "1385";
        else if (root == 18) meant = "1383";
        else if (root == 19) meant = !strncmp(code, "191", 3) ? "1381" : !strncmp(code, "192", 3) ? "1382" : "1384";
        else meant = root == 17 ? "137" : root == 16 ? "131" : root == 14 ? "133" : "130";
    } else if (kind == MODAL_THREAT) {
        meant = root >= 1 && root <= 8 ? "130" : NULL;
    } else if (kind != MODAL_NONE) {
        const char *family = kind == MODAL_INTENT ? "03" : kind == MODAL_APPEAL ? "02" : "10";
        meant = parallel_code(code, family, buf, sizeof buf);
    }
    if (!meant) return UINT32_MAX;
    const casus_codes *codes = &c->dict->codes;
    uint32_t id = casus_codes_find(codes, meant, strlen(meant));
    return id != UINT32_MAX || strlen(meant) < 4 ? id : casus_codes_find(codes, meant, 3);
}

/* CAMEO keeps 19 for force used by armed forces and groups: a killing by one person named as
   such ("a policeman", "a gunman", "a soldier") is a physical assault, 1823. */
static int killing_by_one(const casus_coder *c, const casus_actor *s, uint32_t code, int verb)
{
    static const char *const groups[] = {"ARMY", "POLICE", "MILITARY", "MILITIA", "GOVERNMENT", "FORCE", "REGIME", "NAVY",
                                         "GUARD", "JUNTA", "ADMINISTRATION", "GROUP", "MOVEMENT", "COMMAND", "UNIT",
                                         "PEOPLE", "CHILDREN", "WOMEN", "CABINET", "LEADERSHIP", "OPPOSITION"};
    static const char *const plural[] = {"THEY", "THEM", "WE"};
    if (s->agent_where < 0 || strcmp(casus_codes_text(&c->dict->codes, code), "190") || !root_in_list(c, verb, " KILL_ SLAY_ "))
        return 0;
    if (s->span_first >= 0 && casus_word_in(c, s->span_first, plural, 3)) return 0; /* "police ... when they killed" */
    int last = s->agent_where;
    while (last < (int)c->nw - 1 && !casus_has_tail(c, last, CASUS_W_AGENT) && !casus_has_tail(c, last, CASUS_W_ACTOR)) last++;
    if (casus_word_ends(c, last, "S") || casus_word_ends(c, last, "MEN")) return 0;
    return !casus_word_in(c, last, groups, sizeof groups / sizeof *groups);
}

/* Is the source a vehicle its country's name only describes ("a British Airways passenger plane
   flying to London", "a Greek airliner landing in Britain")?  A plane's journey is no visit. */
static int vehicle_visit(const casus_coder *c, const casus_actor *s, uint32_t code, int verb)
{
    static const char *const vehicles[] = {"PLANE",   "PLANES",  "AIRLINER", "AIRLINERS", "JET",   "JETS",
                                           "JETLINER", "AIRCRAFT", "FLIGHT",  "FLIGHTS",   "AIRWAYS", "AIRLINES",
                                           "HELICOPTER", "HELICOPTERS", "SHIP", "SHIPS", "VESSEL", "VESSELS",
                                           "TANKER",  "TANKERS", "TRAIN",    "TRAINS",    "BUS",     "BUSES"};
    const char *text = casus_codes_text(&c->dict->codes, code);
    if (strcmp(text, "042") && strcmp(text, "043")) return 0;
    for (int p = s->span_last + 1; p >= 1 && p <= s->span_last + 4 && p < verb; p++)
        if (casus_word_in(c, p, vehicles, sizeof vehicles / sizeof *vehicles)) return 1;
    return 0;
}

static void put_event(casus_coder *c, uint32_t ecode, uint32_t pattern, int verb, const casus_actor *s, const casus_actor *t)
{
    const casus_event_code *ec = &c->dict->event_codes[ecode];
    if (vehicle_visit(c, s, ec->code, verb)) return;
    casus_raw_event e = {.source = *s, .target = *t, .code = ec->code, .is_event = 1, .verb = verb,
                         .pattern = pattern, .day = c->day};
    if (killing_by_one(c, s, e.code, verb)) {
        uint32_t assault = casus_codes_find(&c->dict->codes, "1823", 4);
        if (assault != UINT32_MAX) e.code = assault;
    }
    int modal = !c->opt.modal ? MODAL_NONE : verb == c->modal_verb ? c->modal_kind : nominal_modal(c, verb);
    if (c->opt.modal && modal == MODAL_NONE) modal = conditional_modal(c, verb, ec->code);
    uint32_t meant_code = modal != MODAL_NONE ? modal_code(c, casus_codes_text(&c->dict->codes, ec->code), modal) : UINT32_MAX;
    if (meant_code != UINT32_MAX) e.code = meant_code;
    if (verb == c->modal_verb) { /* the act vowed or threatened replaces the vow's own events */
        for (size_t i = c->modal_first; i < c->modal_end && i < c->nraw; i++) c->raw[i].is_event = 0;
        c->modal_end = c->modal_first;
    }
    e.subordinate = ec->code_prec == CASUS_PREC_SUBORDINATE;
    e.dominant = ec->code_prec == CASUS_PREC_DOMINANT;
    match_span(c, verb, &e.match_first, &e.match_last);
    if (meant_code != UINT32_MAX) { /* the words say it was vowed or threatened: "vowed to attack" */
        int from = verb == c->modal_verb ? c->modal_from : verb - 2;
        if (from >= 0 && from < e.match_first) e.match_first = from;
    }
    c->last_source = *s;
    c->last_target = *t;
    c->have_last = 1;
    c->last_incident = actor_empty(s);
    if (CASUS_PUSH(c->raw, c->nraw, c->raw_cap, e)) {
        c->nomem = 1;
        return;
    }
    if (ec->pair && meant_code == UINT32_MAX) { /* a threat or a pledge goes one way */
        casus_raw_event p = e;
        p.source = *t;
        p.target = *s;
        p.code = ec->pair;
        p.subordinate = ec->pair_prec == CASUS_PREC_SUBORDINATE;
        p.dominant = ec->pair_prec == CASUS_PREC_DOMINANT;
        p.paired = 1;
        if (CASUS_PUSH(c->raw, c->nraw, c->raw_cap, p)) c->nomem = 1;
    }
}

static int is_connector(const casus_coder *c, int p)
{
    return c->w[p].wtype == CASUS_W_CONJUNCTION || c->w[p].wtype == CASUS_W_COMMA;
}

/* SET: COMPOUND TITLES: a compound's member may name its actor more than once ("French
   President Jacques Chirac"); the last actor before the next AND or comma codes it. */
static int member_actor(const casus_coder *c, int idx)
{
    if (!c->opt.titled_compounds || idx < 0 || !word_is_compound(c, idx)) return idx;
    int best = idx;
    for (int p = idx; p < (int)c->nw && word_is_compound(c, p) && !is_connector(c, p); p++) {
        if (p > idx && c->w[p].root && c->w[p].wtype == CASUS_W_ACTOR && casus_has_head(c, p, CASUS_W_ACTOR)) best = p;
        if (casus_has_tail(c, p, CASUS_TAG_COMPOUND)) break;
    }
    return best;
}

/* The next actor of a parsed compound after idx; -1 past the text.  *last is set when it ends
   the compound. */
static int next_member(casus_coder *c, int idx, int *last)
{
    if (c->opt.titled_compounds) { /* past the rest of this member */
        while (idx < (int)c->nw && !is_connector(c, idx)) {
            if (casus_has_tail(c, idx, CASUS_TAG_COMPOUND)) return -1;
            idx++;
        }
    }
    idx++;
    while (idx < (int)c->nw && (!c->w[idx].root || c->w[idx].wtype != CASUS_W_ACTOR)) idx++;
    if (idx >= (int)c->nw) return -1;
    int k = idx;
    while (k < (int)c->nw && !casus_has_tail(c, k, CASUS_W_ACTOR)) k++;
    if (k >= (int)c->nw) return -1;
    *last = casus_has_tail(c, k, CASUS_TAG_COMPOUND);
    if (c->opt.titled_compounds) {
        int m = member_actor(c, idx);
        for (int p = idx; p <= m && !*last; p++) *last = casus_has_tail(c, p, CASUS_TAG_COMPOUND);
        for (k = m; k < (int)c->nw && !casus_has_tail(c, k, CASUS_W_ACTOR); k++) {}
        if (k < (int)c->nw) *last |= casus_has_tail(c, k, CASUS_TAG_COMPOUND);
    }
    return idx;
}

static int starts_compound(casus_coder *c, const casus_actor *a)
{
    if (!word_is_compound(c, a->where) || !casus_has_head(c, a->where, CASUS_TAG_COMPOUND)) return 0;
    uint32_t index = casus_head_index(c, a->where, CASUS_TAG_COMPOUND);
    for (int p = a->where + 1; p < (int)c->nw; p++)
        if (casus_has_tail_indexed(c, p, CASUS_TAG_COMPOUND, index)) return 1;
    return casus_has_tail_indexed(c, a->where, CASUS_TAG_COMPOUND, index);
}

/* Is the event code violence (CAMEO roots 18 to 20: assault, fight, mass violence)? */
static int is_violence(const casus_coder *c, uint32_t ecode)
{
    int root = casus_cameo_root(casus_codes_text(&c->dict->codes, c->dict->event_codes[ecode].code));
    return root >= 18 && root <= 20;
}

/* With SET: INCIDENTS, violence whose perpetrator the clause does not name keeps an empty
   source: "three soldiers were killed" (a passive without BY: the actor before the verb is the
   victim) and "a car bomb killed three soldiers" (no actor before the verb).  Returns 1 when the
   event is such an incident; its target, if any, is then set. */
static int unnamed_perpetrator(casus_coder *c, int verb)
{
    casus_actor a;
    if (casus_nominal_passive(c, verb)) return 0; /* named after BY */
    if ((has_auxiliary_before(c, verb) || is_passive_form(c, verb)) && !has_by_after(c, verb)) {
        if (actor_empty(&c->target) && back_actor(c, verb - 1, &a) >= 0) c->target = a;
        return 1;
    }
    int at = find_actor(c, c->clause_start, &a);
    if (at >= 0 && at < verb) return 0;
    if (actor_empty(&c->target)) regular_target(c, verb);
    return 1;
}

/* SET: SHARED SUBJECT: a participle after a comma (", killing three") or after another
   ("killing and wounding") tells more of the event before it and shares its source. */
static int is_participle_adjunct(const casus_coder *c, int verb)
{
    if (verb < 2 || !casus_word_ends(c, verb, "ING")) return 0;
    if (c->w[verb - 1].wtype == CASUS_W_COMMA) return 1;
    return c->w[verb - 1].wtype == CASUS_W_CONJUNCTION && casus_word_ends(c, verb - 2, "ING") && casus_has_tail(c, verb - 2, CASUS_W_VERB);
}

/* An act only asked for or demanded ("urged Sudan to resume talks") is no event: the appeal's
   own events take the sub-code of what it asks for, and reach to the act's words. */
static void asked_for(casus_coder *c, uint32_t ecode, int verb)
{
    uint32_t code = c->dict->event_codes[ecode].code;
    uint32_t meant = modal_code(c, casus_codes_text(&c->dict->codes, code), c->modal_kind);
    int first, last;
    match_span(c, verb, &first, &last);
    for (size_t i = c->modal_first; i < c->modal_end && i < c->nraw; i++) {
        if (meant != UINT32_MAX) c->raw[i].code = meant;
        if (last > c->raw[i].match_last) c->raw[i].match_last = last;
    }
}

/* Is the act at verb only expected, planned or feared ("a widely expected attack", "residents
   feared attacks", "a foiled bombing")?  Then nothing happened to code. */
static int unreal_act(const casus_coder *c, int verb)
{
    static const char *const unreal[] = {"POSSIBLE", "POTENTIAL", "PLANNED", "EXPECTED", "IMMINENT",  "FEARED",
                                         "ANTICIPATED", "LOOMING", "FOILED",  "THWARTED", "AVERTED"};
    int before = verb - 1;
    if (is_adverb(c, before)) before--;
    return before >= 0 && casus_word_in(c, before, unreal, sizeof unreal / sizeof *unreal);
}

/* SET: MUTUAL COMPOUNDS: a compound with no target acts on itself only in mutual acts: intents,
   consultation, cooperation, yielding and fighting (CAMEO 03 to 08 but 07, and 19: "Moldova and
   Romania signed a treaty", "police and protesters clashed"), not in "Moldova and Romania
   condemned the attack" or "police and troops fired tear gas at crowds". */
static int acts_on_itself(const casus_coder *c, uint32_t ecode)
{
    if (!c->opt.mutual_compounds || c->target.where < 0 || c->target.where != c->source.where ||
        !word_is_compound(c, c->source.where))
        return 0;
    const casus_event_code *ec = &c->dict->event_codes[ecode];
    if (ec->pair) return 0; /* the dictionary says the act goes both ways: "traded barbs" */
    int root = casus_cameo_root(casus_codes_text(&c->dict->codes, ec->code));
    return !((root >= 3 && root <= 8 && root != 7) || root == 19);
}

static void make_event(casus_coder *c, uint32_t ecode, uint32_t pattern, int verb)
{
    if (c->dict->event_codes[ecode].code == CASUS_CODE_NULL) {
        c->null_verb = 1;
        return;
    }
    if (verb == c->modal_verb && asks_another(c->modal_kind)) {
        asked_for(c, ecode, verb);
        return;
    }
    if (c->opt.modal && unreal_act(c, verb)) return;
    if (c->opt.shared_subject && c->have_last && c->idx_source < 0 && is_participle_adjunct(c, verb)) {
        if (c->last_incident) {
            if (!c->opt.incidents || !is_violence(c, ecode)) return;
            actor_zero(&c->source);
            if (actor_empty(&c->target)) regular_target(c, verb);
            put_event(c, ecode, pattern, verb, &c->source, &c->target);
            if (c->nraw) c->raw[c->nraw - 1].incident = 1;
            if (!c->regular_target) actor_zero(&c->target);
            return;
        }
        c->source = c->last_source;
        c->regular_source = 0;
        int first, last;
        if (casus_adjunct_subject(c, verb, &first, &last)) { /* "X said that Y attacked, denouncing it": X */
            casus_actor a;
            int at = find_actor(c, first, &a);
            if (at >= 0 && at <= last) c->source = a;
        }
        if (actor_empty(&c->target)) { /* the victims named after it, else the earlier event's target */
            casus_actor a;
            int at = find_actor(c, verb + 1, &a);
            /* a lone agent ("killing 14 militants") is taken to be of the target named before */
            int lone_agent = at >= 0 && a.root && c->dict->roots[a.root].wtype == CASUS_W_AGENT && !actor_empty(&c->last_target);
            c->target = at >= 0 && !lone_agent && !actor_equal(&a, &c->source) ? a : c->last_target;
        }
    }
    if (c->opt.incidents && actor_empty(&c->source) && is_violence(c, ecode) && unnamed_perpetrator(c, verb)) {
        put_event(c, ecode, pattern, verb, &c->source, &c->target);
        if (c->nraw) c->raw[c->nraw - 1].incident = 1;
        if (!c->regular_target) actor_zero(&c->target);
        return;
    }
    if (c->idx_source < 0 && (relative_without_actor(c, verb) || casus_nominal_passive(c, verb))) {
        actor_zero(&c->source);
        c->regular_source = 0;
    }
    if (c->idx_source < 0 && !has_by_after(c, verb) && is_passive_form(c, verb)) {
        /* "X was accused of ...": X underwent it, and who did it is not said */
        if (!c->regular_source) actor_zero(&c->source);
        if (!c->regular_target) actor_zero(&c->target);
        return;
    }
    if (actor_empty(&c->source)) regular_source(c, verb);
    if (actor_empty(&c->target)) regular_target(c, verb);
    if (actor_empty(&c->source) || actor_empty(&c->target)) return;
    if (acts_on_itself(c, ecode)) {
        if (!c->regular_source) actor_zero(&c->source);
        actor_zero(&c->target);
        return;
    }
    if (c->regular_source && c->regular_target && is_passive(c, verb)) {
        casus_actor tmp = c->source;
        c->source = c->target;
        c->target = tmp;
    }
    if (!word_is_compound(c, c->source.where) && !word_is_compound(c, c->target.where)) {
        put_event(c, ecode, pattern, verb, &c->source, &c->target);
    } else {
        int more_sources = starts_compound(c, &c->source);
        int si = c->source.where;
        for (;;) {
            casus_actor s;
            if (is_default(&c->source)) s = c->source;
            else {
                int m = member_actor(c, si);
                actor_codes(c, &s, m);
                find_agent(c, m, &s);
            }
            int more_targets = starts_compound(c, &c->target);
            int ti = c->target.where;
            for (;;) {
                casus_actor t;
                if (is_default(&c->target)) t = c->target;
                else {
                    int m = member_actor(c, ti);
                    actor_codes(c, &t, m);
                    find_agent(c, m, &t);
                }
                put_event(c, ecode, pattern, verb, &s, &t);
                if (!more_targets) break;
                int last = 0;
                ti = next_member(c, ti, &last);
                if (ti < 0) return;
                if (last) more_targets = 0;
            }
            if (!more_sources) break;
            int last = 0;
            si = next_member(c, si, &last);
            if (si < 0) return;
            if (last) more_sources = 0;
        }
    }
    if (!c->regular_source) actor_zero(&c->source);
    if (!c->regular_target) actor_zero(&c->target);
}

/* With SET: VERB BOUNDARY, is an actor the verb's object: the first actor after it, before any
   preposition?  Then the members of a compound before the verb did not act on each other: "US
   and Iraqi forces fought insurgents" is no % pattern. */
static int has_object(casus_coder *c, int verb)
{
    if (!c->opt.verb_boundary) return 0;
    int p = verb;
    while (p < c->clause_end && !casus_has_tail(c, p, CASUS_W_VERB)) p++;
    for (p++; p <= c->clause_end && p < (int)c->nw; p++) {
        casus_wtype t = c->w[p].wtype;
        if ((t == CASUS_W_ACTOR || t == CASUS_W_AGENT) && !in_pattern(c, p)) return 1;
        if (t != CASUS_W_NULL && t != CASUS_W_DETERMINER && t != CASUS_W_NUMBER && t != CASUS_W_ADJECTIVE) return 0;
        if (c->w[p].root == 0 && casus_word_ends(c, p, "ING")) return 0;
    }
    return 0;
}

/* With SET: MODAL VERBS, the act a modal verb governs: the verb after an INTENT or THREAT verb
   and TO ("vowed to attack", "threatened to expel"), after an APPEAL or DEMAND verb, its object
   and TO ("urged Britain and Argentina to renew"); -1 if none. */
static int modal_complement(const casus_coder *c, int verb, int kind)
{
    enum { MAX_OBJECT = 8 }; /* words between an appeal and its TO */
    if (kind == MODAL_NONE) return -1;
    int p = verb;
    while (p < c->clause_end && !casus_has_tail(c, p, CASUS_W_VERB)) p++;
    int to = p + 1;
    if (asks_another(kind)) {
        int object = 0;
        for (; to < c->clause_end && to <= p + MAX_OBJECT && !casus_word_is(c, to, "TO"); to++) {
            if (casus_has_head(c, to, CASUS_W_VERB) || c->w[to].wtype == CASUS_W_COMMA) return -1;
            if (c->w[to].wtype == CASUS_W_ACTOR || c->w[to].wtype == CASUS_W_AGENT) object = 1;
        }
        if (!object && !is_passive_form(c, verb)) return -1; /* "X was urged to release": X is the one asked */
    }
    if (to + 1 > c->clause_end || !casus_word_is(c, to, "TO") || !casus_has_head(c, to + 1, CASUS_W_VERB) || !c->w[to + 1].root)
        return -1;
    return to + 1;
}

/* Did an appeal's or demand's pattern give it no more than the family's own code ("called on X
   to": 020)?  Then what it asks for can say more. */
static int bare_appeal(const casus_coder *c, int kind, size_t events_before)
{
    if (!asks_another(kind)) return 0;
    const char *bare = kind == MODAL_APPEAL ? "020" : "100";
    for (size_t i = events_before; i < c->nraw; i++)
        if (strcmp(casus_codes_text(&c->dict->codes, c->raw[i].code), bare)) return 0;
    return 1;
}

/* Tries the verb's patterns, longest first, then its own code. */
static void do_verb(casus_coder *c, int verb)
{
    const casus_dict *d = c->dict;
    const casus_root *root = &d->roots[c->w[verb].root];
    actor_zero(&c->target);
    if (c->passive) {
        actor_zero(&c->source);
        c->passive = 0;
    }
    int got_pattern = 0, got_alt = 0, maxlen = 0;
    size_t events_before = c->nraw;
    for (uint32_t i = 0; i < root->pat_count && !got_pattern; i++) {
        uint32_t pid = root->pat_first + i;
        const casus_pattern *p = &d->patterns[pid];
        if (got_alt && p->length <= maxlen) {
            got_pattern = 1; /* no shorter pattern can beat the match with alternatives */
            break;
        }
        c->idx_source = c->idx_target = c->idx_attrib = c->idx_compound = -1;
        int lenalt = 0;
        if (!casus_pattern_possible(c, p)) continue;
        if (!casus_pattern_match(c, p->phrase, p->nelem, verb, CASUS_W_VERB, &lenalt)) continue;
        if (c->idx_compound >= 0 && c->idx_compound < verb && has_object(c, verb)) continue;
        int make = 0;
        if (lenalt) {
            got_alt = 1;
            if (p->length + lenalt > maxlen) {
                make = 1;
                maxlen = p->length - p->maxalt + lenalt;
            }
        } else {
            got_alt = 0;
            got_pattern = 1;
            make = 1;
        }
        if (!make) continue;
        if (c->idx_source >= 0) {
            actor_codes(c, &c->source, c->idx_source);
            find_agent(c, c->idx_source, &c->source);
        }
        if (c->idx_target >= 0) {
            actor_codes(c, &c->target, c->idx_target);
            find_agent(c, c->idx_target, &c->target);
        }
        if (c->idx_compound >= 0) {
            actor_codes(c, &c->source, c->idx_compound);
            actor_codes(c, &c->target, c->idx_compound);
        }
        c->nraw = events_before; /* a longer match replaces one with alternatives */
        make_event(c, p->code, pid, verb);
    }
    if (!got_pattern && !got_alt) { /* a match with alternatives stands: the root code does not add to it */
        c->idx_source = c->idx_target = c->idx_attrib = c->idx_compound = -1;
        c->ntemp = 0;
        make_event(c, root->code, UINT32_MAX, verb);
    }
    int kind = modal_kind(c, verb);
    if (kind == MODAL_NONE || (got_pattern && !bare_appeal(c, kind, events_before))) return;
    int act = modal_complement(c, verb, kind);
    if (act >= 0) { /* "vowed to attack": the attack codes, as a threat, and replaces the vow's events */
        c->modal_verb = act;
        c->modal_from = verb;
        c->modal_kind = kind;
        c->modal_first = events_before;
        c->modal_end = c->nraw;
    }
}

static int next_clause(casus_coder *c)
{
    int n = (int)c->nw;
    if (!c->has_clauses) {
        if (c->clause_end >= 0) return 0;
        c->clause_start = 0;
        c->clause_end = n - 1;
        return 1;
    }
    int start = c->clause_end >= 0 ? c->clause_end + 1 : 0;
    while (start < n && !casus_has_head(c, start, CASUS_TAG_CLAUSE)) start++;
    if (start >= n) return 0;
    int end = start;
    while (end < n - 1 && !casus_has_tail(c, end, CASUS_TAG_CLAUSE)) end++;
    c->clause_start = start;
    c->clause_end = end;
    return 1;
}

/* SET: REPORTED SPEECH: a verb of SPEECH that codes nothing ([---]: "said", "claimed") and is
   followed by another verb introduces what was said: "Iran said Israeli jets struck Syria" is Israel's
   strike, not Iran's.  The clause then begins after it, and its sources are sought there. */
/* Is the verb at pos one of SPEECH's (any verb when the list is empty)? */
static int is_speech_verb(const casus_coder *c, int pos) { return !c->opt.speech[0] || root_in_list(c, pos, c->opt.speech); }

static int reported_clause(casus_coder *c, int verb)
{
    if (!is_speech_verb(c, verb)) return 0;
    int end = verb;
    while (end < c->clause_end && !casus_has_tail(c, end, CASUS_W_VERB)) end++;
    int later = 0;
    for (int p = end + 1; p <= c->clause_end && !later; p++) later = casus_has_head(c, p, CASUS_W_VERB) && c->w[p].root;
    if (!later) return 0;
    c->clause_start = end + 1;
    actor_zero(&c->source);
    c->regular_source = 0;
    return 1;
}

/* SET: SHARED SUBJECT: "Israeli soldiers shot and killed a Palestinian": a clause that begins
   with its verb shares the subject of the clause before, when that subject comes before the
   earlier clause's own verb. */
static void shared_subject(casus_coder *c, int prev_start, int prev_end)
{
    int p = c->clause_start;
    while (p <= c->clause_end && c->w[p].wtype == CASUS_W_CONJUNCTION) p++;
    if (p > c->clause_end || !casus_has_head(c, p, CASUS_W_VERB)) return;
    int start = c->clause_start, end = c->clause_end;
    c->clause_start = prev_start;
    c->clause_end = prev_end;
    casus_actor a;
    int at = find_actor(c, prev_start, &a);
    int verb = prev_start;
    while (verb <= prev_end && !casus_has_head(c, verb, CASUS_W_VERB)) verb++;
    c->clause_start = start;
    c->clause_end = end;
    if (at >= 0 && at < verb) c->source = a;
}

static void check_verbs(casus_coder *c)
{
    c->have_last = 0;
    actor_zero(&c->source);
    actor_zero(&c->target);
    c->passive = 0;
    c->modal_verb = -1;
    c->clause_start = 0;
    c->clause_end = -1;
    size_t start_event = 0;
    int prev_start = -1, prev_end = -1;
    while (next_clause(c)) {
        if (c->clause_end - c->clause_start < 2) continue;
        if (c->clause_start && casus_begins_noun_complement(c, c->clause_start - 1)) {
            actor_zero(&c->source); /* what a noun says has its own subject: "a report that X ..." */
            c->regular_source = 0;
        }
        if (c->clause_start && casus_has_head(c, c->clause_start, CASUS_W_ACTOR))
            actor_codes(c, &c->source, c->clause_start);
        else if (c->opt.shared_subject && prev_start >= 0 && actor_empty(&c->source))
            shared_subject(c, prev_start, prev_end);
        prev_start = c->clause_start;
        prev_end = c->clause_end;
        actor_zero(&c->target);
        if (c->opt.code_by == CASUS_CODE_BY_CLAUSE) start_event = c->nraw;
        int got_event = 0;
        int pos = c->clause_start;
        while (pos <= c->clause_end) {
            if (casus_skip_segment(c, &pos, CASUS_TAG_SUBORD)) continue;
            if (casus_has_head(c, pos, CASUS_W_VERB) && c->w[pos].root) {
                c->null_verb = 0;
                do_verb(c, pos);
                if (c->null_verb && c->opt.reported_speech && reported_clause(c, pos)) {
                    pos = c->clause_start;
                    continue;
                }
                if (pos == c->modal_verb && c->modal_end > c->modal_first && asks_another(c->modal_kind))
                    got_event = 1; /* what was asked for is told by the appeal's events */
                if (c->opt.code_by != CASUS_CODE_ALL)
                    for (size_t i = start_event; i < c->nraw; i++)
                        if (c->raw[i].is_event && !c->raw[i].subordinate && !(c->raw[i].incident && c->opt.reported_speech)) {
                            got_event = 1;
                            break;
                        }
                if (got_event && c->opt.code_by == CASUS_CODE_BY_SENTENCE) return;
            }
            if (got_event && c->opt.code_by == CASUS_CODE_BY_CLAUSE) {
                /* one event a clause, but what was said ("Militants holding hostage ... said
                   they negotiated with ..."), a relative clause ("the envoy who urged ...") and
                   ", killing three" tell of other events */
                int next = pos + 1;
                for (; next <= c->clause_end; next++) {
                    if (!casus_has_head(c, next, CASUS_W_VERB) || !c->w[next].root) continue;
                    if (c->opt.shared_subject && is_participle_adjunct(c, next)) break;
                    if (next == c->modal_verb) break; /* "vowed to attack": the attack is what was vowed */
                    if (casus_subject_noun_of(c, pos, next)) break; /* "X's demand ... was rejected by Y" */
                    int rel = c->opt.subordinate_clauses ? relative_before(c, next) : -1, antecedent = -1;
                    if (rel > c->clause_start && subject_search_start(c, next, &antecedent) < 0 && antecedent >= 0) break;
                    if (c->opt.reported_speech && is_speech_verb(c, next) && reported_clause(c, next)) {
                        next = c->clause_start;
                        break;
                    }
                }
                if (next <= c->clause_end) {
                    start_event = c->nraw;
                    got_event = 0;
                    if (next != c->clause_start) { /* the relative or participle finds its own source */
                        actor_zero(&c->source);
                        c->regular_source = 0;
                    }
                    pos = next;
                    continue;
                }
            }
            if (got_event) break;
            pos++;
        }
    }
}

/* <TIME> phrases: the first one found shifts the date. */
static int shift_date(casus_coder *c, uint32_t tcode)
{
    const casus_time_code *t = &c->dict->time_codes[tcode];
    if (c->time_shifted) return 1;
    if (t->special == CASUS_CODE_NULL) return 0;
    if (t->special == CASUS_CODE_DISCARD) {
        c->discard = 1;
        return 1;
    }
    if (t->special == CASUS_CODE_COMPLEX) {
        c->complex = 1;
        snprintf(c->complex_reason, sizeof c->complex_reason, "complex code in a time phrase");
        return 1;
    }
    c->day += t->days;
    c->time_shifted = 1;
    return 1;
}

static void check_time(casus_coder *c)
{
    const casus_dict *d = c->dict;
    c->clause_start = 0;
    c->clause_end = (int)c->nw - 1;
    for (int pos = 0; pos < (int)c->nw; pos++) {
        if (!casus_has_head(c, pos, CASUS_W_TIME) || !c->w[pos].root) continue;
        const casus_root *root = &d->roots[c->w[pos].root];
        for (uint32_t i = 0; i < root->pat_count; i++) {
            const casus_pattern *p = &d->patterns[root->pat_first + i];
            int lenalt;
            if (casus_pattern_match(c, p->phrase, p->nelem, pos, CASUS_W_TIME, &lenalt) && shift_date(c, p->code)) return;
        }
        if (shift_date(c, root->code)) return;
        while (pos < (int)c->nw && !casus_has_tail(c, pos, CASUS_W_TIME)) pos++;
    }
}

/* Subordinate events go when any other event exists; dominant events push out all others. */
static void evaluate(casus_coder *c)
{
    int non_sub = 0, dominant = 0;
    for (size_t i = 0; i < c->nraw; i++) {
        casus_raw_event *e = &c->raw[i];
        if (e->code == CASUS_CODE_NULL) {
            e->is_event = 0;
            e->subordinate = 1;
        }
        if (!e->is_event && e->code != CASUS_CODE_NULL) continue; /* replaced ("vowed" by what was vowed) */
        if (e->code == CASUS_CODE_DISCARD) {
            c->discard = 1;
            return;
        }
        if (e->code == CASUS_CODE_COMPLEX || e->source.actor == CASUS_CODE_COMPLEX || e->target.actor == CASUS_CODE_COMPLEX) {
            c->complex = 1;
            snprintf(c->complex_reason, sizeof c->complex_reason, "complex code in a verb phrase or actor");
            return;
        }
        if (e->dominant) {
            dominant = non_sub = 1;
            break;
        }
        if (!e->subordinate) non_sub = 1;
    }
    size_t k = 0;
    for (size_t i = 0; i < c->nraw; i++) {
        casus_raw_event *e = &c->raw[i];
        if (dominant && !e->dominant) e->is_event = 0;
        else if (!dominant && non_sub && e->subordinate) e->is_event = 0;
        if (e->is_event) c->raw[k++] = *e;
    }
    c->nraw = k;
}

/* ---- final events: coded compounds expanded, composite codes, duplicates dropped ---- */

static const char *code_text(const casus_coder *c, uint32_t id)
{
    if (id == CASUS_DEFAULT_SOURCE) return c->opt.default_source_code;
    if (id == CASUS_DEFAULT_TARGET) return c->opt.default_target_code;
    return casus_codes_text(&c->dict->codes, id);
}

/* Actor code with its agent: "~GOV" appends, "NGO~" prefixes; no agent code already aligned on
   a three-letter boundary inside the actor code is added twice.  SET: AGENT REPLACES ROLE: a
   country's role gives way to the agent instead of being stacked under it. */
static size_t composite(const casus_coder *c, uint32_t actor, uint32_t agent, char *out, size_t cap)
{
    const char *a = code_text(c, actor);
    size_t n = strlen(a);
    if (n >= cap) n = cap - 1;
    memcpy(out, a, n);
    out[n] = '\0';
    if (!agent) return n;
    const char *g = code_text(c, agent);
    size_t gl = strlen(g);
    if (gl == 0) return n;
    char bare[64];
    size_t bl = 0;
    int suffix = g[0] == '~';
    for (size_t i = 0; i < gl && bl + 1 < sizeof bare; i++)
        if (g[i] != '~') bare[bl++] = g[i];
    bare[bl] = '\0';
    const char *found = bl ? strstr(a, bare) : NULL;
    if (found && (found - a) % 3 == 0) return n;
    if (n + bl + 1 > cap) return n;
    if (c->opt.agent_replaces_role && suffix && bl == 3 && n == 6 && country_of(c, actor) != actor) {
        memcpy(out + 3, bare, bl + 1); /* "Madrid" (ESPGOV) and "terrorists": ESPREB, not ESPGOVREB */
        return 6;
    }
    if (suffix) {
        memcpy(out + n, bare, bl + 1);
    } else {
        memmove(out + bl, out, n + 1);
        memcpy(out, bare, bl);
    }
    return n + bl;
}

static int is_blank(uint32_t code) { return code <= CASUS_CODE_BLANK; }

typedef struct final_event {
    uint32_t src, srcagt, tgt, tgtagt, code;
    const casus_raw_event *raw;
} final_event;

/* Do source and target come out as the same code ("USAGOV" from an actor, or from "USA" with
   the agent "GOV")? */
static int same_codes(const casus_coder *c, const final_event *f)
{
    if (f->src == f->tgt && f->srcagt == f->tgtagt) return 1;
    char a[128], b[128];
    composite(c, f->src, f->srcagt, a, sizeof a);
    composite(c, f->tgt, f->tgtagt, b, sizeof b);
    return !strcmp(a, b);
}

static int push_final(casus_coder *c, final_event **out, size_t *n, size_t *cap, final_event f)
{
    if (!c->opt.same_actors && !f.raw->incident && same_codes(c, &f)) return 0;
    if ((is_blank(f.src) || is_blank(f.tgt)) && !f.raw->incident) return 0;
    for (size_t i = 0; i < *n; i++) {
        const final_event *o = &(*out)[i];
        if (o->src == f.src && o->srcagt == f.srcagt && o->tgt == f.tgt && o->tgtagt == f.tgtagt && o->code == f.code)
            return 0;
    }
    if (CASUS_PUSH(*out, *n, *cap, f)) {
        c->nomem = 1;
        return -1;
    }
    return 0;
}

static size_t expand(const casus_coder *c, const casus_actor *a, const casus_raw_event *e, const casus_code_pair **pairs,
                     casus_code_pair *single)
{
    if (a->compound) {
        size_t n = casus_actor_code_resolve(c->dict, a->compound, e->day, pairs);
        if (n) return n;
    }
    single->actor = a->actor;
    single->agent = a->agent;
    *pairs = single;
    return 1;
}

static size_t store_string(casus_coder *c, const char *s, size_t n)
{
    if (casus_grow((void **)&c->strings, &c->strings_cap, c->strings_len + n + 1, 1)) {
        c->nomem = 1;
        return 0;
    }
    size_t at = c->strings_len;
    memcpy(c->strings + at, s, n);
    c->strings[at + n] = '\0';
    c->strings_len += n + 1;
    return at;
}

static casus_span word_span(const casus_coder *c, int first, int last)
{
    casus_span s = {0, 0};
    if (first < 0 || last < first || last >= (int)c->nw) return s;
    s.start = c->w[first].start;
    s.end = c->w[last].end;
    return s;
}

static void finish_events(casus_coder *c)
{
    final_event *fin = NULL;
    size_t nfin = 0, fincap = 0;
    for (size_t i = 0; i < c->nraw; i++) {
        const casus_raw_event *e = &c->raw[i];
        const casus_code_pair *sp, *tp;
        casus_code_pair s1, t1;
        size_t ns = expand(c, &e->source, e, &sp, &s1);
        size_t nt = expand(c, &e->target, e, &tp, &t1);
        /* a coded compound takes the agents its own codes give, as TABARI's expansion does */
        for (size_t a = 0; a < ns; a++)
            for (size_t b = 0; b < nt; b++) {
                final_event f = {sp[a].actor, sp[a].agent, tp[b].actor, tp[b].agent, e->code, e};
                if (push_final(c, &fin, &nfin, &fincap, f)) goto done;
            }
    }
    c->strings_len = 0;
    size_t offsets[4];
    for (size_t i = 0; i < nfin; i++) {
        char buf[256];
        size_t n;
        n = composite(c, fin[i].src, fin[i].srcagt, buf, sizeof buf);
        offsets[0] = store_string(c, buf, n);
        n = composite(c, fin[i].tgt, fin[i].tgtagt, buf, sizeof buf);
        offsets[1] = store_string(c, buf, n);
        const char *code = code_text(c, fin[i].code);
        offsets[2] = store_string(c, code, strlen(code));
        const char *label = c->dict->codes.label[fin[i].code];
        offsets[3] = store_string(c, label ? label : "", label ? strlen(label) : 0);
        if (c->nomem) goto done;
        const casus_raw_event *e = fin[i].raw;
        casus_event ev = {0};
        /* strings are attached after the arena stops moving */
        ev.source = (const char *)(uintptr_t)offsets[0];
        ev.target = (const char *)(uintptr_t)offsets[1];
        ev.code = (const char *)(uintptr_t)offsets[2];
        ev.label = (const char *)(uintptr_t)offsets[3];
        ev.source_span = is_default(&e->source) ? (casus_span){0, 0} : word_span(c, e->source.span_first, e->source.span_last);
        ev.target_span = is_default(&e->target) ? (casus_span){0, 0} : word_span(c, e->target.span_first, e->target.span_last);
        ev.verb_span = word_span(c, e->match_first, e->match_last);
        int y, m, dd;
        casus_ymd_from_day(e->day, &y, &m, &dd);
        ev.date = y * 10000 + m * 100 + dd;
        ev.flags = e->paired ? CASUS_EVENT_PAIRED : 0;
        if (CASUS_PUSH(c->events, c->nevents, c->events_cap, ev)) {
            c->nomem = 1;
            goto done;
        }
    }
    for (size_t i = 0; i < c->nevents; i++) {
        casus_event *ev = &c->events[i];
        ev->source = c->strings + (uintptr_t)ev->source;
        ev->target = c->strings + (uintptr_t)ev->target;
        ev->code = c->strings + (uintptr_t)ev->code;
        ev->label = c->strings + (uintptr_t)ev->label;
    }
done:
    free(fin);
}

void casus_code_events(casus_coder *c)
{
    c->nraw = 0;
    c->nevents = 0;
    c->regular_source = c->regular_target = 0;
    c->time_shifted = 0;
    int time_on = c->opt.time_shift == 1 || (c->opt.time_shift < 0 && c->dict->has_time);
    if (time_on) check_time(c);
    if (c->discard || c->complex) return;
    check_verbs(c);
    if (c->nraw == 0) return;
    evaluate(c);
    if (c->discard || c->complex) {
        c->nraw = 0;
        return;
    }
    finish_events(c);
}
