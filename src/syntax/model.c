/* model.c — reading and writing the syntax model file: magic, version, fixed byte order, checks. */
#include "syntax/model.h"

#include "syntax/beam.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- writing ---------------------------------------------------------------------------- */

typedef struct wbuf {
    unsigned char *p;
    size_t n, cap;
    int failed;
} wbuf;

static void w_bytes(wbuf *b, const void *src, size_t n)
{
    if (b->failed) return;
    if (b->n + n > b->cap) {
        size_t ncap = b->cap ? b->cap : 1 << 16;
        while (ncap < b->n + n) ncap *= 2;
        unsigned char *g = realloc(b->p, ncap);
        if (!g) {
            b->failed = 1;
            return;
        }
        b->p = g;
        b->cap = ncap;
    }
    memcpy(b->p + b->n, src, n);
    b->n += n;
}

static void w_u32(wbuf *b, uint32_t v)
{
    unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    w_bytes(b, x, 4);
}

static void w_u64(wbuf *b, uint64_t v)
{
    w_u32(b, (uint32_t)v);
    w_u32(b, (uint32_t)(v >> 32));
}

static void w_str(wbuf *b, const char *s)
{
    size_t n = strlen(s);
    w_u32(b, (uint32_t)n);
    w_bytes(b, s, n);
}

static void w_ap(wbuf *b, const casus_ap *m)
{
    uint32_t slots = m->nslots;
    float scale = m->scale;
    uint32_t sbits;
    memcpy(&sbits, &scale, 4);
    w_u32(b, m->nclass);
    w_u32(b, slots);
    w_u32(b, m->nentries);
    w_u32(b, sbits);
    w_u32(b, m->dense);
    /* the file keeps keys, rows, classes and weights in four arrays */
    if (!m->dense) {
        for (uint32_t i = 0; i < slots; i++) w_u32(b, (uint32_t)m->slots[i]);
        for (uint32_t i = 0; i < slots; i++) w_u32(b, (uint32_t)(m->slots[i] >> 32));
        for (uint32_t i = 0; i < m->nentries; i++) {
            unsigned char c = (unsigned char)(m->ent[i] >> 16);
            w_bytes(b, &c, 1);
        }
    }
    if (m->dense == 2) {
        w_bytes(b, (const unsigned char *)m->w8, m->nentries);
        return;
    }
    for (uint32_t i = 0; i < m->nentries; i++) {
        uint16_t v = m->dense ? (uint16_t)m->w[i] : (uint16_t)m->ent[i];
        unsigned char x[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
        w_bytes(b, x, 2);
    }
}

static uint32_t fnv32(const unsigned char *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 16777619u;
    }
    return h;
}

static void say(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || errlen == 0) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

