/* lint.c — checks a loaded dictionary for entries that cannot work as their author meant:
 * patterns that can never fire, overlapping date restrictions, and event codes without labels. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dict.h"

static int same_elements(const casus_dict *d, const casus_pattern *a, const casus_pattern *b)
{
    if (a->nelem != b->nelem) return 0;
    return memcmp(d->elems + a->phrase, d->elems + b->phrase, a->nelem * sizeof *d->elems) == 0;
}

static size_t duplicate_patterns(casus_dict *d)
{
    size_t found = 0;
    for (size_t r = 1; r < d->nroots; r++) {
        const casus_root *root = &d->roots[r];
        if (root->owner != r || root->pat_count < 2) continue;
        for (uint32_t i = 1; i < root->pat_count; i++) {
            const casus_pattern *p = &d->patterns[root->pat_first + i];
            for (uint32_t k = 0; k < i; k++) {
                const casus_pattern *q = &d->patterns[root->pat_first + k];
                if (q->length == p->length && same_elements(d, q, p)) {
                    casus_dict_diag_add(d, d->files[p->file], p->line,
                                        "pattern never fires: the same pattern stands at %s:%u", d->files[q->file], q->line);
                    found++;
                    break;
                }
            }
        }
    }
    return found;
}

/* Date restrictions as closed intervals of day numbers. */
static void interval(const casus_dated_codes *dc, int64_t *lo, int64_t *hi)
{
    *lo = INT32_MIN;
    *hi = INT32_MAX;
    if (dc->kind == CASUS_DATE_BEFORE) *hi = (int64_t)dc->from - 1;
    else if (dc->kind == CASUS_DATE_AFTER) *lo = (int64_t)dc->from + 1;
    else if (dc->kind == CASUS_DATE_BETWEEN) {
        *lo = dc->from;
        *hi = dc->to;
    }
}

static size_t overlapping_dates(casus_dict *d)
{
    size_t found = 0;
    char *reported = calloc(d->nactor_codes + 1, 1);
    if (!reported) return 0;
    for (size_t r = 1; r < d->nroots; r++) {
        const casus_root *root = &d->roots[r];
        if (root->wtype != CASUS_W_ACTOR || !root->code || reported[root->code]) continue;
        const casus_actor_code *ac = &d->actor_codes[root->code];
        for (uint32_t i = 0; i < ac->ndated && !reported[root->code]; i++)
            for (uint32_t k = i + 1; k < ac->ndated; k++) {
                const casus_dated_codes *a = &d->dated[ac->first_dated + i], *b = &d->dated[ac->first_dated + k];
                if (a->kind == CASUS_DATE_ANY || b->kind == CASUS_DATE_ANY) continue;
                int64_t alo, ahi, blo, bhi;
                interval(a, &alo, &ahi);
                interval(b, &blo, &bhi);
                if (alo <= bhi && blo <= ahi) {
                    casus_dict_diag_add(d, d->files[root->file], root->line,
                                        "date restrictions %u and %u overlap: the first that holds wins", i + 1, k + 1);
                    reported[root->code] = 1;
                    found++;
                    break;
                }
            }
    }
    free(reported);
    return found;
}

static int has_labels(const casus_dict *d)
{
    for (size_t i = CASUS_CODE_FIRST_REGULAR; i < d->codes.count; i++)
        if (d->codes.label[i]) return 1;
    return 0;
}

static size_t unlabelled_codes(casus_dict *d)
{
    if (!has_labels(d)) return 0;
    size_t found = 0;
    char *reported = calloc(d->codes.count + 1, 1);
    if (!reported) return 0;
    for (size_t pass = 0; pass < 2; pass++) {
        size_t n = pass == 0 ? d->nroots : d->npatterns;
        for (size_t i = pass == 0; i < n; i++) {
            uint32_t ecode, file, line;
            if (pass == 0) {
                const casus_root *r = &d->roots[i];
                if (r->wtype != CASUS_W_VERB || r->owner != i) continue;
                ecode = r->code, file = r->file, line = r->line;
            } else {
                const casus_pattern *p = &d->patterns[i];
                if (d->roots[p->owner].wtype != CASUS_W_VERB) continue;
                ecode = p->code, file = p->file, line = p->line;
            }
            const casus_event_code *ec = &d->event_codes[ecode];
            uint32_t codes[2] = {ec->code, ec->pair};
            for (int k = 0; k < 2; k++) {
                uint32_t c = codes[k];
                if (c < CASUS_CODE_FIRST_REGULAR || reported[c] || d->codes.label[c]) continue;
                reported[c] = 1;
                casus_dict_diag_add(d, d->files[file], line, "event code %s has no LABEL in the options", d->codes.text[c]);
                found++;
            }
        }
    }
    free(reported);
    return found;
}

/* Is there a verb root written exactly as word (n bytes, "SAY_")? */
static int is_verb_root(const casus_dict *d, const char *word, size_t n)
{
    for (size_t i = 1; i < d->nroots; i++) {
        const casus_root *r = &d->roots[i];
        if (r->wtype != CASUS_W_VERB || r->owner != i) continue;
        const char *text = casus_dict_text(d, r->text);
        if (strlen(text) == n && !memcmp(text, word, n)) return 1;
    }
    return 0;
}

/* Every root an options line lists (SPEECH: SAY_ TELL_) is a verb of the dictionaries. */
static size_t unknown_listed_roots(casus_dict *d)
{
    size_t found = 0;
    for (size_t i = 0; i < d->nroot_lists; i++) {
        const struct casus_root_list *l = &d->root_lists[i];
        const char *s = strchr(casus_dict_text(d, l->text), ':');
        while (s && *++s && *s != '#' && !(s[0] == '/' && s[1] == '/')) {
            if (*s == ' ' || *s == '\t') continue;
            size_t n = strcspn(s, " \t#");
            if (!is_verb_root(d, s, n)) {
                casus_dict_diag_add(d, d->files[l->file], l->line, "%.*s is no verb of the dictionaries", (int)n, s);
                found++;
            }
            s += n - 1;
        }
    }
    return found;
}

size_t casus_dict_lint(casus_dict *d)
{
    if (!d->finished) return 0;
    return duplicate_patterns(d) + overlapping_dates(d) + unlabelled_codes(d) + unknown_listed_roots(d);
}
