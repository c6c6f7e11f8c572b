/* parse.c — the sparse parse: assigns dictionary roots to words, then marks nouns, compound
 * actor phrases, comma-delimited clauses, conjunction clauses and pronoun references, and judges
 * discards and complexity.  Marks are kept as head and tail tags on words. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "code/coder.h"
#include "core/grow.h"

/* ---- tags ---- */

int casus_tag_add(casus_coder *c, int pos, int head, uint32_t type, uint32_t index)
{
    if (c->ntags == 0) c->ntags = 1; /* tags[0] is the list terminator */
    if (casus_grow((void **)&c->tags, &c->tags_cap, c->ntags + 1, sizeof *c->tags)) {
        c->nomem = 1;
        return -1;
    }
    uint32_t id = (uint32_t)c->ntags++;
    c->tags[id] = (casus_tag){type, index, 0};
    if (type < 32) *(head ? &c->w[pos].head_types : &c->w[pos].tail_types) |= 1u << type;
    uint32_t *link = head ? &c->w[pos].head : &c->w[pos].tail;
    while (*link) link = &c->tags[*link].next;
    *link = id;
    return 0;
}

static const casus_tag *find_tag(const casus_coder *c, uint32_t list, uint32_t type)
{
    for (uint32_t t = list; t; t = c->tags[t].next)
        if (c->tags[t].type == type) return &c->tags[t];
    return NULL;
}

static const casus_tag *find_tag_indexed(const casus_coder *c, uint32_t list, uint32_t type, uint32_t index)
{
    for (uint32_t t = list; t; t = c->tags[t].next)
        if (c->tags[t].type == type && c->tags[t].index == index) return &c->tags[t];
    return NULL;
}

/* The type masks only say a tag may be there: a changed tag leaves its old bit set. */
static int may_have(uint32_t types, uint32_t type) { return type >= 32 || (types >> type & 1); }

int casus_has_head(const casus_coder *c, int pos, uint32_t type)
{
    return may_have(c->w[pos].head_types, type) && find_tag(c, c->w[pos].head, type) != NULL;
}

int casus_has_tail(const casus_coder *c, int pos, uint32_t type)
{
    return may_have(c->w[pos].tail_types, type) && find_tag(c, c->w[pos].tail, type) != NULL;
}

uint32_t casus_head_index(const casus_coder *c, int pos, uint32_t type)
{
    if (!may_have(c->w[pos].head_types, type)) return 0;
    const casus_tag *t = find_tag(c, c->w[pos].head, type);
    return t ? t->index : 0;
}

uint32_t casus_tail_index(const casus_coder *c, int pos, uint32_t type)
{
    if (!may_have(c->w[pos].tail_types, type)) return 0;
    const casus_tag *t = find_tag(c, c->w[pos].tail, type);
    return t ? t->index : 0;
}

int casus_has_head_indexed(const casus_coder *c, int pos, uint32_t type, uint32_t index)
{
    return may_have(c->w[pos].head_types, type) && find_tag_indexed(c, c->w[pos].head, type, index) != NULL;
}

int casus_has_tail_indexed(const casus_coder *c, int pos, uint32_t type, uint32_t index)
{
    return may_have(c->w[pos].tail_types, type) && find_tag_indexed(c, c->w[pos].tail, type, index) != NULL;
}

static void change_tag(casus_coder *c, uint32_t *types, uint32_t list, uint32_t from, uint32_t to)
{
    for (uint32_t t = list; t; t = c->tags[t].next)
        if (c->tags[t].type == from) {
            c->tags[t].type = to;
            if (to < 32) *types |= 1u << to;
            return;
        }
}

int casus_reference(const casus_coder *c, int pos)
{
    const casus_tag *t = find_tag(c, c->w[pos].head, CASUS_TAG_REFERENCE);
    return t ? (int)t->index : -1;
}

/* If pos begins a segment of the given type, moves pos past its end and returns 1. */
int casus_skip_segment(const casus_coder *c, int *pos, uint32_t type)
{
    if (!may_have(c->w[*pos].head_types, type)) return 0;
    const casus_tag *t = find_tag(c, c->w[*pos].head, type);
    if (!t) return 0;
    uint32_t index = t->index;
    int p = *pos;
    while (p < (int)c->nw && !casus_has_tail_indexed(c, p, type, index)) p++;
    *pos = p + 1;
    return 1;
}

/* ---- roots ---- */

/* Does English spell this ending after this letter?  ES follows a sibilant or O ("pushes",
   "vetoes"; "planes" is no form of PLAN). */
static int english_ending(const char *rest, size_t n, char before)
{
    if (n == 2 && rest[0] == 'E' && rest[1] == 'S') return strchr("SXZHO", before) != NULL;
    return 1;
}

/* Regular endings after a whole-word root: plural and possessives for nouns, S/ED/ES/EN/ING/D
   for verbs.  Returns the characters added, or -1.  With SET: ENGLISH ENDINGS, a verb's ES
   must be one English spells. */
static int regular_ending(const char *rest, size_t n, casus_wtype type, char before, int english)
{
    if (english && type == CASUS_W_VERB && !english_ending(rest, n, before)) return -1;
    if (type == CASUS_W_ACTOR || type == CASUS_W_AGENT || type == CASUS_W_NOUN) {
        if (n == 1 && rest[0] == 'S') return 1;
        if (n == 2 && rest[1] == 'S' && (rest[0] == '\'' || rest[0] == 'E')) return 2;
        if (n == 2 && rest[0] == 'S' && rest[1] == '\'') return 2; /* "the rebels' demand" */
    }
    if (type == CASUS_W_VERB) {
        if (n == 1 && rest[0] == 'S') return 1;
        if (n == 2 && rest[0] == 'E' && (rest[1] == 'D' || rest[1] == 'S' || rest[1] == 'N')) return 2;
        if (n == 3 && !memcmp(rest, "ING", 3)) return 3;
        if (n == 1 && rest[0] == 'D' && before == 'E') return 1;
    }
    return -1;
}

