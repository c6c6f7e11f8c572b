/* tabari_read.c — readers for TABARI .actors, .agents, .verbs, .options and discard files.
 *
 * Every problem is recorded as "file:line: reason" and the line is skipped; reading goes on. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "dict/dict.h"

/* One logical line split into phrase, code and comment. */
typedef struct line_parts {
    char phrase[1024];
    const char *code; /* points into the raw line; "" when none */
    int has_code;
} line_parts;

typedef struct reader {
    casus_dict *dict;
    const char *name;
    uint32_t file;
    const char *text, *end, *pos;
    size_t lineno;
    char line[4096];
    casus_status status; /* CASUS_ENOMEM once memory has run out */
} reader;

static void bad(reader *r, const char *fmt, const char *arg)
{
    if (casus_dict_diag_add(r->dict, r->name, r->lineno, fmt, arg) != CASUS_OK) r->status = CASUS_ENOMEM;
}

/* Next non-blank line into r->line, trimmed.  With dictionary comments on, lines starting with
   '/' or '#' are skipped too.  Returns 0 at the end of the file or at a line starting with '~'
   (TABARI's end mark). */
static int read_line(reader *r, int dictionary_comments)
{
    while (r->pos < r->end) {
        const char *s = r->pos;
        const char *nl = memchr(s, '\n', (size_t)(r->end - s));
        const char *e = nl ? nl : r->end;
        r->pos = nl ? nl + 1 : r->end;
        r->lineno++;
        while (s < e && isspace((unsigned char)*s)) s++;
        while (e > s && isspace((unsigned char)e[-1])) e--;
        if (s == e || (dictionary_comments && (*s == '/' || *s == '#'))) continue;
        if (*s == '~') return 0;
        if (memchr(s, '\0', (size_t)(e - s))) {
            bad(r, "%s", "NUL byte in line; line skipped");
            continue;
        }
        size_t n = (size_t)(e - s);
        if (n >= sizeof r->line) {
            bad(r, "%s", "line longer than 4095 bytes; line skipped");
            continue;
        }
        memcpy(r->line, s, n);
        r->line[n] = '\0';
        return 1;
    }
    return 0;
}

static int next_line(reader *r) { return read_line(r, 1); }

/* Splits r->line into the phrase (upper case, hyphens as underscores, spaced {|}) and code. */
static int split_line(reader *r, line_parts *lp)
{
    char *semi = strchr(r->line, ';');
    if (semi) *semi = '\0';
    size_t n = strlen(r->line);
    while (n && isspace((unsigned char)r->line[n - 1])) r->line[--n] = '\0';
    char *open = strchr(r->line, '[');
    lp->has_code = open != NULL;
    lp->code = open ? open : "";
    size_t plen = open ? (size_t)(open - r->line) : n;
    size_t k = 0;
    for (size_t i = 0; i < plen; i++) {
        char c = (char)toupper((unsigned char)r->line[i]);
        if (c == '-' && i > 0) c = '_';
        if (c == '\t') c = ' ';
        if (k + 4 >= sizeof lp->phrase) {
            bad(r, "%s", "phrase too long; line skipped");
            return -1;
        }
        lp->phrase[k++] = c;
    }
    while (k && lp->phrase[k - 1] == ' ') k--;
    lp->phrase[k] = '\0';
    if (open) {
        const char *p = open + 1;
        while (*p && *p != ']' && isspace((unsigned char)*p)) p++;
        if (*p == ']') {
            bad(r, "%s", "empty code in [ ]; line skipped");
            return -1;
        }
        if (!strchr(open, ']')) {
            bad(r, "%s", "missing ']'; line skipped");
            return -1;
        }
    }
    return 0;
}

