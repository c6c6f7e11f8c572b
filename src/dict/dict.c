/* dict.c — the dictionary handle: storage of roots, patterns and codes; finishing; dates. */
#include "dict/dict.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"

static const char *const wtype_names[CASUS_W_COUNT] = {
    "null", "actor", "agent", "verb", "noun", "adjective", "determiner", "conjunction",
    "preposition", "pronoun", "auxiliary", "by", "time", "attribution", "synset", "comma",
    "number", "cancelled", "halt",
};

const char *casus_wtype_name(casus_wtype type)
{
    return type < CASUS_W_COUNT ? wtype_names[type] : "?";
}

casus_status casus_dict_diag_add(casus_dict *dict, const char *file, size_t line, const char *fmt, ...)
{
    char reason[512], full[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    if (line) snprintf(full, sizeof full, "%s:%zu: %s", file, line, reason);
    else snprintf(full, sizeof full, "%s: %s", file, reason);
    char *copy = casus_strndup(full, strlen(full));
    if (!copy || CASUS_PUSH(dict->diags, dict->ndiags, dict->diags_cap, copy)) {
        free(copy);
        return CASUS_ENOMEM;
    }
    return CASUS_OK;
}

uint32_t casus_dict_text_add(casus_dict *dict, const char *text)
{
    size_t n = strlen(text);
    if (dict->texts_len + n + 1 > UINT32_MAX) return 0;
    if (casus_grow((void **)&dict->texts, &dict->texts_cap, dict->texts_len + n + 1, 1)) return 0;
    uint32_t at = (uint32_t)dict->texts_len;
    memcpy(dict->texts + at, text, n + 1);
    dict->texts_len += n + 1;
    return at;
}

uint32_t casus_dict_file_add(casus_dict *dict, const char *name)
{
    char *copy = casus_strndup(name, strlen(name));
    if (!copy || CASUS_PUSH(dict->files, dict->nfiles, dict->files_cap, copy)) {
        free(copy);
        return UINT32_MAX;
    }
    return (uint32_t)(dict->nfiles - 1);
}

/* The built-in words every dictionary has: determiners, conjunctions, prepositions, pronouns,
   passive-voice auxiliaries, BY, and FORMER. */
static int add_builtins(casus_dict *dict)
{
    static const struct { const char *word; casus_wtype type; } words[] = {
        {"A_", CASUS_W_DETERMINER}, {"AN_", CASUS_W_DETERMINER}, {"THE_", CASUS_W_DETERMINER},
        {"AND_", CASUS_W_CONJUNCTION}, {"NOR_", CASUS_W_CONJUNCTION}, {"BUT_", CASUS_W_CONJUNCTION},
        {"OR_", CASUS_W_CONJUNCTION}, {"IN_", CASUS_W_PREPOSITION}, {"OF_", CASUS_W_PREPOSITION},
        {"HE_", CASUS_W_PRONOUN}, {"HIM_", CASUS_W_PRONOUN}, {"SHE_", CASUS_W_PRONOUN},
        {"HER_", CASUS_W_PRONOUN}, {"IT_", CASUS_W_PRONOUN}, {"THEM_", CASUS_W_PRONOUN},
        {"THEIR_", CASUS_W_PRONOUN}, {"THEY_", CASUS_W_PRONOUN}, {"WERE_", CASUS_W_AUXILIARY},
        {"WAS_", CASUS_W_AUXILIARY}, {"BEEN_", CASUS_W_AUXILIARY}, {"BY_", CASUS_W_BY},
        {"FORMER_", CASUS_W_ADJECTIVE},
    };
    uint32_t file = casus_dict_file_add(dict, "<built-in>");
    if (file == UINT32_MAX) return -1;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        uint32_t first;
        uint16_t n;
        if (casus_phrase_parse(dict, words[i].word, &first, &n)) return -1;
        uint32_t root = casus_dict_root_add(dict, first, n, words[i].type, 0, file, 0);
        if (!root) return -1;
        dict->roots[root].text = casus_dict_text_add(dict, words[i].word);
        uint32_t lit = dict->elems[first].id;
        if (!strcmp(words[i].word, "AND_")) dict->builtin.lit_and = lit;
        if (!strcmp(words[i].word, "NOR_")) dict->builtin.lit_nor = lit;
        if (!strcmp(words[i].word, "IN_")) dict->builtin.lit_in = lit;
        if (!strcmp(words[i].word, "HE_")) dict->builtin.pronoun_singular_first = root;
        if (!strcmp(words[i].word, "IT_")) dict->builtin.pronoun_singular_last = root;
        if (!strcmp(words[i].word, "THEY_")) dict->builtin.pronoun_plural_last = root;
        if (!strcmp(words[i].word, "FORMER_")) dict->builtin.former = root;
    }
    return 0;
}