/* Matches root r beginning at word pos; on success the characters matched and the matched
   words (in *matched, count *nmatched). */
static int match_root(casus_coder *c, const casus_root *r, int pos, int *chars, int *matched, int *nmatched)
{
    const casus_dict *d = c->dict;
    int may_skip = 0;
    *chars = 0;
    *nmatched = 0;
    for (uint16_t k = 0; k < r->nelem; k++) {
        const casus_elem *e = &d->elems[r->phrase + k];
        if (e->kind != CASUS_E_LITERAL) return 0;
        int found = 0;
        while (pos < (int)c->nw) {
            if (c->w[pos].wtype == CASUS_W_COMMA) return 0;
            found = casus_word_has_literal(c, pos, e->id);
            if (found || !may_skip) break;
            pos++;
        }
        if (!found) return 0;
        if (*nmatched < 64) matched[(*nmatched)++] = pos;
        uint32_t litlen = casus_lexicon_length(&d->lex, e->id);
        *chars += (int)litlen;
        if (found == 1 && !(e->conn & CASUS_CONN_PARTIAL)) {
            if (e->conn & CASUS_CONN_NOENDINGS) return 0;
            if (k + 1 != r->nelem) return 0;
            const casus_word *w = &c->w[pos];
            const char *word = c->filt + w->fstart;
            int add = regular_ending(word + litlen, w->flen - litlen, (casus_wtype)r->wtype, word[litlen - 1], c->opt.english_endings);
            if (add < 0) return 0;
            *chars += add;
            return 1;
        }
        may_skip = (e->conn & CASUS_CONN_SKIP) != 0;
        pos++;
    }
    return 1;
}

static int all_literals_present(const casus_coder *c, const casus_root *r)
{
    for (uint16_t k = 2; k < r->nelem; k++)
        if (!casus_literal_present(c, c->dict->elems[r->phrase + k].id)) return 0;
    return 1;
}

static void assign_roots(casus_coder *c)
{
    const casus_dict *d = c->dict;
    int matched[64], best_matched[64];
    uint32_t counter[CASUS_W_COUNT] = {0};
    for (int pos = 0; pos < (int)c->nw; pos++) {
        casus_word *w = &c->w[pos];
        if (w->wtype != CASUS_W_NULL || w->nlits == 0) continue;
        int best = 0, nbest = 0;
        uint32_t best_root = 0;
        for (uint16_t i = 0; i < w->nlits; i++) {
            uint32_t lit = c->lits[w->lit_first + i].lit;
            if (lit >= d->lex.nnodes) continue;
            for (uint32_t k = d->start_at[lit]; k < d->start_at[lit + 1]; k++) {
                const struct casus_start *st = &d->start[k];
                if (st->second && !casus_literal_present(c, st->second)) continue; /* cannot match */
                uint32_t r = st->root;
                const casus_root *root = &d->roots[r];
                if (!all_literals_present(c, root)) continue;
                int chars, n;
                if (match_root(c, root, pos, &chars, matched, &n) && chars > best) {
                    best = chars;
                    best_root = r;
                    nbest = n;
                    memcpy(best_matched, matched, (size_t)n * sizeof *matched);
                }
            }
        }
        if (!best_root) continue;
        casus_wtype type = (casus_wtype)d->roots[best_root].wtype;
        w->root = best_root;
        uint32_t index = ++counter[type];
        casus_tag_add(c, pos, 1, type, index);
        for (int k = 0; k < nbest; k++) c->w[best_matched[k]].wtype = (uint8_t)type;
        casus_tag_add(c, best_matched[nbest - 1], 0, type, index);
    }
}

/* ---- nouns ---- */

static int actor_is_null(const casus_coder *c, uint32_t root)
{
    const casus_code_pair *pairs;
    size_t n = casus_actor_code_resolve(c->dict, c->dict->roots[root].code, c->day, &pairs);
    return n > 0 && pairs[0].actor == CASUS_CODE_NULL;
}

/* Relabels the root beginning at pos (type from -> to), keeping roots embedded in it. */
static int relabel_root(casus_coder *c, int pos, casus_wtype from, casus_wtype to)
{
    uint32_t index = casus_head_index(c, pos, from);
    change_tag(c, &c->w[pos].head_types, c->w[pos].head, from, to);
    c->w[pos].wtype = (uint8_t)to;
    int p = pos;
    while (!casus_has_tail_indexed(c, p, from, index)) {
        p++;
        if (p >= (int)c->nw) return p - 1;
        if (c->w[p].wtype == from && !casus_has_head(c, p, from)) c->w[p].wtype = (uint8_t)to;
    }
    change_tag(c, &c->w[p].tail_types, c->w[p].tail, from, to);
    return p;
}

/* A verb's -S form just before a past tense is a plural noun, its subject: "suspects arrested",
   "attacks killed". */
static int plural_subject(const casus_coder *c, int pos)
{
    return casus_word_ends(c, pos, "S") && !casus_word_ends(c, pos, "SS") && casus_has_tail(c, pos, CASUS_W_VERB) &&
           pos + 1 < (int)c->nw && c->w[pos + 1].wtype == CASUS_W_VERB && casus_word_ends(c, pos + 1, "ED");
}

/* Is the actor at pos a short word written in small letters where a capitalised text would
   have an acronym ("told us" is no US)? */
static int lower_case_acronym(const casus_coder *c, int pos)
{
    const casus_word *w = &c->w[pos];
    if (c->all_caps || w->flen > 3 || !casus_has_tail(c, pos, CASUS_W_ACTOR)) return 0;
    for (size_t k = w->start; k < w->end; k++)
        if (!islower((unsigned char)c->text[k])) return 0;
    return 1;
}

