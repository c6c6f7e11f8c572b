/* phrase.c — parses TABARI phrase syntax into elements.
 *
 * Words are separated by a connector that says how the next word must follow:
 *   "A B"   A may be a stem of a longer word, and words may come between A and B
 *   "A_B"   A is a whole word and B follows it at once
 *   "A_ B"  A is a whole word, and words may come between
 *   "A~ B"  A may be a stem, and B follows it at once
 *   "A="    A is a whole word that takes no regular endings
 * "*" is the verb, "$" "+" "%" "^" "@" designate actors, "&NAME" a synonym set, and
 * "{ A | B }" alternatives. */
#include <string.h>

#include "core/grow.h"
#include "dict/dict.h"

static int is_delim(char c) { return c == ' ' || c == '_' || c == '~' || c == '=' || c == '\t'; }

static const char *push_elem(casus_dict *dict, uint8_t kind, uint32_t id, uint8_t conn)
{
    casus_elem e = {.id = id, .kind = kind, .conn = conn};
    return CASUS_PUSH(dict->elems, dict->nelems, dict->elems_cap, e) ? "out of memory" : NULL;
}

const char *casus_phrase_parse(casus_dict *dict, const char *text, uint32_t *first, uint16_t *n)
{
    size_t start = dict->nelems;
    size_t len = strlen(text);
    size_t i = 0;
    int depth = 0;
    const char *err = NULL;
    while (i < len && !err) {
        while (i < len && (text[i] == ' ' || text[i] == '\t')) i++;
        if (i >= len) break;
        if (is_delim(text[i])) { /* "A__B": an empty word between connectors is ignored */
            i++;
            continue;
        }
        size_t t0 = i;
        if (text[i] == '{' || text[i] == '|' || text[i] == '}') {
            i++;
        } else {
            while (i < len && !is_delim(text[i]) && text[i] != '{' && text[i] != '|' && text[i] != '}') i++;
        }
        size_t tlen = i - t0;
        /* The connector after the token. */
        uint8_t conn;
        char d = i < len ? text[i] : '\0';
        if (d == '\0' || d == '{' || d == '|' || d == '}') {
            conn = CASUS_CONN_PARTIAL | CASUS_CONN_SKIP;
            if (d != '\0') {
                /* a bracket right after a word: "X{" is as if "X {" */
            }
        } else if (d == ' ' || d == '\t') {
            conn = CASUS_CONN_PARTIAL | CASUS_CONN_SKIP;
            i++;
        } else if (d == '=') {
            conn = CASUS_CONN_NOENDINGS;
            i++;
        } else if (d == '~') {
            conn = CASUS_CONN_PARTIAL;
            i++;
            if (i < len && (text[i] == '_' || text[i] == ' ')) i++;
        } else { /* '_' */
            i++;
            if (i < len && text[i] == ' ') {
                conn = CASUS_CONN_SKIP;
                i++;
            } else {
                conn = 0;
            }
        }
        const char *tok = text + t0;
        if (tlen == 1 && strchr("*$+%^@{|}", tok[0])) {
            static const char marks[] = "*$+%^@{|}";
            static const uint8_t kinds[] = {CASUS_E_VERB, CASUS_E_SOURCE, CASUS_E_TARGET, CASUS_E_COMPOUND,
                                            CASUS_E_SKIP, CASUS_E_ATTRIB, CASUS_E_OPEN, CASUS_E_OR, CASUS_E_CLOSE};
            uint8_t kind = kinds[strchr(marks, tok[0]) - marks];
            if (kind == CASUS_E_OPEN) depth++;
            if (kind == CASUS_E_CLOSE && --depth < 0) err = "'}' without '{'";
            if (kind == CASUS_E_OR && depth <= 0) err = "'|' outside { ... }";
            if (kind == CASUS_E_OPEN && depth > 1) err = "nested { ... } alternatives";
            if (!err) err = push_elem(dict, kind, 0, conn);
        } else if (tok[0] == '&' && tlen > 1) {
            uint32_t lit = casus_lexicon_find(&dict->lex, tok, tlen);
            uint32_t root = lit && lit < dict->root_of_literal_cap ? dict->root_of_literal[lit] : 0;
            while (root && dict->roots[root].wtype != CASUS_W_SYNSET) root = dict->roots[root].next_same_literal;
            if (!root) err = "undeclared &synset";
            else err = push_elem(dict, CASUS_E_SYNSET, root, (uint8_t)(conn & CASUS_CONN_SKIP ? CASUS_CONN_SKIP : CASUS_CONN_PARTIAL));
        } else {
            uint32_t lit = casus_lexicon_add(&dict->lex, tok, tlen);
            if (!lit) err = "out of memory";
            else err = push_elem(dict, CASUS_E_LITERAL, lit, conn);
        }
    }
    if (!err && depth != 0) err = "'{' without '}'";
    if (!err && dict->nelems == start) err = "empty phrase";
    if (!err && dict->nelems - start > 65535) err = "phrase too long";
    if (err) {
        dict->nelems = start;
        return err;
    }
    *first = (uint32_t)start;
    *n = (uint16_t)(dict->nelems - start);
    return NULL;
}
