/* options.c — parses TABARI .options commands (SET, COMPLEX, DEFAULT, COMMA, NONEVENTS ...). */
#include "dict/options.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

void casus_options_default(casus_options *o)
{
    memset(o, 0, sizeof *o);
    o->code_by = CASUS_CODE_BY_CLAUSE;
    o->comma_min = 2;
    o->comma_max = 10;
    o->comma_bmin = 1 << 20; /* the opening clause is never eliminated by default */
    o->comma_bmax = 0;
    o->comma_emin = 2;
    o->comma_emax = 10;
    o->min_words = 8;
    o->time_shift = -1;
    o->targets_before = 1;
}

/* The integer after keyword in s, or `otherwise` when the keyword or the number is missing. */
static int integer_after(const char *s, const char *keyword, int otherwise)
{
    const char *p = strstr(s, keyword);
    if (!p) return otherwise;
    p += strlen(keyword);
    while (*p && !isdigit((unsigned char)*p)) p++;
    if (!*p) return otherwise;
    return atoi(p);
}

/* TRUE/T/FALSE/F after '='; -1 when neither. */
static int boolean_value(const char *s)
{
    const char *p = strchr(s, '=');
    p = p ? p + 1 : s;
    while (*p == ' ' || *p == '\t') p++;
    if (*p == 'T') return 1;
    if (*p == 'F') return 0;
    if (!strncmp(p, "ON", 2)) return 1;
    if (!strncmp(p, "OFF", 3)) return 0;
    return -1;
}

/* Copies the code inside [...] after keyword into out; 1 if found, 0 if absent, -1 if malformed. */
static int bracket_code(const char *s, const char *keyword, char *out, size_t cap)
{
    const char *p = strstr(s, keyword);
    if (!p) return 0;
    const char *open = strchr(p, '[');
    if (!open) return -1;
    const char *close = strchr(open, ']');
    if (!close) return -1;
    open++;
    while (open < close && *open == ' ') open++;
    while (close > open && close[-1] == ' ') close--;
    size_t n = (size_t)(close - open);
    if (n == 0 || n >= cap) return -1;
    memcpy(out, open, n);
    out[n] = '\0';
    return 1;
}

/* Appends the roots of a list line (" SAY_ TELL_ ") to list, one space between and around them. */
static int append_roots(char *list, size_t cap, const char *args)
{
    size_t have = strlen(list), add = strlen(args);
    if (have + add + 3 >= cap) return -1;
    if (!have) list[have++] = ' ';
    for (const char *a = args; *a; a++) {
        if (*a == ' ' || *a == '\t') {
            if (list[have - 1] != ' ') list[have++] = ' ';
        } else {
            list[have++] = *a;
        }
    }
    if (list[have - 1] != ' ') list[have++] = ' ';
    list[have] = '\0';
    return 0;
}

/* The commands whose arguments are verb roots, and the lists they fill. */
#define ROOT_LIST(name, field) {name, name ": too many verbs", offsetof(casus_options, field), sizeof ((casus_options *)0)->field}
static const struct root_list {
    const char *name, *full;
    size_t offset, size;
} root_lists[] = {
    ROOT_LIST("SPEECH", speech), ROOT_LIST("STATIVE", stative), ROOT_LIST("INTRANSITIVE", intransitive),
    ROOT_LIST("INTENT", intent), ROOT_LIST("THREAT", threat), ROOT_LIST("APPEAL", appeal),
    ROOT_LIST("DEMAND", demand),
};