/* With SET: PASSIVES, a noun of an act after a determiner, with OF and then BY an actor before
   any comma or other verb ("the killing of three soldiers by Moldovan troops", "the murder of
   a filmmaker by a young man of Moroccan descent"), tells the act as a passive does. */
int casus_nominal_passive(const casus_coder *c, int pos)
{
    enum { MAX_OBJECT = 10, MAX_AGENT = 5 }; /* words from OF to BY, and from BY to the actor */
    int n = (int)c->nw;
    if (!c->opt.passives || pos < 1 || c->w[pos - 1].wtype != CASUS_W_DETERMINER) return 0;
    int end = pos;
    while (end < n - 1 && !casus_has_tail(c, end, CASUS_W_VERB)) end++;
    if (end + 1 >= n || !casus_word_is(c, end + 1, "OF")) return 0;
    for (int k = end + 2; k < n && k <= end + 1 + MAX_OBJECT; k++) {
        if (c->w[k].wtype == CASUS_W_COMMA || (casus_has_head(c, k, CASUS_W_VERB) && c->w[k].root)) return 0;
        if (c->w[k].wtype != CASUS_W_BY) continue;
        for (int a = k + 1; a < n && a <= k + MAX_AGENT; a++) {
            casus_wtype t = c->w[a].wtype;
            if (t == CASUS_W_ACTOR || t == CASUS_W_AGENT) return 1;
            if (t != CASUS_W_DETERMINER && t != CASUS_W_ADJECTIVE && t != CASUS_W_NULL && t != CASUS_W_NUMBER &&
                !casus_word_is(c, a, "OF")) /* "by a young man of Moroccan descent" */
                return 0;
        }
        return 0;
    }
    return 0;
}

/* Verbs after a determiner (but for a nominal passive) or capitalised in mid-text are nouns;
   null-coded actors are nouns, and so are small-letter words that are acronyms in capitals. */
static void mark_nouns(casus_coder *c)
{
    for (int pos = 0; pos < (int)c->nw; pos++) {
        casus_word *w = &c->w[pos];
        if (w->wtype == CASUS_W_VERB) {
            int after_determiner = pos > 0 && c->w[pos - 1].wtype == CASUS_W_DETERMINER && !casus_nominal_passive(c, pos);
            if (after_determiner || (w->flags & CASUS_WF_MIDCAP) || plural_subject(c, pos)) {
                if (casus_has_head(c, pos, CASUS_W_VERB)) relabel_root(c, pos, CASUS_W_VERB, CASUS_W_NOUN);
                else w->wtype = CASUS_W_NOUN;
            }
        } else if (casus_has_head(c, pos, CASUS_W_ACTOR) && w->root && (actor_is_null(c, w->root) || lower_case_acronym(c, pos))) {
            pos = relabel_root(c, pos, CASUS_W_ACTOR, CASUS_W_NOUN);
        }
    }
}

/* The tagger's token that begins where the word at pos begins, or NULL: no tagger, a word it
   split differently, or a text in capitals or a title-case headline, whose capitals it reads as
   names. */
static const casus_syntax_token *token_at(const casus_coder *c, int pos)
{
    if (!c->sdoc || !c->case_tells) return NULL;
    size_t lo = 0, hi = casus_syntax_doc_token_count(c->sdoc), start = c->w[pos].start;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (casus_syntax_doc_token(c->sdoc, mid)->start < start) lo = mid + 1;
        else hi = mid;
    }
    if (lo >= casus_syntax_doc_token_count(c->sdoc)) return NULL;
    const casus_syntax_token *tok = casus_syntax_doc_token(c->sdoc, lo);
    return tok->start == start ? tok : NULL;
}

/* A token's place in its document. */
static size_t token_index(const casus_syntax_doc *doc, const casus_syntax_token *tok)
{
    return (size_t)(tok - casus_syntax_doc_token(doc, 0));
}

/* The sentence that holds token t. */
static const casus_syntax_sentence *sentence_of(const casus_syntax_doc *doc, size_t t)
{
    for (size_t i = 0; i < casus_syntax_doc_sentence_count(doc); i++) {
        const casus_syntax_sentence *s = casus_syntax_doc_sentence(doc, i);
        if (t >= s->first && t < s->first + s->count) return s;
    }
    return NULL;
}

/* The head of a token, or NULL for a root. */
static const casus_syntax_token *head_of(const casus_syntax_doc *doc, const casus_syntax_token *tok)
{
    const casus_syntax_sentence *sent = tok->head > 0 ? sentence_of(doc, token_index(doc, tok)) : NULL;
    return sent && (size_t)tok->head <= sent->count ? casus_syntax_doc_token(doc, sent->first + (size_t)tok->head - 1) : NULL;
}

/* Does the word at pos begin what a noun says ("a report that an engineer had been abducted",
   "fears that the talks would fail")?  That is a clause of its own: the verb before it does not
   reach into it for a target. */
int casus_begins_noun_complement(const casus_coder *c, int pos)
{
    const casus_syntax_token *tok = casus_word_is(c, pos, "THAT") ? token_at(c, pos) : NULL;
    if (!tok || strcmp(tok->deprel, "mark")) return 0;
    const casus_syntax_token *verb = head_of(c->sdoc, tok);
    return verb && !strncmp(verb->deprel, "acl", 3); /* acl, or acl:relcl for the parser unsure of it */
}

/* Is token k (1-based in sentence s) in the subtree of token top? */
static int in_subtree(const casus_syntax_doc *doc, const casus_syntax_sentence *s, size_t k, size_t top)
{
    for (size_t hops = 0; k && hops <= s->count; hops++) {
        if (k == top) return 1;
        k = (size_t)casus_syntax_doc_token(doc, s->first + k - 1)->head;
    }
    return 0;
}