static uint32_t add_root(reader *r, const char *phrase, casus_wtype type, uint32_t code, int *dup)
{
    uint32_t first;
    uint16_t n;
    *dup = 0;
    if (strlen(phrase) < 2) {
        bad(r, "%s", "phrase missing or shorter than two characters; line skipped");
        return 0;
    }
    const char *err = casus_phrase_parse(r->dict, phrase, &first, &n);
    if (err) {
        bad(r, "%s; line skipped", err);
        return 0;
    }
    if (casus_dict_root_seen(r->dict, first, n)) {
        r->dict->nelems = first; /* drop the elements just added */
        *dup = 1;
        return 0;
    }
    uint32_t root = casus_dict_root_add(r->dict, first, n, type, code, r->file, (uint32_t)r->lineno);
    if (!root) r->status = CASUS_ENOMEM;
    else r->dict->roots[root].text = casus_dict_text_add(r->dict, phrase);
    return root;
}

/* Characters that count towards a pattern's length: letters, digits, '_' and '\''; the longest
   alternative of each { | } group counts once. */
static void pattern_length(const char *s, uint16_t *length, uint16_t *maxalt)
{
    unsigned fixed = 0, alt = 0;
    for (; *s; s++) {
        if (*s == '{') {
            unsigned best = 0, cur = 0;
            for (s++; *s && *s != '}'; s++) {
                if (*s == '|') {
                    if (cur > best) best = cur;
                    cur = 0;
                } else if (isalnum((unsigned char)*s) || *s == '_' || *s == '\'') {
                    cur++;
                }
            }
            if (cur > best) best = cur;
            alt += best;
            if (!*s) break;
        } else if (isalnum((unsigned char)*s) || *s == '_' || *s == '\'') {
            fixed++;
        }
    }
    *length = (uint16_t)(fixed + alt > 65535 ? 65535 : fixed + alt);
    *maxalt = (uint16_t)(alt > 65535 ? 65535 : alt);
}

static int count_kind(const casus_dict *dict, uint32_t first, uint16_t n, casus_elem_kind kind)
{
    int c = 0;
    for (uint16_t i = 0; i < n; i++) c += dict->elems[first + i].kind == kind;
    return c;
}

/* "- PHRASE [code]" under root `owner`; code_kind picks the code parser. */
enum { CODE_EVENT, CODE_TIME, CODE_NONE };

static void add_pattern(reader *r, uint32_t owner, const line_parts *lp, int code_kind, int need_verb)
{
    const char *text = lp->phrase + (lp->phrase[0] == '-' || lp->phrase[0] == '+' ? 1 : 0);
    while (*text == ' ') text++;
    uint32_t code = 0;
    const char *err = NULL;
    if (code_kind == CODE_EVENT) err = casus_event_code_parse(r->dict, lp->has_code ? lp->code : "[---]", &code);
    else if (code_kind == CODE_TIME) err = casus_time_code_parse(r->dict, lp->has_code ? lp->code : "[---]", &code);
    if (err) {
        bad(r, "%s; pattern skipped", err);
        return;
    }
    uint32_t first;
    uint16_t n;
    if ((err = casus_phrase_parse(r->dict, text, &first, &n))) {
        bad(r, "%s; pattern skipped", err);
        return;
    }
    if (need_verb && count_kind(r->dict, first, n, CASUS_E_VERB) != 1) {
        r->dict->nelems = first;
        bad(r, "%s", "a pattern needs exactly one verb marker '*'; pattern skipped");
        return;
    }
    uint16_t length, maxalt;
    pattern_length(text, &length, &maxalt);
    uint32_t pid = casus_dict_pattern_add(r->dict, owner, first, n, length, maxalt, code, r->file, (uint32_t)r->lineno);
    if (pid == UINT32_MAX) r->status = CASUS_ENOMEM;
    else r->dict->patterns[pid].text = casus_dict_text_add(r->dict, lp->phrase);
}

/* ---- actors ---- */

typedef struct actor_group {
    uint32_t roots[256];
    size_t n;
    char codes[4096]; /* date-restriction lines gathered for the group */
    size_t codes_len;
    size_t line;      /* line of the group's first name */
    int coded;        /* the first line carried its own code */
} actor_group;