casus_status casus_model_write(const casus_model *m, const char *path, char *err, size_t errlen)
{
    wbuf b = {0};
    w_u32(&b, m->ntags);
    for (uint32_t i = 0; i < m->ntags; i++) {
        w_str(&b, m->upos[i]);
        w_str(&b, m->xpos[i]);
    }
    w_u32(&b, m->nlabels);
    for (uint32_t i = 0; i < m->nlabels; i++) w_str(&b, m->labels[i]);
    w_u32(&b, m->root_label);
    {
        uint32_t bits;
        memcpy(&bits, &m->alt_margin, 4);
        w_u32(&b, bits);
    }
    w_u32(&b, m->beam);
    w_u32(&b, m->joint);
    {
        uint32_t bits;
        memcpy(&bits, &m->tag_cost, 4);
        w_u32(&b, bits);
    }
    /* the oldest format that holds the model: version 4 when the extension would say nothing */
    const uint32_t version = m->lex.kind ? 6 : m->beam_prune > 0 || m->hash ? 5 : 4;
    if (version >= 5) {
        /* the version-5 extension, behind its length */
        wbuf x = {0};
        uint32_t bits;
        memcpy(&bits, &m->beam_prune, 4);
        w_u32(&x, bits);
        w_u32(&x, m->hash);
        if (x.failed) b.failed = 1;
        w_u32(&b, (uint32_t)x.n);
        w_bytes(&b, x.p, x.n);
        free(x.p);
    }
    if (version >= 6) {
        w_u32(&b, m->lex.kind);
        w_u32(&b, m->lex.nslots);
        for (uint32_t i = 0; i < m->lex.nslots; i++) w_u32(&b, m->lex.slots[i]);
    }
    w_ap(&b, &m->tagger);
    w_ap(&b, &m->tagger2);
    w_ap(&b, &m->parser);
    w_ap(&b, &m->labeler);
    const casus_lemmatizer *l = &m->lemma;
    w_u32(&b, l->ntags);
    w_bytes(&b, l->keepcase, l->ntags);
    w_u32(&b, l->strslen);
    w_bytes(&b, l->strs, l->strslen);
    w_u32(&b, l->nrules);
    for (uint32_t i = 0; i < l->nrules; i++) {
        w_u32(&b, l->rkey[i]);
        w_u32(&b, l->rstrip[i]);
        w_u32(&b, l->rappend[i]);
    }
    w_u32(&b, l->nexc);
    for (uint32_t i = 0; i < l->nexc; i++) {
        w_u32(&b, l->ekey[i]);
        w_u32(&b, l->elemma[i]);
    }
    if (b.failed) {
        free(b.p);
        say(err, errlen, "%s: out of memory", path);
        return CASUS_ENOMEM;
    }
    wbuf h = {0};
    w_bytes(&h, CASUS_MODEL_MAGIC, 8);
    w_u32(&h, version);
    w_u32(&h, 0);
    w_u64(&h, b.n);
    w_bytes(&h, b.p, b.n);
    w_u32(&h, fnv32(b.p, b.n));
    free(b.p);
    if (h.failed) {
        free(h.p);
        say(err, errlen, "%s: out of memory", path);
        return CASUS_ENOMEM;
    }
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 5);
    if (!tmp) {
        free(h.p);
        say(err, errlen, "%s: out of memory", path);
        return CASUS_ENOMEM;
    }
    memcpy(tmp, path, plen);
    memcpy(tmp + plen, ".tmp", 5);
    FILE *f = fopen(tmp, "wb");
    int ok = f && fwrite(h.p, 1, h.n, f) == h.n;
    if (f && fclose(f) != 0) ok = 0;
    if (ok && rename(tmp, path) != 0) ok = 0;
    if (!ok) {
        say(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        remove(tmp);
    }
    free(tmp);
    free(h.p);
    return ok ? CASUS_OK : CASUS_EIO;
}

/* ---- reading ---------------------------------------------------------------------------- */

typedef struct rbuf {
    const unsigned char *p;
    size_t n, at;
    int bad;
} rbuf;

static int r_need(rbuf *r, size_t n)
{
    if (r->bad || r->n - r->at < n) {
        r->bad = 1;
        return 0;
    }
    return 1;
}

static uint32_t r_u32(rbuf *r)
{
    if (!r_need(r, 4)) return 0;
    const unsigned char *x = r->p + r->at;
    r->at += 4;
    return (uint32_t)x[0] | (uint32_t)x[1] << 8 | (uint32_t)x[2] << 16 | (uint32_t)x[3] << 24;
}

static uint64_t r_u64(rbuf *r)
{
    uint64_t lo = r_u32(r);
    return lo | (uint64_t)r_u32(r) << 32;
}

/* A length-prefixed string as a new NUL-terminated copy; NULL on a short buffer or no memory. */
static char *r_str(rbuf *r, int *nomem)
{
    uint32_t n = r_u32(r);
    if (!r_need(r, n)) return NULL;
    char *s = malloc((size_t)n + 1);
    if (!s) {
        *nomem = 1;
        return NULL;
    }
    memcpy(s, r->p + r->at, n);
    s[n] = '\0';
    r->at += n;
    return s;
}