/* With the parser: the words of the subject of the verb that a participle at verb modifies
   (", denouncing it" after "a rebel group said that ...": the group), found on the verbs it
   hangs from as an adverbial clause or a conjunct.  1 and *first, *last; 0 when the parser says
   nothing (no tagger, a headline, no such subject). */
int casus_adjunct_subject(const casus_coder *c, int verb, int *first, int *last)
{
    const casus_syntax_token *v = token_at(c, verb);
    if (!v) return 0;
    const casus_syntax_doc *doc = c->sdoc;
    const casus_syntax_sentence *s = sentence_of(doc, token_index(doc, v));
    if (!s) return 0;
    size_t vi = token_index(doc, v) - s->first + 1;
    for (int hops = 0; hops < 3; hops++) {
        const casus_syntax_token *cur = casus_syntax_doc_token(doc, s->first + vi - 1);
        if (cur->head <= 0 || (strcmp(cur->deprel, "advcl") && strcmp(cur->deprel, "conj"))) return 0;
        vi = (size_t)cur->head;
        size_t subject = 0;
        for (size_t k = 1; k <= s->count && !subject; k++) {
            const casus_syntax_token *x = casus_syntax_doc_token(doc, s->first + k - 1);
            if ((size_t)x->head == vi && !strncmp(x->deprel, "nsubj", 5)) subject = k;
        }
        if (!subject) continue;
        size_t lo = subject, hi = subject;
        for (size_t k = 1; k <= s->count; k++)
            if (in_subtree(doc, s, k, subject)) {
                if (k < lo) lo = k;
                if (k > hi) hi = k;
            }
        size_t from = casus_syntax_doc_token(doc, s->first + lo - 1)->start;
        size_t to = casus_syntax_doc_token(doc, s->first + hi - 1)->end;
        *first = *last = -1;
        for (int p = 0; p < (int)c->nw; p++)
            if (c->w[p].start >= from && c->w[p].end <= to) {
                if (*first < 0) *first = p;
                *last = p;
            }
        return *first >= 0;
    }
    return 0;
}

/* With the tagger: is there a finite verb the dictionaries do not code between from and to
   ("diplomats have left Pyongyang to visit", "officials believe Moldova attacked")?  An actor
   after it is its object, not the subject of a later verb. */
int casus_uncoded_verb_between(const casus_coder *c, int from, int to)
{
    for (int p = from; p < to; p++) {
        if (casus_has_head(c, p, CASUS_W_VERB) && c->w[p].root) continue; /* a dictionary verb codes on its own */
        const casus_syntax_token *t = token_at(c, p);
        if (!t || strcmp(t->upos, "VERB")) continue;
        if (!strcmp(t->xpos, "VBD") || !strcmp(t->xpos, "VBZ") || !strcmp(t->xpos, "VBP")) return 1;
        const casus_syntax_token *before = p > 0 ? token_at(c, p - 1) : NULL;
        if (!strcmp(t->xpos, "VBN") && before && !strcmp(before->upos, "AUX")) return 1;
    }
    return 0;
}

/* Does the parser read the word at noun as a noun that is the subject of the verb at verb
   ("Moldova's demand ... has been rejected by Romania", "the attack on the convoy killed five")?
   The verb then tells an event of its own after the noun's. */
int casus_subject_noun_of(const casus_coder *c, int noun, int verb)
{
    const casus_syntax_token *n = token_at(c, noun), *v = token_at(c, verb);
    if (!n || !v || strcmp(n->upos, "NOUN") || strncmp(n->deprel, "nsubj", 5)) return 0;
    return head_of(c->sdoc, n) == v;
}

/* Does the tagger let the dictionary verb at this token fire?  Not where it reads a noun or
   adjective that modifies another ("the car bomb explosion", "armed tribesmen", "a free trade
   deal"); nouns that head their phrase name events ("the attacks by militias", "paid a visit").
   But a modifier right after a plural noun is mostly the tagger's misreading of a verb in the
   present, frequent in news and rare in its treebank: "troops battle rebels". */
static int tagger_allows_verb(const casus_syntax_doc *doc, const casus_syntax_token *tok)
{
    int modifier = !strcmp(tok->deprel, "compound") || !strcmp(tok->deprel, "amod");
    if (!modifier || !(!strcmp(tok->upos, "NOUN") || !strcmp(tok->upos, "PROPN") || !strcmp(tok->upos, "ADJ"))) return 1;
    size_t t = token_index(doc, tok);
    const casus_syntax_token *prev = t > 0 ? casus_syntax_doc_token(doc, t - 1) : NULL;
    return prev && (!strcmp(prev->xpos, "NNS") || !strcmp(prev->xpos, "NNPS"));
}

/* With a tagger: a verb root fires only where the tagger allows it. */
static void verbs_by_tagger(casus_coder *c)
{
    for (int pos = 0; pos < (int)c->nw; pos++) {
        if (c->w[pos].wtype != CASUS_W_VERB || !casus_has_head(c, pos, CASUS_W_VERB)) continue;
        const casus_syntax_token *tok = token_at(c, pos);
        /* a word the tagger split ("test-fired") is not judged by its first part */
        if (!tok || tok->end < c->w[pos].end || tagger_allows_verb(c->sdoc, tok)) continue;
        relabel_root(c, pos, CASUS_W_VERB, CASUS_W_NOUN);
    }
}

/* SET: CONVERT AGENTS: an agent with no actor beside it becomes an actor. */
static int has_actor(const casus_coder *c)
{
    for (size_t p = 0; p < c->nw; p++)
        if (c->w[p].wtype == CASUS_W_ACTOR) return 1;
    return 0;
}