static const char *apply_set(casus_options *o, const char *s)
{
    int b = boolean_value(s);
    if (strstr(s, "CODE")) {
        if (strstr(s, "SEN")) o->code_by = CASUS_CODE_BY_SENTENCE;
        else if (strstr(s, "ALL")) o->code_by = CASUS_CODE_ALL;
        else o->code_by = CASUS_CODE_BY_CLAUSE;
        return NULL;
    }
    if (strstr(s, "MINIM")) {
        int n = integer_after(s, "MINIM", -1);
        if (n < 0) return "SET: MINIMUM WORDS needs a number";
        o->min_words = n;
        return NULL;
    }
    if (strstr(s, "USAGE") || strstr(s, "HAIKU") || strstr(s, "DUP ") || strstr(s, "SKIP") ||
        strstr(s, "LABEL") || strstr(s, "FBIS"))
        return NULL; /* interactive or display settings: nothing to do for casus */
    if (strstr(s, "CONV") && strstr(s, "NEAREST")) { /* casus: agents take the nearest actor's country */
        o->convert_agents = 2;
        return NULL;
    }
    if (strstr(s, "PLURAL PRONOUNS")) { /* casus: = PLURAL, or = FIRST as TABARI */
        o->plural_pronouns = strstr(s, "= PLURAL") != NULL;
        return NULL;
    }
    if (b < 0) return "SET: expects = TRUE or = FALSE";
    if (strstr(s, "YYYY")) o->four_digit_years = b;
    else if (strstr(s, "TIME")) o->time_shift = b;
    else if (strstr(s, "CONV")) o->convert_agents = b;
    else if (strstr(s, "SAME")) o->same_actors = b;
    else if (strstr(s, "INCIDENT")) o->incidents = b;
    else if (strstr(s, "LOCATIVE")) o->locative = b;
    else if (strstr(s, "REPORTED")) o->reported_speech = b;
    else if (strstr(s, "SHARED")) o->shared_subject = b;
    else if (strstr(s, "REDUCED")) o->reduced_passives = b;
    else if (strstr(s, "PASSIVE")) o->passives = b;
    else if (strstr(s, "ENGLISH")) o->english_endings = b;
    else if (strstr(s, "SUBORDINATE")) o->subordinate_clauses = b;
    else if (strstr(s, "VERB BOUNDARY")) o->verb_boundary = b;
    else if (strstr(s, "TARGETS BEFORE")) o->targets_before = b;
    else if (strstr(s, "REPLACES ROLE")) o->agent_replaces_role = b;
    else if (strstr(s, "MODAL")) o->modal = b;
    else if (strstr(s, "PRONOUN AGENT")) o->pronoun_agents = b;
    else if (strstr(s, "MUTUAL COMPOUND")) o->mutual_compounds = b;
    else if (strstr(s, "COMPOUND") && strstr(s, "TITLE")) o->titled_compounds = b;
    else return "unrecognised SET: command";
    return NULL;
}

static const char *apply_complex(casus_options *o, const char *s)
{
    /* A leading "VERBS" has no space before it; skip "NOVERB"/"LATEVERB" when matching VERBS. */
    const char *verbs = s;
    o->cplx_verbs = 0;
    while ((verbs = strstr(verbs, "VERBS")) != NULL) {
        if (verbs == s || verbs[-1] == ' ' || verbs[-1] == ':') {
            o->cplx_verbs = integer_after(verbs, "VERBS", 0);
            break;
        }
        verbs += 5;
    }
    o->cplx_actors = integer_after(s, "ACTORS", 0);
    o->cplx_pronouns = integer_after(s, "PRONOUNS", 0);
    o->cplx_conj = integer_after(s, "CONJ", 0);
    o->cplx_comma = integer_after(s, "COMMA", 0);
    o->cplx_lateverb = integer_after(s, "LATEVERB", 0);
    o->cplx_flags = 0;
    if (strstr(s, "ACTPRIOR")) o->cplx_flags |= CASUS_CPLX_NOACTPRIOR;
    if (strstr(s, "ACTAFTER")) o->cplx_flags |= CASUS_CPLX_NOACTAFTER;
    if (strstr(s, "NOVERB")) o->cplx_flags |= CASUS_CPLX_NOVERB;
    if (strstr(s, "NOSOURCE")) o->cplx_flags |= CASUS_CPLX_NOSOURCE;
    if (strstr(s, "NOTARGET")) o->cplx_flags |= CASUS_CPLX_NOTARGET;
    if (strstr(s, "NOEVENT")) o->cplx_flags |= CASUS_CPLX_NOEVENT;
    return NULL;
}