static void finish_group(reader *r, actor_group *g)
{
    if (g->n == 0) return;
    if (!g->coded) {
        uint32_t code = 0;
        const char *err = g->codes_len ? casus_actor_code_parse(r->dict, g->codes, r->dict->options.four_digit_years, &code)
                                       : "actor without a code";
        if (err) {
            size_t saved = r->lineno;
            r->lineno = g->line;
            bad(r, "%s; entry skipped", err);
            r->lineno = saved;
            /* the roots stay but are null-coded: they still shadow shorter names, as TABARI's would */
            code = 0;
        }
        for (size_t i = 0; i < g->n; i++) r->dict->roots[g->roots[i]].code = code;
    }
    g->n = 0;
    g->codes_len = 0;
    g->coded = 0;
}

static void read_word_list(reader *r, const char *end_tag, casus_wtype type)
{
    line_parts lp;
    while (next_line(r)) {
        if (split_line(r, &lp)) continue;
        if (strstr(lp.phrase, end_tag)) return;
        int dup;
        uint32_t root = add_root(r, lp.phrase, type, 0, &dup);
        if (dup) bad(r, "duplicate entry %s; skipped", lp.phrase);
        if (root) {
            if (type == CASUS_W_NOUN) r->dict->stats.nouns++;
            else r->dict->stats.adjectives++;
        }
    }
    bad(r, "missing %s before the end of the file", end_tag);
}

static void read_actors(reader *r)
{
    actor_group *g = calloc(1, sizeof *g);
    if (!g) {
        r->status = CASUS_ENOMEM;
        return;
    }
    line_parts lp;
    while (r->status == CASUS_OK && next_line(r)) {
        if (split_line(r, &lp)) continue;
        if (!strncmp(lp.phrase, "<NOUN", 5)) {
            finish_group(r, g);
            read_word_list(r, "</NOUN", CASUS_W_NOUN);
            continue;
        }
        if (!strncmp(lp.phrase, "<ADJ", 4)) {
            finish_group(r, g);
            read_word_list(r, "</ADJ", CASUS_W_ADJECTIVE);
            continue;
        }
        if (lp.phrase[0] == '\0') { /* a date-restriction line of the current group */
            if (g->n == 0) {
                bad(r, "%s", "code line without an actor above it; skipped");
            } else if (g->coded) {
                bad(r, "%s", "code line after an actor that already has a code; ignored");
            } else {
                size_t n = strlen(lp.code);
                if (g->codes_len + n + 2 >= sizeof g->codes) bad(r, "%s", "date restrictions too long; ignored");
                else {
                    memcpy(g->codes + g->codes_len, lp.code, n);
                    g->codes_len += n;
                    g->codes[g->codes_len++] = ' ';
                    g->codes[g->codes_len] = '\0';
                }
            }
            continue;
        }
        if (lp.phrase[0] == '+') { /* a synonym of the current group */
            if (g->n == 0) {
                bad(r, "%s", "synonym '+' without an actor above it; skipped");
                continue;
            }
            int dup;
            uint32_t code = g->coded ? r->dict->roots[g->roots[0]].code : 0;
            uint32_t root = add_root(r, lp.phrase + 1, CASUS_W_ACTOR, code, &dup);
            if (dup) bad(r, "duplicate actor %s; skipped", lp.phrase + 1);
            if (!root) continue;
            r->dict->roots[root].parent = g->roots[0];
            r->dict->stats.actors++;
            if (g->n < sizeof g->roots / sizeof *g->roots) g->roots[g->n++] = root;
            else bad(r, "%s", "more than 256 synonyms in one group; the rest share no code");
            continue;
        }
        finish_group(r, g);
        uint32_t code = 0;
        if (lp.has_code) {
            const char *err = casus_actor_code_parse(r->dict, lp.code, r->dict->options.four_digit_years, &code);
            if (err) {
                bad(r, "%s; line skipped", err);
                continue;
            }
        }
        int dup;
        uint32_t root = add_root(r, lp.phrase, CASUS_W_ACTOR, code, &dup);
        if (dup) bad(r, "duplicate actor %s; skipped", lp.phrase);
        if (!root) continue;
        r->dict->stats.actors++;
        g->roots[0] = root;
        g->n = 1;
        g->coded = lp.has_code;
        g->line = r->lineno;
    }
    finish_group(r, g);
    free(g);
}