static void convert_agents(casus_coder *c)
{
    static const char *const stateless[] = {"FOREIGN", "INTERNATIONAL", "WESTERN"}; /* no one country's */
    if (c->opt.convert_agents == 2 && !has_actor(c)) return; /* no country to give them */
    for (int pos = 0; pos < (int)c->nw; pos++) {
        if (c->w[pos].wtype != CASUS_W_AGENT) continue;
        int head = pos;
        uint32_t index = casus_head_index(c, pos, CASUS_W_AGENT);
        int before = pos > 0 && c->w[pos - 1].root == c->dict->builtin.former ? pos - 2 : pos - 1; /* "Iraq's former" */
        int after_actor = before >= 0 && (c->w[before].wtype == CASUS_W_ACTOR || casus_has_tail(c, before, CASUS_W_ACTOR));
        while (pos < (int)c->nw && !casus_has_tail_indexed(c, pos, CASUS_W_AGENT, index)) pos++;
        if (pos >= (int)c->nw) return;
        if (after_actor || !casus_has_head(c, head, CASUS_W_AGENT)) continue;
        if (c->opt.convert_agents == 2 && head > 0 && casus_word_in(c, head - 1, stateless, 3)) continue; /* "foreign diplomats" */
        if (pos + 1 < (int)c->nw && casus_has_head(c, pos + 1, CASUS_W_ACTOR)) continue;
        if (pos + 2 < (int)c->nw && c->w[pos + 1].wtype == CASUS_W_PREPOSITION && c->w[pos + 2].wtype == CASUS_W_ACTOR &&
            !casus_is_locative(c, pos + 2) && !casus_is_possessed(c, head)) /* "protesters in Havana" are no agents of Havana's government */
            continue;
        c->w[head].wtype = CASUS_W_ACTOR;
        change_tag(c, &c->w[head].head_types, c->w[head].head, CASUS_W_AGENT, CASUS_W_ACTOR);
        change_tag(c, &c->w[pos].tail_types, c->w[pos].tail, CASUS_W_AGENT, CASUS_W_ACTOR);
    }
}

/* ---- compounds: <actor> (, <actor>)* AND <actor>, with adjectives and determiners ---- */

static int is_np_word(const casus_coder *c, casus_wtype t)
{
    return t == CASUS_W_ACTOR || t == CASUS_W_DETERMINER || t == CASUS_W_ADJECTIVE ||
           (t == CASUS_W_AGENT && c->opt.titled_compounds);
}

static void mark_compounds(casus_coder *c)
{
    uint32_t index = 1;
    const casus_builtin_roots *b = &c->dict->builtin;
    for (int pos = 0; pos < (int)c->nw; pos++) {
        if (c->w[pos].wtype != CASUS_W_CONJUNCTION) continue;
        if (!casus_word_has_literal(c, pos, b->lit_and) && !casus_word_has_literal(c, pos, b->lit_nor)) continue;
        int end = -1;
        int p = pos + 1;
        while (p < (int)c->nw && is_np_word(c, (casus_wtype)c->w[p].wtype)) {
            if (c->w[p].wtype == CASUS_W_ACTOR && casus_has_head(c, p, CASUS_W_ACTOR)) {
                while (p < (int)c->nw && !casus_has_tail(c, p, CASUS_W_ACTOR)) p++;
                if (p >= (int)c->nw) break;
                end = p;
            }
            p++;
        }
        if (end < 0) continue;
        int start = -1, need_connector = 0;
        p = pos;
        while (p >= 0) {
            casus_wtype t = (casus_wtype)c->w[p].wtype;
            if (!(is_np_word(c, t) || t == CASUS_W_CONJUNCTION || t == CASUS_W_COMMA)) break;
            if (t == CASUS_W_CONJUNCTION || t == CASUS_W_COMMA) need_connector = 0;
            if (t == CASUS_W_ACTOR) {
                /* "French President Jacques Chirac": one member, named twice */
                if (need_connector && !c->opt.titled_compounds) break;
                while (p > 0 && !casus_has_head(c, p, CASUS_W_ACTOR)) p--;
                start = p;
                need_connector = 1;
            }
            p--;
        }
        if (start < 0) continue;
        uint32_t me = index++;
        casus_tag_add(c, start, 1, CASUS_TAG_COMPOUND, me);
        casus_tag_add(c, end, 0, CASUS_TAG_COMPOUND, me);
        /* an earlier compound inside this one is dissolved */
        for (int q = start; q <= end; q++) {
            uint32_t old = casus_head_index(c, q, CASUS_TAG_COMPOUND);
            if (old && old < me) {
                int r = q;
                while (r < (int)c->nw && !casus_has_tail_indexed(c, r, CASUS_TAG_COMPOUND, old)) r++;
                if (r < (int)c->nw) {
                    change_tag(c, &c->w[q].head_types, c->w[q].head, CASUS_TAG_COMPOUND, CASUS_TAG_CANCELLED);
                    change_tag(c, &c->w[r].tail_types, c->w[r].tail, CASUS_TAG_COMPOUND, CASUS_TAG_CANCELLED);
                }
            }
        }
        for (int q = start; q <= end; q++) c->w[q].flags |= CASUS_WF_COMPOUND;
    }
}

/* ---- comma-delimited clauses ---- */

/* A comma clause that tells an event of its own is no attribution to drop: with SET: SHARED
   SUBJECT one that opens with a participle (", killing three soldiers") or with the auxiliaries
   of the sentence's own verb (", has been rejected by ..."), with SET: SUBORDINATE CLAUSES one
   that opens with WHO and its verb (", who urged him to ..."). */