casus_dict *casus_dict_new(void)
{
    casus_dict *dict = calloc(1, sizeof *dict);
    if (!dict) return NULL;
    if (casus_lexicon_init(&dict->lex) || casus_codes_init(&dict->codes)) goto fail;
    if (!casus_dict_text_add(dict, "") && dict->texts_len == 0) goto fail; /* offset 0: "" */
    casus_options_default(&dict->options);
    /* roots[0], actor_codes[0], event_codes[0], time_codes[0] mean "none" */
    if (CASUS_PUSH(dict->roots, dict->nroots, dict->roots_cap, (casus_root){0}) ||
        CASUS_PUSH(dict->actor_codes, dict->nactor_codes, dict->actor_codes_cap, (casus_actor_code){0}) ||
        CASUS_PUSH(dict->event_codes, dict->nevent_codes, dict->event_codes_cap, (casus_event_code){0}) ||
        CASUS_PUSH(dict->time_codes, dict->ntime_codes, dict->time_codes_cap, (casus_time_code){0}))
        goto fail;
    if (add_builtins(dict)) goto fail;
    if (!(dict->builtin.elite = casus_codes_intern(&dict->codes, "~ELI", 4))) goto fail; /* FORMER <agent> */
    return dict;
fail:
    casus_dict_free(dict);
    return NULL;
}

void casus_dict_free(casus_dict *dict)
{
    if (!dict) return;
    casus_lexicon_free(&dict->lex);
    casus_codes_free(&dict->codes);
    free(dict->elems);
    free(dict->roots);
    free(dict->patterns);
    free(dict->root_of_literal);
    free(dict->last_of_literal);
    free(dict->required);
    free(dict->start_at);
    free(dict->start);
    free(dict->actor_codes);
    free(dict->dated);
    free(dict->pairs);
    free(dict->event_codes);
    free(dict->time_codes);
    free(dict->seen);
    free(dict->root_lists);
    for (size_t i = 0; i < dict->nfiles; i++) free(dict->files[i]);
    free(dict->files);
    free(dict->texts);
    for (size_t i = 0; i < dict->ndiags; i++) free(dict->diags[i]);
    free(dict->diags);
    free(dict);
}

size_t casus_dict_diag_count(const casus_dict *dict) { return dict->ndiags; }
const char *casus_dict_diag(const casus_dict *dict, size_t index)
{
    return index < dict->ndiags ? dict->diags[index] : NULL;
}

void casus_dict_get_stats(const casus_dict *dict, casus_dict_stats *stats) { *stats = dict->stats; }

/* ---- roots ---- */

static uint64_t phrase_hash(const casus_dict *dict, uint32_t phrase, uint16_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (uint16_t i = 0; i < n; i++) {
        const casus_elem *e = &dict->elems[phrase + i];
        h = (h ^ e->id) * 1099511628211ull;
        h = (h ^ ((uint64_t)e->kind << 8 | e->conn)) * 1099511628211ull;
    }
    return h;
}

static int same_phrase(const casus_dict *dict, uint32_t a, uint16_t na, uint32_t b, uint16_t nb)
{
    if (na != nb) return 0;
    for (uint16_t i = 0; i < na; i++) {
        const casus_elem *x = &dict->elems[a + i], *y = &dict->elems[b + i];
        if (x->id != y->id || x->kind != y->kind || (x->conn & ~CASUS_CONN_NOENDINGS) != (y->conn & ~CASUS_CONN_NOENDINGS))
            return 0;
    }
    return 1;
}

int casus_dict_root_seen(const casus_dict *dict, uint32_t phrase, uint16_t nelem)
{
    if (!dict->seen_cap) return 0;
    size_t i = phrase_hash(dict, phrase, nelem) & (dict->seen_cap - 1);
    while (dict->seen[i]) {
        const casus_root *r = &dict->roots[dict->seen[i]];
        if (same_phrase(dict, r->phrase, r->nelem, phrase, nelem)) return 1;
        i = (i + 1) & (dict->seen_cap - 1);
    }
    return 0;
}

