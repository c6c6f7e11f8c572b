/* syntax.c — the public syntax API: sentences and tokens in, tags, lemmas and dependencies out. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus.h"
#include "syntax/lemma.h"
#include "syntax/model.h"
#include "syntax/beam.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"
#include "text/sentences.h"
#include "text/tokens.h"

struct casus_syntax {
    casus_model model;
};

struct casus_syntax_doc {
    char *text; /* a copy of the text; forms and lemmas live in pool */
    size_t textlen;
    casus_syntax_sentence *sents;
    size_t nsents;
    casus_syntax_token *toks;
    size_t ntoks;
    char *pool;
};

casus_status casus_syntax_load(const char *path, casus_syntax **out, char *err, size_t errlen)
{
    *out = NULL;
    casus_syntax *s = calloc(1, sizeof *s);
    if (!s) {
        if (err && errlen) snprintf(err, errlen, "%s: out of memory", path);
        return CASUS_ENOMEM;
    }
    casus_status st = casus_model_read(&s->model, path, err, errlen);
    if (st != CASUS_OK) {
        free(s);
        return st;
    }
    *out = s;
    return CASUS_OK;
}

void casus_syntax_free(casus_syntax *syntax)
{
    if (!syntax) return;
    casus_model_clear(&syntax->model);
    free(syntax);
}

void casus_syntax_doc_free(casus_syntax_doc *doc)
{
    if (!doc) return;
    free(doc->text);
    free(doc->sents);
    free(doc->toks);
    free(doc->pool);
    free(doc);
}

size_t casus_syntax_doc_sentence_count(const casus_syntax_doc *doc) { return doc->nsents; }
size_t casus_syntax_doc_token_count(const casus_syntax_doc *doc) { return doc->ntoks; }

const casus_syntax_sentence *casus_syntax_doc_sentence(const casus_syntax_doc *doc, size_t index)
{
    return index < doc->nsents ? &doc->sents[index] : NULL;
}

const casus_syntax_token *casus_syntax_doc_token(const casus_syntax_doc *doc, size_t index)
{
    return index < doc->ntoks ? &doc->toks[index] : NULL;
}

/* Per-document scratch for the longest sentence. */
typedef struct scratch {
    casus_word *w;
    int *tags, *head, *labels, *mem, *alt, *swap;
    float *gap, *pen;
} scratch;

static int scratch_init(scratch *s, size_t n, uint32_t beam)
{
    size_t memn = CASUS_BEAM_MEM(n, beam);
    s->w = malloc((n + 2) * sizeof *s->w);
    s->tags = malloc((n + 2) * sizeof *s->tags);
    s->head = malloc((n + 2) * sizeof *s->head);
    s->labels = malloc((n + 2) * sizeof *s->labels);
    s->mem = malloc(memn * sizeof *s->mem);
    s->alt = malloc((n + 2) * sizeof *s->alt);
    s->gap = malloc((n + 2) * sizeof *s->gap);
    s->swap = malloc((n + 2) * sizeof *s->swap);
    s->pen = malloc((n + 2) * sizeof *s->pen);
    return s->w && s->tags && s->head && s->labels && s->mem && s->alt && s->gap && s->swap && s->pen ? 0 : -1;
}

static void scratch_free(scratch *s)
{
    free(s->w);
    free(s->tags);
    free(s->head);
    free(s->labels);
    free(s->mem);
    free(s->alt);
    free(s->gap);
    free(s->swap);
    free(s->pen);
}

/* Fills the analysis of tokens toks[0..n) whose forms are text spans; lemma offsets go to
   lemma_off (relative to the pool) after the pool's current length *plen. */
static int analyse(const casus_model *m, scratch *s, const char *text, casus_syntax_token *toks,
                   size_t n, char **pool, size_t *plen, size_t *pcap, size_t *lemma_off)
{
    /* words are 1-based for the parser; the tagger sees w + 1 */
    memset(&s->w[0], 0, sizeof s->w[0]);
    s->w[0].lower = 5;
    for (size_t i = 0; i < n; i++) {
        casus_features_word(&s->w[i + 1], text + toks[i].start, toks[i].end - toks[i].start);
        s->w[i + 1].lex = casus_lexicon_get(&m->lex, s->w[i + 1].lower);
    }
    casus_tagger_tag(&m->tagger, m->tagger2.nentries ? &m->tagger2 : NULL, s->w + 1, n, s->mem, s->tags + 1, s->alt + 1,
                     s->gap + 1);
    s->tags[0] = (int)m->ntags;
    s->alt[0] = -1;
    s->gap[0] = 0;
    for (size_t i = 0; i <= n; i++) {
        int alt = m->alt_margin > 0 && s->gap[i] < m->alt_margin ? s->alt[i] : -1;
        /* the same tag with its runner-up in its place, for the beam to choose (0: none) */
        s->swap[i] = i > 0 && alt >= 0 ? casus_parser_tag(alt, m->coarse[alt], s->tags[i]) : 0;
        s->pen[i] = m->tag_cost * s->gap[i];
        s->tags[i] = casus_parser_tag(s->tags[i], m->coarse[s->tags[i]], alt);
    }
    /* the tags reported stay the tagger's: the beam's choices serve the parse (on EWT dev they
       would give UPOS 95.01 against the tagger's 95.05) */
    casus_beam_tags jt = {s->swap, s->pen, NULL};
    casus_beam_parse(&m->parser, &m->labeler, (int)m->root_label, s->w, s->tags, m->tag_cost > 0 ? &jt : NULL, (int)n,
                     (int)m->beam, (int)m->joint, m->beam_prune, s->mem, s->head, s->labels);
    for (size_t i = 0; i < n; i++) {
        int t = s->tags[i + 1] & 0xFF;
        toks[i].upos = m->upos[t];
        toks[i].xpos = m->xpos[t];
        toks[i].head = s->head[i + 1];
        toks[i].deprel = m->labels[s->labels[i + 1]];
        size_t flen = toks[i].end - toks[i].start;
        size_t need = flen * 2 + 64;
        if (*plen + need > *pcap) {
            size_t ncap = *pcap ? *pcap : 4096;
            while (ncap < *plen + need) ncap *= 2;
            char *g = realloc(*pool, ncap);
            if (!g) return -1;
            *pool = g;
            *pcap = ncap;
        }
        lemma_off[i] = *plen;
        size_t ln = casus_lemma_get(&m->lemma, text + toks[i].start, flen, t, *pool + *plen, need);
        *plen += ln + 1;
    }
    return 0;
}