static int tells_more(const casus_coder *c, int p)
{
    static const char *const auxiliaries[] = {"HAS", "HAVE", "HAD", "IS", "ARE", "WAS", "WERE", "WILL", "BEEN"};
    int n = (int)c->nw;
    if (p + 1 < n && c->opt.subordinate_clauses && casus_word_is(c, p, "WHO")) {
        p++;
    } else if (c->opt.shared_subject) {
        int k = 0;
        while (k < 2 && p + 1 < n && casus_word_in(c, p, auxiliaries, sizeof auxiliaries / sizeof *auxiliaries)) p++, k++;
        if (!k && !casus_word_ends(c, p, "ING")) return 0;
    } else {
        return 0;
    }
    return p < n && casus_has_head(c, p, CASUS_W_VERB) && c->w[p].root;
}

static void mark_subordinates(casus_coder *c)
{
    const casus_options *o = &c->opt;
    uint32_t index = 1;
    int n = (int)c->nw;
    int p = 0;
    while (p < n) {
        if (casus_skip_segment(c, &p, CASUS_TAG_COMPOUND)) continue;
        if (c->w[p].wtype == CASUS_W_COMMA) {
            int start = p;
            if (p >= o->comma_bmin && p <= o->comma_bmax) {
                casus_tag_add(c, 0, 1, CASUS_TAG_SUBORD, index);
                casus_tag_add(c, start - 1, 0, CASUS_TAG_SUBORD, index);
                index++;
            }
            p++;
            while (p < n && c->w[p].wtype != CASUS_W_COMMA) {
                if (casus_skip_segment(c, &p, CASUS_TAG_COMPOUND)) continue;
                p++;
            }
            if (p > n) p = n;
            int words = p - start - 1;
            if (p >= n && words >= o->comma_emin && words <= o->comma_emax && !tells_more(c, start + 1)) {
                casus_tag_add(c, start, 1, CASUS_TAG_SUBORD, index);
                casus_tag_add(c, n - 1, 0, CASUS_TAG_SUBORD, index);
                return;
            }
            if (p < n && c->w[p].wtype == CASUS_W_COMMA && words >= o->comma_min && words <= o->comma_max) {
                casus_tag_add(c, start, 1, CASUS_TAG_SUBORD, index);
                casus_tag_add(c, p, 0, CASUS_TAG_SUBORD, index);
                index++;
            }
            if (p < n) p++; /* the closing comma does not open another clause */
            continue;
        }
        p++;
    }
}

/* Cancels every word and tag inside the eliminated clauses; tags crossing a boundary go too. */
static void null_subordinates(casus_coder *c)
{
    int n = (int)c->nw;
    if (n == 0) return;
    if (casus_has_head(c, 0, CASUS_TAG_SUBORD)) c->w[0].wtype = CASUS_W_NULL;
    for (int p = 0; p < n; p++) {
        if (!casus_has_head(c, p, CASUS_TAG_SUBORD)) continue;
        do {
            p++;
            if (p >= n) return;
            casus_word *w = &c->w[p];
            w->wtype = CASUS_W_NULL;
            for (uint32_t t = w->head; t; t = c->tags[t].next) {
                uint32_t type = c->tags[t].type;
                if (type == CASUS_TAG_CANCELLED || type == CASUS_TAG_REFERENCE) continue;
                int q = p;
                while (q < n && !casus_has_tail_indexed(c, q, type, c->tags[t].index)) q++;
                if (q >= n) continue;
                w->wtype = CASUS_W_CANCELLED;
                change_tag(c, &c->w[q].tail_types, c->w[q].tail, type, CASUS_TAG_CANCELLED);
                c->tags[t].type = CASUS_TAG_CANCELLED;
                w->head_types |= 1u << CASUS_TAG_CANCELLED;
            }
            for (uint32_t t = w->tail; t; t = c->tags[t].next) {
                uint32_t type = c->tags[t].type;
                if (type == CASUS_TAG_CANCELLED || type == CASUS_TAG_SUBORD || type == CASUS_TAG_REFERENCE) continue;
                int q = p;
                while (q > 0 && !casus_has_head_indexed(c, q, type, c->tags[t].index)) q--;
                if (!casus_has_head_indexed(c, q, type, c->tags[t].index)) continue;
                c->tags[t].type = CASUS_TAG_CANCELLED;
                w->tail_types |= 1u << CASUS_TAG_CANCELLED;
                change_tag(c, &c->w[q].head_types, c->w[q].head, type, CASUS_TAG_CANCELLED);
                c->w[q].wtype = CASUS_W_CANCELLED;
            }
        } while (!casus_has_tail(c, p, CASUS_TAG_SUBORD));
    }
}

/* ---- conjunction clauses ---- */

/* Ends a clause before the word at p (a conjunction, or THAT) and begins the next after it. */
static void split_clause(casus_coder *c, int p, uint32_t *index)
{
    c->has_clauses = 1;
    casus_tag_add(c, p - 1, 0, CASUS_TAG_CLAUSE, *index);
    ++*index;
    casus_tag_add(c, p + 1, 1, CASUS_TAG_CLAUSE, *index);
}

static void mark_clauses(casus_coder *c)
{
    uint32_t index = 1;
    int n = (int)c->nw;
    c->has_clauses = 0;
    if (n == 0) return;
    casus_tag_add(c, 0, 1, CASUS_TAG_CLAUSE, index);
    int p = 0;
    while (p < n) {
        if (casus_skip_segment(c, &p, CASUS_TAG_COMPOUND)) continue;
        if (casus_skip_segment(c, &p, CASUS_TAG_SUBORD)) continue;
        if (p > 0 && p + 1 < n && casus_begins_noun_complement(c, p)) {
            split_clause(c, p, &index);
            p += 2;
            continue;
        }
        if (c->w[p].wtype == CASUS_W_CONJUNCTION && p > 0 && p + 1 < n) {
            int phrase = 0;
            if (c->w[p - 1].wtype == CASUS_W_NOUN) { /* nouns: "bombs and heavy rockets" */
                int q = p + 1;
                while (q < n && c->w[q].wtype == CASUS_W_ADJECTIVE) q++;
                if (q < n && c->w[q].wtype == CASUS_W_NOUN) {
                    phrase = 1;
                    p = q;
                }
            }
            if (c->w[p - 1].wtype == CASUS_W_ADJECTIVE && p + 1 < n && c->w[p + 1].wtype == CASUS_W_ADJECTIVE) {
                phrase = 1;
                p++;
            }
            if (!phrase) {
                split_clause(c, p, &index);
                p++;
            }
        }
        p++;
    }
    casus_tag_add(c, (p > n ? n : p) - 1, 0, CASUS_TAG_CLAUSE, index);
}