static int seen_insert(casus_dict *dict, uint32_t root)
{
    if ((dict->seen_count + 1) * 2 > dict->seen_cap) {
        size_t ncap = dict->seen_cap ? dict->seen_cap * 2 : 1024;
        uint32_t *slots = calloc(ncap, sizeof *slots);
        if (!slots) return -1;
        for (size_t k = 0; k < dict->seen_cap; k++) {
            if (!dict->seen[k]) continue;
            const casus_root *r = &dict->roots[dict->seen[k]];
            size_t i = phrase_hash(dict, r->phrase, r->nelem) & (ncap - 1);
            while (slots[i]) i = (i + 1) & (ncap - 1);
            slots[i] = dict->seen[k];
        }
        free(dict->seen);
        dict->seen = slots;
        dict->seen_cap = ncap;
    }
    const casus_root *r = &dict->roots[root];
    size_t i = phrase_hash(dict, r->phrase, r->nelem) & (dict->seen_cap - 1);
    while (dict->seen[i]) i = (i + 1) & (dict->seen_cap - 1);
    dict->seen[i] = root;
    dict->seen_count++;
    return 0;
}

uint32_t casus_dict_root_add(casus_dict *dict, uint32_t phrase, uint16_t nelem, casus_wtype type,
                             uint32_t code, uint32_t file, uint32_t line)
{
    if (nelem == 0) return 0;
    const casus_elem *first = &dict->elems[phrase];
    casus_root root = {.phrase = phrase, .nelem = nelem, .wtype = (uint8_t)type, .code = code,
                       .file = file, .line = line};
    root.owner = (uint32_t)dict->nroots;
    root.parent = (uint32_t)dict->nroots;
    if (CASUS_PUSH(dict->roots, dict->nroots, dict->roots_cap, root)) return 0;
    uint32_t index = (uint32_t)dict->nroots - 1;
    if (first->kind == CASUS_E_LITERAL) {
        size_t need = dict->lex.nnodes;
        size_t cap1 = dict->root_of_literal_cap, cap2 = dict->last_of_literal_cap;
        if (casus_grow((void **)&dict->root_of_literal, &cap1, need, sizeof *dict->root_of_literal) ||
            casus_grow((void **)&dict->last_of_literal, &cap2, need, sizeof *dict->last_of_literal)) {
            dict->nroots--;
            return 0;
        }
        memset(dict->root_of_literal + dict->root_of_literal_cap, 0, (cap1 - dict->root_of_literal_cap) * sizeof(uint32_t));
        memset(dict->last_of_literal + dict->last_of_literal_cap, 0, (cap2 - dict->last_of_literal_cap) * sizeof(uint32_t));
        dict->root_of_literal_cap = cap1;
        dict->last_of_literal_cap = cap2;
        uint32_t lit = first->id;
        if (dict->last_of_literal[lit]) dict->roots[dict->last_of_literal[lit]].next_same_literal = index;
        else dict->root_of_literal[lit] = index;
        dict->last_of_literal[lit] = index;
    }
    if (seen_insert(dict, index)) {
        dict->nroots--;
        return 0;
    }
    return index;
}

uint32_t casus_dict_pattern_add(casus_dict *dict, uint32_t owner, uint32_t phrase, uint16_t nelem,
                                uint16_t length, uint16_t maxalt, uint32_t code, uint32_t file,
                                uint32_t line)
{
    casus_pattern p = {.phrase = phrase, .nelem = nelem, .length = length, .maxalt = maxalt,
                       .code = code, .owner = owner, .order = (uint32_t)dict->npatterns,
                       .file = file, .line = line};
    if (CASUS_PUSH(dict->patterns, dict->npatterns, dict->patterns_cap, p)) return UINT32_MAX;
    return (uint32_t)dict->npatterns - 1;
}