/* Analyses every sentence of doc (whose text, sentences and token spans are set) and points
   forms and lemmas into one pool. */
static casus_status finish_doc(const casus_syntax *syntax, casus_syntax_doc *doc)
{
    const casus_model *m = &syntax->model;
    size_t longest = 0;
    for (size_t i = 0; i < doc->nsents; i++)
        if (doc->sents[i].count > longest) longest = doc->sents[i].count;
    scratch s = {0};
    size_t *lemma_off = malloc((doc->ntoks + 1) * sizeof *lemma_off);
    size_t *form_off = malloc((doc->ntoks + 1) * sizeof *form_off);
    size_t plen = 0, pcap = 0;
    char *pool = NULL;
    casus_status st = CASUS_ENOMEM;
    if (!lemma_off || !form_off || scratch_init(&s, longest, m->beam) < 0) goto done;
    for (size_t i = 0; i < doc->nsents; i++) {
        const casus_syntax_sentence *se = &doc->sents[i];
        if (analyse(m, &s, doc->text, doc->toks + se->first, se->count, &pool, &plen, &pcap,
                    lemma_off + se->first) < 0)
            goto done;
    }
    for (size_t i = 0; i < doc->ntoks; i++) {
        size_t flen = doc->toks[i].end - doc->toks[i].start;
        if (plen + flen + 1 > pcap) {
            size_t ncap = pcap ? pcap : 4096;
            while (ncap < plen + flen + 1) ncap *= 2;
            char *g = realloc(pool, ncap);
            if (!g) goto done;
            pool = g;
            pcap = ncap;
        }
        form_off[i] = plen;
        memcpy(pool + plen, doc->text + doc->toks[i].start, flen);
        pool[plen + flen] = '\0';
        plen += flen + 1;
    }
    for (size_t i = 0; i < doc->ntoks; i++) {
        doc->toks[i].form = pool + form_off[i];
        doc->toks[i].lemma = pool + lemma_off[i];
    }
    doc->pool = pool;
    pool = NULL;
    st = CASUS_OK;
done:
    free(pool);
    free(lemma_off);
    free(form_off);
    scratch_free(&s);
    return st;
}

casus_status casus_syntax_parse_text(const casus_syntax *syntax, const char *text, size_t len,
                                     casus_syntax_doc **out)
{
    *out = NULL;
    casus_syntax_doc *doc = calloc(1, sizeof *doc);
    casus_text_span *spans = NULL;
    size_t nspans = 0;
    casus_text_token *tt = NULL;
    size_t ntt = 0;
    if (!doc) return CASUS_ENOMEM;
    doc->text = malloc(len + 1);
    if (!doc->text) goto nomem;
    memcpy(doc->text, text, len);
    doc->text[len] = '\0';
    doc->textlen = len;
    if (casus_text_sentences(text, len, &spans, &nspans) < 0) goto nomem;
    doc->sents = calloc(nspans + 1, sizeof *doc->sents);
    if (!doc->sents) goto nomem;
    size_t cap = 0;
    for (size_t i = 0; i < nspans; i++) {
        if (casus_text_tokens(text + spans[i].start, spans[i].end - spans[i].start, &tt, &ntt) < 0) goto nomem;
        if (ntt == 0) {
            free(tt);
            tt = NULL;
            continue;
        }
        if (doc->ntoks + ntt > cap) {
            size_t ncap = cap ? cap : 256;
            while (ncap < doc->ntoks + ntt) ncap *= 2;
            casus_syntax_token *g = realloc(doc->toks, ncap * sizeof *g);
            if (!g) goto nomem;
            doc->toks = g;
            cap = ncap;
        }
        casus_syntax_sentence *se = &doc->sents[doc->nsents++];
        se->start = spans[i].start;
        se->end = spans[i].end;
        se->first = doc->ntoks;
        se->count = ntt;
        for (size_t k = 0; k < ntt; k++) {
            casus_syntax_token *t = &doc->toks[doc->ntoks++];
            memset(t, 0, sizeof *t);
            t->start = spans[i].start + tt[k].start;
            t->end = spans[i].start + tt[k].end;
        }
        free(tt);
        tt = NULL;
    }
    free(spans);
    spans = NULL;
    casus_status st = finish_doc(syntax, doc);
    if (st != CASUS_OK) {
        casus_syntax_doc_free(doc);
        return st;
    }
    *out = doc;
    return CASUS_OK;
nomem:
    free(spans);
    free(tt);
    casus_syntax_doc_free(doc);
    return CASUS_ENOMEM;
}