/* ---- agents ---- */

static void read_agents(reader *r)
{
    line_parts lp;
    while (r->status == CASUS_OK && next_line(r)) {
        if (split_line(r, &lp)) continue;
        if (!lp.has_code) {
            bad(r, "%s", "agent without a [~CODE]; skipped");
            continue;
        }
        const char *open = lp.code + 1, *close = strchr(lp.code, ']');
        char code[64];
        size_t n = 0;
        for (const char *p = open; p < close; p++)
            if (!isspace((unsigned char)*p) && n + 1 < sizeof code) code[n++] = *p;
        code[n] = '\0';
        if (!strchr(code, '~')) {
            bad(r, "agent code %s needs a '~' before or after it; skipped", code);
            continue;
        }
        uint32_t id = casus_codes_intern(&r->dict->codes, code, n);
        if (!id) {
            r->status = CASUS_ENOMEM;
            return;
        }
        int dup;
        uint32_t root = add_root(r, lp.phrase, CASUS_W_AGENT, id, &dup);
        if (dup) bad(r, "duplicate agent %s; skipped", lp.phrase);
        if (root) r->dict->stats.agents++;
    }
}

/* ---- verbs ---- */

/* A verb, time or attribution root with its code (a time shift for <TIME>, else an event code;
   none given is the null code).  0 when its code or phrase is bad or it is a duplicate: then it
   and its patterns are skipped. */
static uint32_t coded_root(reader *r, const line_parts *lp, casus_wtype type, const char *what)
{
    uint32_t code = 0;
    const char *text = lp->has_code ? lp->code : "[---]";
    const char *err = type == CASUS_W_TIME ? casus_time_code_parse(r->dict, text, &code)
                                           : casus_event_code_parse(r->dict, text, &code);
    if (err) {
        bad(r, "%s; it and its patterns are skipped", err);
        return 0;
    }
    int dup;
    uint32_t root = add_root(r, lp->phrase, type, code, &dup);
    if (dup) {
        char msg[64];
        snprintf(msg, sizeof msg, "duplicate %s %%s; it and its patterns are skipped", what);
        bad(r, msg, lp->phrase);
    }
    return root;
}

static void read_section(reader *r, const char *end_tag, casus_wtype type)
{
    line_parts lp;
    uint32_t owner = 0;
    int skipping = 0;
    while (r->status == CASUS_OK && next_line(r)) {
        if (split_line(r, &lp)) continue;
        if (strstr(lp.phrase, end_tag)) return;
        if (lp.phrase[0] == '-') {
            if (!owner) {
                if (!skipping) bad(r, "%s", "pattern before any root in this section; skipped");
                continue;
            }
            add_pattern(r, owner, &lp, type == CASUS_W_TIME ? CODE_TIME : CODE_EVENT, 1);
            continue;
        }
        owner = coded_root(r, &lp, type, "entry");
        skipping = !owner;
    }
    bad(r, "missing %s before the end of the file", end_tag);
}