/* Patterns grouped by owner root, longest first, input order among equals. */
static int pattern_order(const void *a, const void *b)
{
    const casus_pattern *x = a, *y = b;
    if (x->owner != y->owner) return x->owner < y->owner ? -1 : 1;
    if (x->length != y->length) return x->length > y->length ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

casus_status casus_dict_finish(casus_dict *dict)
{
    if (dict->npatterns) qsort(dict->patterns, dict->npatterns, sizeof *dict->patterns, pattern_order);
    for (size_t i = 0; i < dict->nroots; i++) dict->roots[i].pat_count = 0;
    for (size_t i = 0; i < dict->npatterns; i++) {
        casus_root *owner = &dict->roots[dict->patterns[i].owner];
        if (owner->pat_count == 0) owner->pat_first = (uint32_t)i;
        owner->pat_count++;
    }
    /* Verb forms and synonyms share their owner's pattern list. */
    for (size_t i = 0; i < dict->nroots; i++) {
        casus_root *r = &dict->roots[i];
        if (r->owner != i) {
            r->pat_first = dict->roots[r->owner].pat_first;
            r->pat_count = dict->roots[r->owner].pat_count;
        }
    }
    /* Lexicon nodes added after the last root need start-list slots too. */
    size_t need = dict->lex.nnodes;
    if (dict->root_of_literal_cap < need) {
        size_t cap = dict->root_of_literal_cap;
        if (casus_grow((void **)&dict->root_of_literal, &cap, need, sizeof *dict->root_of_literal))
            return CASUS_ENOMEM;
        memset(dict->root_of_literal + dict->root_of_literal_cap, 0, (cap - dict->root_of_literal_cap) * sizeof(uint32_t));
        dict->root_of_literal_cap = cap;
    }
    /* The literals each pattern cannot match without: a text lacking one is not tried. */
    dict->nrequired = 0;
    for (size_t i = 0; i < dict->npatterns; i++) {
        casus_pattern *p = &dict->patterns[i];
        p->req_first = (uint32_t)dict->nrequired;
        p->req_count = 0;
        int depth = 0;
        for (uint16_t k = 0; k < p->nelem; k++) {
            const casus_elem *e = &dict->elems[p->phrase + k];
            if (e->kind == CASUS_E_OPEN) depth++;
            else if (e->kind == CASUS_E_CLOSE) depth--;
            else if (e->kind == CASUS_E_LITERAL && depth == 0) {
                if (CASUS_PUSH(dict->required, dict->nrequired, dict->required_cap, e->id)) return CASUS_ENOMEM;
                p->req_count++;
            }
        }
    }
    size_t nlit = dict->lex.nnodes;
    dict->start_at = calloc(nlit + 1, sizeof *dict->start_at);
    if (!dict->start_at) return CASUS_ENOMEM;
    size_t total = 0;
    for (size_t lit = 0; lit < nlit; lit++) {
        dict->start_at[lit] = (uint32_t)total;
        for (uint32_t r = dict->root_of_literal[lit]; r; r = dict->roots[r].next_same_literal)
            total += dict->roots[r].wtype != CASUS_W_SYNSET;
    }
    dict->start_at[nlit] = (uint32_t)total;
    dict->start = malloc((total ? total : 1) * sizeof *dict->start);
    if (!dict->start) return CASUS_ENOMEM;
    for (size_t lit = 0, k = 0; lit < nlit; lit++)
        for (uint32_t r = dict->root_of_literal[lit]; r; r = dict->roots[r].next_same_literal) {
            const casus_root *root = &dict->roots[r];
            if (root->wtype == CASUS_W_SYNSET) continue;
            dict->start[k].root = r;
            dict->start[k].second = root->nelem > 1 ? dict->elems[root->phrase + 1].id : 0;
            k++;
        }
    dict->stats.patterns = dict->npatterns;
    dict->finished = 1;
    return CASUS_OK;
}

/* ---- dates ---- */

int32_t casus_day_from_ymd(int y, int m, int d)
{
    /* days from civil (proleptic Gregorian), shifted so 1900-01-01 is 0 */
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468 + 25567;
}

void casus_ymd_from_day(int32_t dayno, int *year, int *month, int *day)
{
    int z = dayno - 25567 + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp + (mp < 10 ? 3 : -9);
    *year = y + (m <= 2);
    *month = m;
    *day = d;
}

int32_t casus_day_parse(const char *s, size_t len)
{
    if (len != 6 && len != 8) return -1;
    int v[8];
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v[i] = s[i] - '0';
    }
    int year, k;
    if (len == 8) {
        year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
        k = 4;
    } else {
        year = v[0] * 10 + v[1];
        year += year <= 30 ? 2000 : 1900;
        k = 2;
    }
    int month = v[k] * 10 + v[k + 1], day = v[k + 2] * 10 + v[k + 3];
    if (month < 1 || month > 12 || day < 1 || day > 31) return -1;
    return casus_day_from_ymd(year, month, day);
}

size_t casus_actor_code_resolve(const casus_dict *dict, uint32_t actor_code, int32_t day,
                                const casus_code_pair **pairs)
{
    const casus_actor_code *ac = &dict->actor_codes[actor_code];
    for (uint32_t i = 0; i < ac->ndated; i++) {
        const casus_dated_codes *d = &dict->dated[ac->first_dated + i];
        int holds = d->kind == CASUS_DATE_ANY ||
                    (d->kind == CASUS_DATE_BEFORE && day < d->from) ||
                    (d->kind == CASUS_DATE_AFTER && day > d->from) ||
                    (d->kind == CASUS_DATE_BETWEEN && day >= d->from && day <= d->to);
        if (holds) {
            *pairs = &dict->pairs[d->first_pair];
            return d->npairs;
        }
    }
    *pairs = NULL;
    return 0;
}