/* ---- pronouns ---- */

/* Does the actor ending at pos name many: an agent or actor in the plural ("rebels",
   "Palestinians"), not a country ("Sudan", "Honduras")? */
static int is_plural(const casus_coder *c, int pos)
{
    if (!casus_word_ends(c, pos, "S") || casus_word_ends(c, pos, "SS") || casus_word_ends(c, pos, "US")) return 0;
    int head = pos;
    while (head > 0 && !casus_has_head(c, head, CASUS_W_ACTOR) && !casus_has_head(c, head, CASUS_W_AGENT)) head--;
    uint32_t root = c->w[head].root;
    if (c->w[pos].wtype == CASUS_W_AGENT || (root && c->dict->roots[root].wtype == CASUS_W_AGENT)) return 1;
    return casus_word_ends(c, pos, "ANS") || casus_word_ends(c, pos, "IS") || casus_word_ends(c, pos, "ERS");
}

/* SET: PLURAL PRONOUNS = PLURAL: THEY, THEM, THEIR stand for the first compound or plural actor
   or agent before them ("Sudan will halt ... if rebels withdraw from positions they captured":
   the rebels, not Sudan); -1 if none. */
static int first_plural(const casus_coder *c, int p)
{
    for (int q = 0; q < p; q++) {
        if (casus_has_tail(c, q, CASUS_TAG_COMPOUND)) {
            int h = q;
            while (h > 0 && !casus_has_head(c, h, CASUS_TAG_COMPOUND)) h--;
            return h;
        }
        int actor = casus_has_tail(c, q, CASUS_W_ACTOR), agent = casus_has_tail(c, q, CASUS_W_AGENT);
        if ((actor || agent) && is_plural(c, q)) {
            int h = q;
            while (h > 0 && !casus_has_head(c, h, CASUS_W_ACTOR)) h--;
            if (c->w[h].wtype == CASUS_W_ACTOR) return h;
        }
    }
    return -1;
}

static void dereference_pronouns(casus_coder *c)
{
    const casus_builtin_roots *b = &c->dict->builtin;
    int n = (int)c->nw;
    for (int p = 0; p < n; p++) {
        casus_word *w = &c->w[p];
        if (w->wtype != CASUS_W_PRONOUN || w->nlits == 0) continue;
        int ref = -1;
        if (w->root >= b->pronoun_singular_first && w->root <= b->pronoun_singular_last) {
            /* HE, HIM, SHE, HER, IT: the first actor outside a compound before the pronoun */
            int q = 0;
            while (q < p) {
                while (q < p && c->w[q].wtype != CASUS_W_ACTOR) q++;
                if (q >= p) break;
                uint32_t cidx = casus_head_index(c, q, CASUS_TAG_COMPOUND);
                if (cidx) {
                    do q++;
                    while (q < n && !casus_has_tail_indexed(c, q, CASUS_TAG_COMPOUND, cidx));
                    q++;
                } else if (!casus_has_head(c, q, CASUS_W_ACTOR)) {
                    q++;
                } else {
                    ref = q;
                    break;
                }
            }
        } else if (w->root > b->pronoun_singular_last && w->root <= b->pronoun_plural_last) {
            /* THEY, THEM, THEIR: the first compound, else the first actor */
            if (c->opt.plural_pronouns) ref = first_plural(c, p);
            for (int q = 0; q < p && ref < 0; q++) {
                if (c->w[q].wtype != CASUS_W_ACTOR) continue;
                if (casus_has_head(c, q, CASUS_TAG_COMPOUND)) {
                    ref = q;
                    break;
                }
                if (ref < 0) ref = q;
            }
        }
        if (ref < 0 && c->can_forward) {
            /* the first actor of the previous sentence, kept as a word after the halt */
            int singular = w->root <= b->pronoun_singular_last;
            uint32_t root = singular ? c->fwd_actor : c->fwd_compound;
            if (root) {
                ref = (int)c->nw + (singular ? 1 : 2);
                casus_word *f = &c->w[ref];
                memset(f, 0, sizeof *f);
                f->wtype = CASUS_W_ACTOR;
                f->root = root;
                f->start = f->end = c->len;
                if (casus_tag_add(c, ref, 1, CASUS_W_ACTOR, 0) || casus_tag_add(c, ref, 0, CASUS_W_ACTOR, 0)) return;
            }
        }
        if (ref >= 0) {
            w->wtype = CASUS_W_ACTOR;
            casus_tag_add(c, p, 1, CASUS_W_ACTOR, 0);
            casus_tag_add(c, p, 0, CASUS_W_ACTOR, 0);
            casus_tag_add(c, p, 1, CASUS_TAG_REFERENCE, (uint32_t)ref);
        }
    }
}

/* ---- discards and complexity ---- */

