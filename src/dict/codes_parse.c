/* codes_parse.c — parses the [...] code blocks of TABARI dictionaries: date-restricted actor
 * codes, agent codes, event codes (paired, subordinate, dominant) and <TIME> shifts. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "dict/dict.h"

static void trim(const char **s, const char **e)
{
    while (*s < *e && isspace((unsigned char)**s)) (*s)++;
    while (*e > *s && isspace((unsigned char)(*e)[-1])) (*e)--;
}

/* Interns code text with its blanks removed ("- - -" is not a code, but "~ GOV" is "~GOV"). */
static uint32_t intern_code(casus_dict *dict, const char *s, const char *e)
{
    char buf[128];
    size_t n = 0;
    for (; s < e; s++)
        if (!isspace((unsigned char)*s)) {
            if (n + 1 >= sizeof buf) return 0;
            buf[n++] = *s;
        }
    if (n == 0) return 0;
    return casus_codes_intern(&dict->codes, buf, n);
}

/* "ACT", "ACT:AGT", "A/B/C" -> pairs appended to dict->pairs. */
static const char *parse_compound(casus_dict *dict, const char *s, const char *e, uint32_t *first, uint32_t *n)
{
    *first = (uint32_t)dict->npairs;
    *n = 0;
    while (s < e) {
        const char *slash = memchr(s, '/', (size_t)(e - s));
        const char *part_end = slash ? slash : e;
        const char *colon = memchr(s, ':', (size_t)(part_end - s));
        casus_code_pair pair = {0, 0};
        const char *ps = s, *pe = colon ? colon : part_end;
        trim(&ps, &pe);
        if (ps == pe) return "empty code in a compound";
        pair.actor = intern_code(dict, ps, pe);
        if (colon) {
            const char *as = colon + 1, *ae = part_end;
            trim(&as, &ae);
            pair.agent = intern_code(dict, as, ae);
        }
        if (!pair.actor) return "code too long";
        if (CASUS_PUSH(dict->pairs, dict->npairs, dict->pairs_cap, pair)) return "out of memory";
        (*n)++;
        s = slash ? slash + 1 : e;
    }
    return *n ? NULL : "empty code";
}

/* Digits of a date starting at s (skipping blanks), as a day number. */
static const char *parse_date(const char **s, const char *e, int four_digit, int32_t *day)
{
    while (*s < e && isspace((unsigned char)**s)) (*s)++;
    const char *d = *s;
    while (*s < e && isdigit((unsigned char)**s)) (*s)++;
    size_t len = (size_t)(*s - d);
    if (len != 6 && len != 8) return "a date must have 6 digits (YYMMDD) or 8 (YYYYMMDD)";
    (void)four_digit;
    *day = casus_day_parse(d, len);
    return *day < 0 ? "month or day out of range in date" : NULL;
}

/* One [...] block of an actor code. */
static const char *parse_block(casus_dict *dict, const char *s, const char *e, int four_digit, casus_dated_codes *out)
{
    trim(&s, &e);
    if (s == e) return "empty code in [ ]";
    memset(out, 0, sizeof *out);
    const char *lt = memchr(s, '<', (size_t)(e - s));
    const char *gt = memchr(s, '>', (size_t)(e - s));
    const char *code_end = e;
    const char *err;
    if (lt || gt) {
        const char *op = lt ? lt : gt;
        out->kind = lt ? CASUS_DATE_BEFORE : CASUS_DATE_AFTER;
        code_end = op;
        const char *p = op + 1;
        if ((err = parse_date(&p, e, four_digit, &out->from))) return err;
        while (p < e && isspace((unsigned char)*p)) p++;
        if (p != e) return "unexpected text after a date";
    } else {
        /* "CODE YYMMDD-YYMMDD": a hyphen between digits (the null code "---" has none) */
        const char *dash = NULL;
        for (const char *p = s; p < e; p++)
            if (*p == '-' && p > s && (isdigit((unsigned char)p[-1]) || p[-1] == ' ') &&
                (p + 1 < e && (isdigit((unsigned char)p[1]) || p[1] == ' '))) {
                const char *q = p - 1;
                while (q > s && *q == ' ') q--;
                const char *r = p + 1;
                while (r < e && *r == ' ') r++;
                if (isdigit((unsigned char)*q) && r < e && isdigit((unsigned char)*r)) {
                    dash = p;
                    break;
                }
            }
        if (dash) {
            const char *d1 = dash - 1;
            while (d1 > s && *d1 == ' ') d1--;
            while (d1 > s && isdigit((unsigned char)d1[-1])) d1--;
            code_end = d1;
            const char *p = d1;
            out->kind = CASUS_DATE_BETWEEN;
            if ((err = parse_date(&p, dash, four_digit, &out->from))) return err;
            p = dash + 1;
            if ((err = parse_date(&p, e, four_digit, &out->to))) return err;
            while (p < e && isspace((unsigned char)*p)) p++;
            if (p != e) return "unexpected text after a date";
        } else {
            out->kind = CASUS_DATE_ANY;
        }
    }
    const char *cs = s, *ce = code_end;
    trim(&cs, &ce);
    if (cs == ce) return "a date restriction without a code";
    return parse_compound(dict, cs, ce, &out->first_pair, &out->npairs);
}