static const char *apply_default(casus_options *o, const char *s)
{
    casus_options next = *o;
    if (strstr(s, "OFF")) {
        next.default_source = next.default_target = 0;
        next.default_prior = next.default_after = 0;
        next.default_source_code[0] = next.default_target_code[0] = '\0';
    }
    int src = bracket_code(s, "SOURCE", next.default_source_code, sizeof next.default_source_code);
    int tgt = bracket_code(s, "TARGET", next.default_target_code, sizeof next.default_target_code);
    if (src < 0 || tgt < 0) return "DEFAULT: needs a code in [...] after SOURCE or TARGET";
    if (src > 0) {
        next.default_source = 1;
        if (strstr(s, "PRIOR")) next.default_prior = 1;
    }
    if (tgt > 0) {
        next.default_target = 1;
        if (strstr(s, "AFTER")) next.default_after = 1;
    }
    *o = next;
    return NULL;
}

static const char *apply_comma(casus_options *o, const char *s)
{
    if (strstr(s, "OFF")) {
        o->comma_min = o->comma_bmin = o->comma_emin = 1 << 20;
        o->comma_max = o->comma_bmax = o->comma_emax = 0;
        return NULL;
    }
    o->comma_min = integer_after(s, " MIN", o->comma_min);
    o->comma_max = integer_after(s, " MAX", o->comma_max);
    o->comma_bmin = integer_after(s, "BMIN", o->comma_bmin);
    o->comma_bmax = integer_after(s, "BMAX", o->comma_bmax);
    o->comma_emin = integer_after(s, "EMIN", o->comma_emin);
    o->comma_emax = integer_after(s, "EMAX", o->comma_emax);
    return NULL;
}

const char *casus_options_apply(casus_options *o, const char *line, int *is_label)
{
    char s[512];
    *is_label = 0;
    while (*line == ' ' || *line == '\t') line++;
    if (!*line || *line == '#' || (line[0] == '/' && line[1] == '/')) return NULL;
    size_t n = strlen(line);
    if (n >= sizeof s) return "options line too long";
    /* Upper-case the line; a comment after '#' or '//' ends it. */
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (line[i] == '#' || (line[i] == '/' && line[i + 1] == '/')) break;
        s[k++] = (char)toupper((unsigned char)line[i]);
    }
    while (k && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\r')) k--;
    s[k] = '\0';
    char *colon = strchr(s, ':');
    if (!colon) return "no ':' after the command name";
    const char *args = colon + 1;
    if (!strncmp(s, "LABEL", 5)) {
        *is_label = 1;
        return NULL;
    }
    if (!strncmp(s, "SET", 3)) return apply_set(o, args);
    if (!strncmp(s, "COMPLEX", 4) && s[3] == 'P') return apply_complex(o, args);
    if (!strncmp(s, "COMMA", 4) && s[3] == 'M') return apply_comma(o, args);
    if (!strncmp(s, "DEFA", 4)) return apply_default(o, args);
    for (size_t i = 0; i < sizeof root_lists / sizeof *root_lists; i++) { /* casus: SPEECH: SAY_ TELL_ ... (may repeat) */
        const struct root_list *l = &root_lists[i];
        if (!strncmp(s, l->name, strlen(l->name)))
            return append_roots((char *)o + l->offset, l->size, args) ? l->full : NULL;
    }
    if (!strncmp(s, "NONE", 4)) {
        o->nonevents = strstr(args, "TRUE") ? 1 : strstr(args, "ONLY") ? 2 : 0;
        return NULL;
    }
    if (!strncmp(s, "FORW", 4)) {
        /* FORWARD: ^^*****NNN*SSS [DOC] [OFF]: the layout of story and sentence numbers in ids */
        const char *f = args;
        while (*f == ' ') f++;
        while (*f == '^') f++; /* leading blanks: ids are read trimmed */
        size_t flen = strcspn(f, " ");
        if (strstr(args, "OFF") || !memchr(f, 'S', flen) || flen >= sizeof o->forward) o->forward[0] = '\0';
        else {
            memcpy(o->forward, f, flen);
            o->forward[flen] = '\0';
        }
        return NULL;
    }
    if (!strncmp(s, "OUTPUT", 4)) return NULL; /* output layout: ours is fixed */
    return "unrecognised command";
}

int casus_options_lists_roots(const char *line)
{
    while (*line == ' ' || *line == '\t') line++;
    for (size_t i = 0; i < sizeof root_lists / sizeof *root_lists; i++) {
        const char *name = root_lists[i].name;
        size_t k = 0;
        while (name[k] && toupper((unsigned char)line[k]) == name[k]) k++;
        if (!name[k]) return 1;
    }
    return 0;
}