static int root_is_discard(const casus_coder *c, uint32_t root)
{
    const casus_dict *d = c->dict;
    const casus_root *r = &d->roots[root];
    if (r->wtype == CASUS_W_ACTOR) {
        const casus_code_pair *pairs;
        size_t n = casus_actor_code_resolve(d, r->code, c->day, &pairs);
        return n > 0 && pairs[0].actor == CASUS_CODE_DISCARD;
    }
    if (r->wtype == CASUS_W_VERB || r->wtype == CASUS_W_ATTRIBUTION)
        return d->event_codes[r->code].code == CASUS_CODE_DISCARD;
    if (r->wtype == CASUS_W_TIME) return d->time_codes[r->code].special == CASUS_CODE_DISCARD;
    return 0;
}

static int count_heads(const casus_coder *c, uint32_t type)
{
    int count = 0;
    for (int p = 0; p < (int)c->nw;) {
        if (casus_skip_segment(c, &p, CASUS_TAG_SUBORD)) continue;
        count += casus_has_head(c, p, type);
        p++;
    }
    return count;
}

static void complexity(casus_coder *c)
{
    const casus_options *o = &c->opt;
    const casus_dict *d = c->dict;
    int n = (int)c->nw;
    int verbs = count_heads(c, CASUS_W_VERB);
    int actors = o->cplx_actors ? count_heads(c, CASUS_W_ACTOR) : 0;
    int pronouns = 0, conj = 0;
    for (int p = 0; p < n;) {
        if (casus_skip_segment(c, &p, CASUS_TAG_SUBORD)) continue;
        pronouns += c->w[p].wtype == CASUS_W_PRONOUN;
        p++;
    }
    for (int p = 0; p < n; p++) {
        if (casus_has_head(c, p, CASUS_TAG_COMPOUND)) {
            while (p < n && !casus_has_tail(c, p, CASUS_TAG_COMPOUND)) p++;
            p++;
            if (p >= n) break;
        }
        conj += c->w[p].wtype == CASUS_W_CONJUNCTION;
    }
    int first_verb = 0;
    while (first_verb < n) {
        if (casus_skip_segment(c, &first_verb, CASUS_TAG_SUBORD)) continue;
        const casus_word *w = &c->w[first_verb];
        if (w->wtype == CASUS_W_VERB && casus_has_head(c, first_verb, CASUS_W_VERB) &&
            d->event_codes[d->roots[w->root].code].code != CASUS_CODE_NULL)
            break;
        first_verb++;
    }
    int actor_before = 0, actor_after = 0;
    for (int p = 0; p < first_verb && p < n;) {
        if (casus_skip_segment(c, &p, CASUS_TAG_SUBORD)) continue;
        if (c->w[p].wtype == CASUS_W_ACTOR) {
            actor_before = 1;
            break;
        }
        p++;
    }
    for (int p = first_verb + 1; p < n;) {
        if (casus_skip_segment(c, &p, CASUS_TAG_SUBORD)) continue;
        if (c->w[p].wtype == CASUS_W_ACTOR) {
            actor_after = 1;
            break;
        }
        p++;
    }
    const char *why = NULL;
    char buf[64];
    if (o->cplx_verbs > 0 && verbs >= o->cplx_verbs) why = "verbs";
    else if (o->cplx_actors > 0 && actors >= o->cplx_actors) why = "actors";
    else if (o->cplx_pronouns > 0 && pronouns >= o->cplx_pronouns) why = "pronouns";
    else if (o->cplx_conj > 0 && conj >= o->cplx_conj) why = "conjunctions";
    else if (o->cplx_lateverb > 0 && first_verb >= o->cplx_lateverb) why = "verb position";
    else if ((o->cplx_flags & CASUS_CPLX_NOACTPRIOR) && !actor_before) why = "no actor before verb";
    else if ((o->cplx_flags & CASUS_CPLX_NOACTAFTER) && !actor_after) why = "no actor after verb";
    else if ((o->cplx_flags & CASUS_CPLX_NOVERB) && verbs == 0) why = "no verb";
    if (why) {
        c->complex = 1;
        snprintf(buf, sizeof buf, "complex: %s", why);
        snprintf(c->complex_reason, sizeof c->complex_reason, "%s", buf);
    }
}

void casus_forward_remember(casus_coder *c)
{
    c->fwd_actor = c->fwd_compound = 0;
    for (int p = 0; p < (int)c->nw; p++) {
        if (casus_has_head(c, p, CASUS_TAG_COMPOUND)) {
            c->fwd_compound = c->w[p].root;
            while (p < (int)c->nw - 1 && !casus_has_tail(c, p, CASUS_TAG_COMPOUND)) p++;
            if (casus_has_head(c, p, CASUS_W_ACTOR) && !casus_has_head(c, p, CASUS_W_PRONOUN)) c->fwd_actor = c->w[p].root;
            break;
        }
        if (casus_has_head(c, p, CASUS_W_ACTOR) && !casus_has_head(c, p, CASUS_W_PRONOUN) && c->w[p].root) {
            c->fwd_actor = c->w[p].root;
            break;
        }
    }
    if (!c->fwd_compound) c->fwd_compound = c->fwd_actor;
}

void casus_parse(casus_coder *c)
{
    c->ntags = 1;
    c->discard = c->complex = c->too_short = 0;
    c->complex_reason[0] = '\0';
    if ((int)c->nw < c->opt.min_words || c->nw == 0) {
        c->too_short = 1;
        return;
    }
    assign_roots(c);
    if (c->sdoc) verbs_by_tagger(c);
    mark_nouns(c);
    if (c->opt.convert_agents) convert_agents(c);
    mark_compounds(c);
    mark_subordinates(c);
    if (!c->dict->has_attrib) null_subordinates(c);
    mark_clauses(c);
    dereference_pronouns(c);
    for (int p = 0; p < (int)c->nw; p++)
        if (c->w[p].root && root_is_discard(c, c->w[p].root)) {
            c->discard = 1;
            return;
        }
    complexity(c);
}