const char *casus_actor_code_parse(casus_dict *dict, const char *text, int four_digit, uint32_t *out)
{
    casus_dated_codes blocks[64];
    size_t nblocks = 0;
    size_t pairs_mark = dict->npairs;
    const char *p = text;
    const char *err = NULL;
    while ((p = strchr(p, '[')) != NULL) {
        const char *close = strchr(p + 1, ']');
        if (!close) {
            err = "missing ']'";
            break;
        }
        if (nblocks == sizeof blocks / sizeof *blocks) {
            err = "too many date restrictions";
            break;
        }
        if ((err = parse_block(dict, p + 1, close, four_digit, &blocks[nblocks]))) break;
        nblocks++;
        p = close + 1;
    }
    if (!err && nblocks == 0) err = "no code in [ ]";
    if (err) {
        dict->npairs = pairs_mark;
        return err;
    }
    /* A lone restricted code gets the null code as its default; the default goes last. */
    int has_default = 0;
    for (size_t i = 0; i < nblocks; i++) has_default |= blocks[i].kind == CASUS_DATE_ANY;
    casus_actor_code ac = {(uint32_t)dict->ndated, 0};
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < nblocks; i++) {
            if ((blocks[i].kind == CASUS_DATE_ANY) != (pass == 1)) continue;
            if (CASUS_PUSH(dict->dated, dict->ndated, dict->dated_cap, blocks[i])) return "out of memory";
            ac.ndated++;
        }
    if (!has_default && nblocks == 1) {
        casus_code_pair null_pair = {CASUS_CODE_NULL, 0};
        casus_dated_codes d = {.kind = CASUS_DATE_ANY, .first_pair = (uint32_t)dict->npairs, .npairs = 1};
        if (CASUS_PUSH(dict->pairs, dict->npairs, dict->pairs_cap, null_pair) ||
            CASUS_PUSH(dict->dated, dict->ndated, dict->dated_cap, d))
            return "out of memory";
        ac.ndated++;
    }
    if (CASUS_PUSH(dict->actor_codes, dict->nactor_codes, dict->actor_codes_cap, ac)) return "out of memory";
    *out = (uint32_t)dict->nactor_codes - 1;
    return NULL;
}

/* "064", "023?", "111!" -> code id and precedence. */
static const char *parse_one_event(casus_dict *dict, const char *s, const char *e, uint32_t *code, uint8_t *prec)
{
    trim(&s, &e);
    *prec = 0;
    if (s < e && e[-1] == '?') {
        *prec = CASUS_PREC_SUBORDINATE;
        e--;
    } else if (s < e && e[-1] == '!') {
        *prec = CASUS_PREC_DOMINANT;
        e--;
    }
    trim(&s, &e);
    if (s == e) return "empty event code";
    *code = intern_code(dict, s, e);
    return *code ? NULL : "event code too long";
}

const char *casus_event_code_parse(casus_dict *dict, const char *text, uint32_t *out)
{
    const char *open = strchr(text, '[');
    const char *close = strrchr(text, ']');
    if (!open) return "missing '['";
    if (!close || close < open) return "missing ']'";
    const char *s = open + 1, *e = close;
    /* Issue codes after '/' and actor designations $( +( @( are not used by casus. */
    for (const char *p = s; p < e; p++)
        if (*p == '/' || ((*p == '$' || *p == '+' || *p == '@') && p + 1 < e && p[1] == '(')) {
            e = p;
            break;
        }
    casus_event_code ec = {0};
    const char *colon = memchr(s, ':', (size_t)(e - s));
    const char *err = parse_one_event(dict, s, colon ? colon : e, &ec.code, &ec.code_prec);
    if (!err && colon) err = parse_one_event(dict, colon + 1, e, &ec.pair, &ec.pair_prec);
    if (err) return err;
    if (CASUS_PUSH(dict->event_codes, dict->nevent_codes, dict->event_codes_cap, ec)) return "out of memory";
    *out = (uint32_t)dict->nevent_codes - 1;
    return NULL;
}

const char *casus_time_code_parse(casus_dict *dict, const char *text, uint32_t *out)
{
    const char *open = strchr(text, '[');
    if (!open || !strchr(open, ']')) return "missing '[' or ']'";
    casus_time_code tc = {0, 0};
    if (strstr(open, "---")) tc.special = CASUS_CODE_NULL;
    else if (strstr(open, "###")) tc.special = CASUS_CODE_DISCARD;
    else if (strstr(open, "+++")) tc.special = CASUS_CODE_COMPLEX;
    else {
        const char *p = open + 1;
        while (*p == ' ') p++;
        long v = strtol(p, NULL, 10);
        if (v > 8192 || v < -8192) return "time shift larger than 8192 days";
        tc.days = (int32_t)v;
    }
    if (CASUS_PUSH(dict->time_codes, dict->ntime_codes, dict->time_codes_cap, tc)) return "out of memory";
    *out = (uint32_t)dict->ntime_codes - 1;
    return NULL;
}