casus_status casus_syntax_parse_tokens(const casus_syntax *syntax, const char *const *forms,
                                       size_t n, casus_syntax_doc **out)
{
    *out = NULL;
    casus_syntax_doc *doc = calloc(1, sizeof *doc);
    if (!doc) return CASUS_ENOMEM;
    size_t len = 0;
    for (size_t i = 0; i < n; i++) len += strlen(forms[i]) + 1;
    doc->text = malloc(len + 1);
    doc->sents = calloc(1, sizeof *doc->sents);
    doc->toks = calloc(n + 1, sizeof *doc->toks);
    if (!doc->text || !doc->sents || !doc->toks) {
        casus_syntax_doc_free(doc);
        return CASUS_ENOMEM;
    }
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        size_t fl = strlen(forms[i]);
        if (i) doc->text[at++] = ' ';
        doc->toks[i].start = at;
        memcpy(doc->text + at, forms[i], fl);
        at += fl;
        doc->toks[i].end = at;
    }
    doc->text[at] = '\0';
    doc->textlen = at;
    doc->ntoks = n;
    if (n) {
        doc->nsents = 1;
        doc->sents[0] = (casus_syntax_sentence){0, at, 0, n};
    }
    casus_status st = finish_doc(syntax, doc);
    if (st != CASUS_OK) {
        casus_syntax_doc_free(doc);
        return st;
    }
    *out = doc;
    return CASUS_OK;
}

/* ---- CoNLL-U ------------------------------------------------------------------------------ */

typedef struct obuf {
    char *p;
    size_t n, cap;
    int failed;
} obuf;

static void o_put(obuf *o, const char *s, size_t n)
{
    if (o->failed) return;
    if (o->n + n + 1 > o->cap) {
        size_t ncap = o->cap ? o->cap : 4096;
        while (ncap < o->n + n + 1) ncap *= 2;
        char *g = realloc(o->p, ncap);
        if (!g) {
            o->failed = 1;
            return;
        }
        o->p = g;
        o->cap = ncap;
    }
    memcpy(o->p + o->n, s, n);
    o->n += n;
    o->p[o->n] = '\0';
}

static void o_str(obuf *o, const char *s) { o_put(o, s, strlen(s)); }

/* A field with tabs and line breaks made spaces; "_" when empty. */
static void o_field(obuf *o, const char *s, size_t n)
{
    if (n == 0) {
        o_put(o, "_", 1);
        return;
    }
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\t' && s[j] != '\n' && s[j] != '\r') j++;
        o_put(o, s + i, j - i);
        if (j < n) {
            o_put(o, " ", 1);
            j++;
        }
        i = j;
    }
}

casus_status casus_syntax_doc_conllu(const casus_syntax_doc *doc, char **out, size_t *len)
{
    obuf o = {0};
    char num[64];
    *out = NULL;
    if (len) *len = 0;
    o_put(&o, "", 0);
    for (size_t si = 0; si < doc->nsents; si++) {
        const casus_syntax_sentence *se = &doc->sents[si];
        o_str(&o, "# text = ");
        o_field(&o, doc->text + se->start, se->end - se->start);
        o_str(&o, "\n");
        for (size_t k = 0; k < se->count; k++) {
            const casus_syntax_token *t = &doc->toks[se->first + k];
            snprintf(num, sizeof num, "%zu\t", k + 1);
            o_str(&o, num);
            o_field(&o, t->form, strlen(t->form));
            o_str(&o, "\t");
            o_field(&o, t->lemma, strlen(t->lemma));
            o_str(&o, "\t");
            o_str(&o, t->upos);
            o_str(&o, "\t");
            o_str(&o, t->xpos);
            snprintf(num, sizeof num, "\t_\t%d\t", t->head);
            o_str(&o, num);
            o_str(&o, t->deprel);
            int joined = k + 1 < se->count && doc->toks[se->first + k + 1].start == t->end;
            o_str(&o, joined ? "\t_\tSpaceAfter=No\n" : "\t_\t_\n");
        }
        o_str(&o, "\n");
    }
    if (o.failed) {
        free(o.p);
        return CASUS_ENOMEM;
    }
    *out = o.p;
    if (len) *len = o.n;
    return CASUS_OK;
}