/* Reads an array of count elements of size bytes each after checking they are there. */
static void *r_array(rbuf *r, uint32_t count, size_t size, int *nomem)
{
    if (!r_need(r, (size_t)count * size)) return NULL;
    void *a = malloc(count ? (size_t)count * size : 1);
    if (!a) {
        *nomem = 1;
        return NULL;
    }
    const unsigned char *x = r->p + r->at;
    if (size == 4) {
        uint32_t *o = a;
        for (uint32_t i = 0; i < count; i++, x += 4)
            o[i] = (uint32_t)x[0] | (uint32_t)x[1] << 8 | (uint32_t)x[2] << 16 | (uint32_t)x[3] << 24;
    } else if (size == 2) {
        int16_t *o = a;
        for (uint32_t i = 0; i < count; i++, x += 2) o[i] = (int16_t)(uint16_t)(x[0] | x[1] << 8);
    } else {
        memcpy(a, x, (size_t)count * size);
    }
    r->at += (size_t)count * size;
    return a;
}

/* Reads one classifier; returns a reason when the bytes make no sense, NULL when fine. */
static const char *r_ap(rbuf *r, casus_ap *m, int *nomem)
{
    m->nclass = r_u32(r);
    uint32_t slots = r_u32(r);
    m->nentries = r_u32(r);
    uint32_t sbits = r_u32(r);
    m->dense = r_u32(r);
    if (r->bad) return "truncated classifier";
    if (m->dense > 2) return "unknown classifier kind";
    memcpy(&m->scale, &sbits, 4);
    if (m->nclass == 0 || m->nclass > 255) return "bad class count";
    if (slots == 0) return "empty table";
    if (!m->dense && m->nentries >= (1u << 24)) return "too many weights";
    if (m->nentries >= (1u << 28)) return "too many weights";
    m->nslots = slots;
    if (m->dense) {
        if ((uint64_t)slots * m->nclass != m->nentries) return "dense table size does not match";
        if (m->dense == 2) m->w8 = r_array(r, m->nentries, 1, nomem);
        else m->w = r_array(r, m->nentries, 2, nomem);
        if (*nomem) return "out of memory";
        if (r->bad) return "truncated classifier";
        return NULL;
    }
    /* packed as casus_ap keeps them: key with row, class with weight */
    const char *why = NULL;
    uint32_t *keys = r_array(r, slots, 4, nomem), *vals = r_array(r, slots, 4, nomem);
    uint8_t *cls = r_array(r, m->nentries, 1, nomem);
    int16_t *w = r_array(r, m->nentries, 2, nomem);
    if (!*nomem && !r->bad) {
        m->slots = malloc((size_t)slots * sizeof *m->slots);
        m->ent = malloc((m->nentries ? m->nentries : 1) * sizeof *m->ent);
        if (!m->slots || !m->ent) *nomem = 1;
    }
    if (*nomem) why = "out of memory";
    else if (r->bad) why = "truncated classifier";
    uint32_t empty = 0;
    for (uint32_t i = 0; i < slots && !why; i++) {
        m->slots[i] = 0;
        if (!keys[i]) {
            empty++;
            continue;
        }
        uint32_t e = vals[i] >> 8, c = vals[i] & 0xFF;
        if ((uint64_t)e + c > m->nentries) why = "weight row out of range";
        m->slots[i] = casus_ap_slotval(keys[i], e, c);
    }
    if (!why && !empty) why = "table has no empty slot";
    for (uint32_t i = 0; i < m->nentries && !why; i++) {
        if (cls[i] >= m->nclass) why = "class out of range";
        m->ent[i] = casus_ap_entry(cls[i], w[i]);
    }
    free(keys);
    free(vals);
    free(cls);
    free(w);
    return why;
}