static void read_synsets(reader *r)
{
    line_parts lp;
    uint32_t owner = 0;
    char owner_name[256] = "";
    while (r->status == CASUS_OK && next_line(r)) {
        if (split_line(r, &lp)) continue;
        if (strstr(lp.phrase, "</SYN")) return;
        if (lp.phrase[0] == '&') {
            owner = 0;
            const char *name = lp.phrase;
            size_t n = strcspn(name, " ");
            if (n >= sizeof owner_name) n = sizeof owner_name - 1;
            memcpy(owner_name, name, n);
            owner_name[n] = '\0';
            uint32_t lit = casus_lexicon_add(&r->dict->lex, name, n);
            if (!lit) {
                r->status = CASUS_ENOMEM;
                return;
            }
            uint32_t root = lit < r->dict->root_of_literal_cap ? r->dict->root_of_literal[lit] : 0;
            while (root && r->dict->roots[root].wtype != CASUS_W_SYNSET) root = r->dict->roots[root].next_same_literal;
            if (root) {
                bad(r, "duplicate synset %s; its members are skipped", name);
                continue;
            }
            casus_elem e = {.id = lit, .kind = CASUS_E_LITERAL, .conn = CASUS_CONN_PARTIAL | CASUS_CONN_SKIP};
            if (CASUS_PUSH(r->dict->elems, r->dict->nelems, r->dict->elems_cap, e)) {
                r->status = CASUS_ENOMEM;
                return;
            }
            owner = casus_dict_root_add(r->dict, (uint32_t)r->dict->nelems - 1, 1, CASUS_W_SYNSET, 0, r->file, (uint32_t)r->lineno);
            if (!owner) {
                r->status = CASUS_ENOMEM;
                return;
            }
            r->dict->roots[owner].text = casus_dict_text_add(r->dict, owner_name);
            r->dict->stats.synsets++;
        } else if (lp.phrase[0] == '+') {
            if (!owner) {
                bad(r, "%s", "synset member without a &NAME above it; skipped");
                continue;
            }
            if (strstr(lp.phrase, owner_name)) {
                bad(r, "%s", "a synset member may not name its own set; skipped");
                continue;
            }
            add_pattern(r, owner, &lp, CODE_NONE, 0);
        } else {
            bad(r, "%s", "expected &NAME or +MEMBER inside <SYNSETS>; skipped");
        }
    }
    bad(r, "%s", "missing </SYNSETS> before the end of the file");
}

static void read_verbs(reader *r)
{
    line_parts lp;
    uint32_t verb = 0;
    int skipping = 0;
    while (r->status == CASUS_OK && next_line(r)) {
        if (split_line(r, &lp)) continue;
        if (!strncmp(lp.phrase, "<TIME", 5)) {
            r->dict->has_time = 1;
            read_section(r, "</TIME", CASUS_W_TIME);
            continue;
        }
        if (!strncmp(lp.phrase, "<ATTRIB", 7)) {
            r->dict->has_attrib = 1;
            read_section(r, "</ATTRIB", CASUS_W_ATTRIBUTION);
            continue;
        }
        if (!strncmp(lp.phrase, "<SYN", 4)) {
            read_synsets(r);
            continue;
        }
        if (lp.phrase[0] == '-') {
            if (skipping) continue;
            if (!verb) {
                bad(r, "%s", "pattern before any verb; skipped");
                continue;
            }
            add_pattern(r, verb, &lp, CODE_EVENT, 1);
            continue;
        }
        if (lp.phrase[0] == '{') { /* irregular forms of the current verb */
            if (skipping) continue;
            if (!verb) {
                bad(r, "%s", "verb forms before any verb; skipped");
                continue;
            }
            char *p = lp.phrase + 1;
            int nforms = 0;
            while (*p) {
                while (*p == ' ') p++;
                char *w = p;
                while (*p && *p != ' ' && *p != '}') p++;
                char saved = *p;
                *p = '\0';
                if (*w) {
                    int dup;
                    uint32_t form = add_root(r, w, CASUS_W_VERB, r->dict->roots[verb].code, &dup);
                    if (dup) bad(r, "duplicate verb form %s; skipped", w);
                    if (form) {
                        r->dict->roots[form].owner = verb;
                        nforms++;
                    }
                }
                *p = saved;
                if (*p == '}') break;
            }
            if (!nforms) bad(r, "%s", "no verb forms inside { }");
            continue;
        }
        if (!lp.has_code) {
            bad(r, "%s", "verb without a [code]; it and its patterns are skipped");
            verb = 0;
            skipping = 1;
            continue;
        }
        verb = coded_root(r, &lp, CASUS_W_VERB, "verb");
        skipping = !verb;
        if (verb) r->dict->stats.verbs++;
    }
}

/* ---- discards: one phrase per line, each discarding the texts it occurs in ---- */