static casus_status read_buffer(casus_model *m, const unsigned char *buf, size_t len, const char *name, char *err,
                                size_t errlen, int compact)
{
    memset(m, 0, sizeof *m);
    int nomem = 0;
    const char *why = NULL;
    if (len < 8 || memcmp(buf, CASUS_MODEL_MAGIC, 8) != 0) {
        say(err, errlen, "%s: not a casus syntax model (bad magic number)", name);
        return CASUS_EFORMAT;
    }
    rbuf h = {buf, len, 8, 0};
    uint32_t version = r_u32(&h);
    (void)r_u32(&h);
    uint64_t plen = r_u64(&h);
    if (h.bad) {
        say(err, errlen, "%s: truncated model file (%zu bytes, no complete header)", name, len);
        return CASUS_EFORMAT;
    }
    /* version 2 is version 3 without the beam width (a greedy parser), version 3 is version 4
       without the joint label count (labels outside the parser's score) */
    if (version < 2 || version > CASUS_MODEL_VERSION) {
        say(err, errlen, "%s: model format version %u, but this casus reads versions 2 to %u; retrain or "
                         "use a matching model", name, version, CASUS_MODEL_VERSION);
        return CASUS_EFORMAT;
    }
    if (plen > len - h.at || len - h.at - plen < 4) {
        say(err, errlen, "%s: truncated model file (%zu bytes, header promises %llu)", name, len,
            (unsigned long long)(plen + h.at + 4));
        return CASUS_EFORMAT;
    }
    if (len - h.at - plen > 4) {
        say(err, errlen, "%s: trailing bytes after the model", name);
        return CASUS_EFORMAT;
    }
    rbuf tail = {buf, len, h.at + (size_t)plen, 0};
    if (r_u32(&tail) != fnv32(buf + h.at, (size_t)plen)) {
        say(err, errlen, "%s: checksum mismatch (damaged model file)", name);
        return CASUS_EFORMAT;
    }
    rbuf r = {buf + h.at, (size_t)plen, 0, 0};

    m->ntags = r_u32(&r);
    if (m->ntags == 0 || m->ntags > 255 || !r_need(&r, (size_t)m->ntags * 8)) {
        why = "bad tag count";
        goto fail;
    }
    m->upos = calloc(m->ntags, sizeof *m->upos);
    m->xpos = calloc(m->ntags, sizeof *m->xpos);
    if (!m->upos || !m->xpos) goto nomem;
    for (uint32_t i = 0; i < m->ntags && !r.bad; i++) {
        m->upos[i] = r_str(&r, &nomem);
        m->xpos[i] = r_str(&r, &nomem);
    }
    m->nlabels = r_u32(&r);
    if (r.bad || m->nlabels == 0 || m->nlabels > 255 || !r_need(&r, (size_t)m->nlabels * 4)) {
        why = "bad label count";
        goto fail;
    }
    m->labels = calloc(m->nlabels, sizeof *m->labels);
    if (!m->labels) goto nomem;
    for (uint32_t i = 0; i < m->nlabels && !r.bad; i++) m->labels[i] = r_str(&r, &nomem);
    m->root_label = r_u32(&r);
    {
        uint32_t bits = r_u32(&r);
        memcpy(&m->alt_margin, &bits, 4);
    }
    m->beam = version >= 3 ? r_u32(&r) : 1;
    m->joint = version >= 4 ? r_u32(&r) : 0;
    if (version >= 4) {
        uint32_t bits = r_u32(&r);
        memcpy(&m->tag_cost, &bits, 4);
    }
    if (version >= 5 && !r.bad) {
        uint32_t xlen = r_u32(&r);
        if (!r_need(&r, xlen)) {
            why = "truncated extension";
            goto fail;
        }
        rbuf x = {r.p + r.at, xlen, 0, 0};
        r.at += xlen;
        uint32_t bits = r_u32(&x);
        memcpy(&m->beam_prune, &bits, 4);
        m->hash = r_u32(&x);
        if (x.bad || !(m->beam_prune >= 0 && m->beam_prune < 1e30f) || m->hash > 1) {
            why = "bad extension";
            goto fail;
        }
        if (x.at != x.n) {
            why = "bad extension length";
            goto fail;
        }
    }
    if (version >= 6 && !r.bad) {
        m->lex.kind = r_u32(&r);
        m->lex.nslots = r_u32(&r);
        if (r.bad || m->lex.nslots > CASUS_LEX_MAXSLOTS || !r_need(&r, (size_t)m->lex.nslots * 4)) {
            m->lex.nslots = 0;
            why = "truncated lexicon";
            goto fail;
        }
        if (m->lex.nslots) m->lex.slots = r_array(&r, m->lex.nslots, 4, &nomem);
        if (nomem) {
            m->lex.nslots = 0;
            goto nomem;
        }
        if ((why = casus_lexicon_check(&m->lex))) goto fail;
    }
    if (nomem) goto nomem;
    if (r.bad) {
        why = "truncated names";
        goto fail;
    }
    if (m->root_label >= m->nlabels) {
        why = "root label out of range";
        goto fail;
    }
    if (!(m->alt_margin >= 0 && m->alt_margin < 1e30f)) {
        why = "bad tag margin";
        goto fail;
    }
    if (m->beam < 1 || m->beam > CASUS_BEAM_MAX) {
        why = "bad beam width";
        goto fail;
    }
    if (!(m->tag_cost >= 0 && m->tag_cost < 1e30f)) {
        why = "bad tag cost";
        goto fail;
    }
    if (m->joint > CASUS_BEAM_MAXLAB) {
        why = "bad joint label count";
        goto fail;
    }
    if ((why = r_ap(&r, &m->tagger, &nomem)) || (why = r_ap(&r, &m->tagger2, &nomem)) || (why = r_ap(&r, &m->parser, &nomem)) ||
        (why = r_ap(&r, &m->labeler, &nomem))) {
        if (nomem) goto nomem;
        goto fail;
    }
    m->tagger.hash = m->tagger2.hash = m->parser.hash = m->labeler.hash = m->hash;
    m->tagger.lex = m->tagger2.lex = m->lex.kind >= 1;
    m->parser.lex = m->labeler.lex = m->lex.kind >= 2;
    if (compact &&
        (casus_ap_compact(&m->tagger) < 0 || casus_ap_compact(&m->tagger2) < 0 || casus_ap_compact(&m->labeler) < 0))
        goto nomem;
    if (m->tagger.nclass != m->ntags || m->tagger2.nclass != m->ntags || m->parser.nclass != 4 ||
        m->labeler.nclass != m->nlabels) {
        why = "classifier sizes do not match the tag and label sets";
        goto fail;
    }
    casus_lemmatizer *l = &m->lemma;
    l->ntags = r_u32(&r);
    if (l->ntags != m->ntags) {
        why = "lemmatizer tag count does not match";
        goto fail;
    }
    l->keepcase = r_array(&r, l->ntags, 1, &nomem);
    l->strslen = r_u32(&r);
    l->strs = r_array(&r, l->strslen, 1, &nomem);
    l->nrules = r_u32(&r);
    if (!r_need(&r, (size_t)l->nrules * 12)) {
        why = "truncated lemma rules";
        goto fail;
    }
    l->rkey = malloc((size_t)l->nrules * 4 + 4);
    l->rstrip = malloc((size_t)l->nrules * 4 + 4);
    l->rappend = malloc((size_t)l->nrules * 4 + 4);
    if (!l->rkey || !l->rstrip || !l->rappend) goto nomem;
    for (uint32_t i = 0; i < l->nrules; i++) {
        l->rkey[i] = r_u32(&r);
        l->rstrip[i] = r_u32(&r);
        l->rappend[i] = r_u32(&r);
    }
    l->nexc = r_u32(&r);
    if (!r_need(&r, (size_t)l->nexc * 8)) {
        why = "truncated lemma exceptions";
        goto fail;
    }
    l->ekey = malloc((size_t)l->nexc * 4 + 4);
    l->elemma = malloc((size_t)l->nexc * 4 + 4);
    if (!l->ekey || !l->elemma) goto nomem;
    for (uint32_t i = 0; i < l->nexc; i++) {
        l->ekey[i] = r_u32(&r);
        l->elemma[i] = r_u32(&r);
    }
    if (nomem) goto nomem;
    if (r.bad) {
        why = "truncated lemmatizer";
        goto fail;
    }
    if (r.at != r.n) {
        why = "unexpected bytes after the lemmatizer";
        goto fail;
    }
    if (l->strslen == 0 || l->strs[l->strslen - 1] != '\0') {
        why = "lemma strings not terminated";
        goto fail;
    }
    for (uint32_t i = 0; i < l->nrules; i++)
        if (l->rappend[i] >= l->strslen || (i && l->rkey[i] <= l->rkey[i - 1])) {
            why = "bad lemma rule";
            goto fail;
        }
    for (uint32_t i = 0; i < l->nexc; i++)
        if (l->elemma[i] >= l->strslen || (i && l->ekey[i] <= l->ekey[i - 1])) {
            why = "bad lemma exception";
            goto fail;
        }
    m->coarse = malloc(((size_t)m->ntags + 1) * sizeof *m->coarse);
    if (!m->coarse) goto nomem;
    for (uint32_t t = 0; t <= m->ntags; t++) m->coarse[t] = casus_model_coarse(m->upos, m->ntags, t);
    return CASUS_OK;
nomem:
    casus_model_clear(m);
    say(err, errlen, "%s: out of memory", name);
    return CASUS_ENOMEM;
fail:
    casus_model_clear(m);
    say(err, errlen, "%s: damaged model file: %s", name, why ? why : "truncated");
    return CASUS_EFORMAT;
}