static void read_discards(reader *r)
{
    line_parts lp;
    uint32_t code = 0;
    while (r->status == CASUS_OK && next_line(r)) {
        if (strchr(r->line, '\t')) {
            bad(r, "%s", "tab-separated data is not a discard phrase; skipped");
            continue;
        }
        if (split_line(r, &lp)) continue;
        if (!code && casus_actor_code_parse(r->dict, "[###]", 0, &code)) {
            r->status = CASUS_ENOMEM;
            return;
        }
        int dup;
        uint32_t root = add_root(r, lp.phrase, CASUS_W_ACTOR, code, &dup);
        if (dup) bad(r, "duplicate phrase %s; skipped", lp.phrase);
        if (root) r->dict->stats.discards++;
    }
}

/* ---- options ---- */

static void read_options(reader *r)
{
    /* Options lines are read raw: '#' and '//' start comments anywhere, no [code] is needed. */
    while (r->status == CASUS_OK && read_line(r, 0)) {
        int is_label = 0;
        const char *err = casus_options_apply(&r->dict->options, r->line, &is_label);
        if (err) {
            bad(r, "%s; line skipped", err);
            continue;
        }
        if (casus_options_lists_roots(r->line)) {
            struct casus_root_list l = {r->file, (uint32_t)r->lineno, casus_dict_text_add(r->dict, r->line)};
            if (!l.text || CASUS_PUSH(r->dict->root_lists, r->dict->nroot_lists, r->dict->root_lists_cap, l)) {
                r->status = CASUS_ENOMEM;
                return;
            }
        }
        if (is_label) {
            /* LABEL: CODE=TEXT */
            char *p = strchr(r->line, ':') + 1;
            while (*p == ' ') p++;
            char *eq = strchr(p, '=');
            if (!eq) {
                bad(r, "%s", "LABEL needs CODE=TEXT; skipped");
                continue;
            }
            char *ce = eq;
            while (ce > p && ce[-1] == ' ') ce--;
            char *t = eq + 1;
            while (*t == ' ') t++;
            if (ce == p || !*t) {
                bad(r, "%s", "LABEL needs CODE=TEXT; skipped");
                continue;
            }
            uint32_t id = casus_codes_intern(&r->dict->codes, p, (size_t)(ce - p));
            if (!id || casus_codes_set_label(&r->dict->codes, id, t, strlen(t))) r->status = CASUS_ENOMEM;
        }
    }
}

casus_status casus_dict_load_buffer(casus_dict *dict, casus_dict_kind kind, const char *name,
                                    const char *text, size_t len)
{
    if (dict->finished) return CASUS_EINVAL;
    reader r = {.dict = dict, .name = name, .text = text, .end = text + len, .pos = text};
    r.file = casus_dict_file_add(dict, name);
    if (r.file == UINT32_MAX) return CASUS_ENOMEM;
    /* A UTF-8 byte-order mark is not part of the first line. */
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) r.pos += 3;
    switch (kind) {
    case CASUS_DICT_ACTORS: read_actors(&r); break;
    case CASUS_DICT_AGENTS: read_agents(&r); break;
    case CASUS_DICT_VERBS: read_verbs(&r); break;
    case CASUS_DICT_OPTIONS: read_options(&r); break;
    case CASUS_DICT_DISCARDS: read_discards(&r); break;
    default: return CASUS_EINVAL;
    }
    return r.status;
}

casus_status casus_dict_load(casus_dict *dict, casus_dict_kind kind, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        casus_dict_diag_add(dict, path, 0, "cannot open: %s", strerror(errno));
        return CASUS_EIO;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (casus_grow((void **)&buf, &cap, len + 65536, 1)) {
            free(buf);
            fclose(f);
            return CASUS_ENOMEM;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) break;
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        casus_dict_diag_add(dict, path, 0, "read error");
        return CASUS_EIO;
    }
    casus_status st = casus_dict_load_buffer(dict, kind, path, buf ? buf : "", len);
    free(buf);
    return st;
}