casus_status casus_model_read_buffer(casus_model *m, const unsigned char *buf, size_t len,
                                     const char *name, char *err, size_t errlen)
{
    return read_buffer(m, buf, len, name, err, errlen, 1);
}

casus_status casus_model_read(casus_model *m, const char *path, char *err, size_t errlen)
{
    return casus_model_read_file(m, path, err, errlen, 1);
}

casus_status casus_model_read_file(casus_model *m, const char *path, char *err, size_t errlen, int compact)
{
    memset(m, 0, sizeof *m);
    FILE *f = fopen(path, "rb");
    if (!f) {
        say(err, errlen, "%s: cannot open model: %s", path, strerror(errno));
        return CASUS_EIO;
    }
    size_t cap = 1 << 20, n = 0;
    unsigned char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            unsigned char *g = cap < ((size_t)1 << 31) ? realloc(buf, cap * 2) : NULL;
            if (!g) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = g;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    int rerr = ferror(f);
    fclose(f);
    if (!buf) {
        say(err, errlen, "%s: out of memory", path);
        return CASUS_ENOMEM;
    }
    if (rerr) {
        free(buf);
        say(err, errlen, "%s: cannot read model", path);
        return CASUS_EIO;
    }
    casus_status st = read_buffer(m, buf, n, path, err, errlen, compact);
    free(buf);
    return st;
}

int casus_model_coarse(char *const *upos, uint32_t ntags, uint32_t tag)
{
    if (tag >= ntags) return (int)ntags;
    for (uint32_t t = 0; t < tag; t++)
        if (!strcmp(upos[t], upos[tag])) return (int)t;
    return (int)tag;
}

void casus_model_clear(casus_model *m)
{
    free(m->coarse);
    if (m->upos)
        for (uint32_t i = 0; i < m->ntags; i++) free(m->upos[i]);
    if (m->xpos)
        for (uint32_t i = 0; i < m->ntags; i++) free(m->xpos[i]);
    if (m->labels)
        for (uint32_t i = 0; i < m->nlabels; i++) free(m->labels[i]);
    free(m->upos);
    free(m->xpos);
    free(m->labels);
    casus_ap_clear(&m->tagger);
    casus_ap_clear(&m->tagger2);
    casus_ap_clear(&m->parser);
    casus_ap_clear(&m->labeler);
    casus_lemma_clear(&m->lemma);
    casus_lexicon_clear(&m->lex);
    memset(m, 0, sizeof *m);
}
