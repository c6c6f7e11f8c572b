/* test_syntax.c — the syntax model: loading errors, and parsing through the public API. */
#include "testutil.h"
#include "casus.h"
#include "syntax/features.h"
#include "syntax/lemma.h"
#include "syntax/lexicon.h"

#include <stdio.h>

#define MODEL "models/en_ewt.casus"

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc((size_t)n);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static void spit(const char *path, const unsigned char *buf, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(buf, 1, len, f), len);
    fclose(f);
}

/* Loading path fails with want, and the message mentions what. */
static void expect_failure(const char *path, casus_status want, const char *what)
{
    casus_syntax *syn = (casus_syntax *)1;
    char err[512] = "";
    assert_int_equal(casus_syntax_load(path, &syn, err, sizeof err), want);
    assert_null(syn);
    if (!strstr(err, what)) fprintf(stderr, "message: %s\n", err);
    assert_non_null(strstr(err, what));
    assert_non_null(strstr(err, path));
}

static void test_missing(void **state)
{
    (void)state;
    expect_failure("models/no-such-model.casus", CASUS_EIO, "cannot open");
}

static void test_truncated(void **state)
{
    (void)state;
    size_t len;
    unsigned char *buf = slurp(MODEL, &len);
    const char *tmp = "build-test-truncated.casus";
    spit(tmp, buf, len / 2);
    expect_failure(tmp, CASUS_EFORMAT, "truncated");
    spit(tmp, buf, len - 1);
    expect_failure(tmp, CASUS_EFORMAT, "truncated");
    /* every short prefix fails cleanly */
    for (size_t n = 0; n < 64; n++) {
        spit(tmp, buf, n);
        casus_syntax *syn = NULL;
        assert_int_equal(casus_syntax_load(tmp, &syn, NULL, 0), CASUS_EFORMAT);
        assert_null(syn);
    }
    remove(tmp);
    free(buf);
}

static void test_wrong_version(void **state)
{
    (void)state;
    size_t len;
    unsigned char *buf = slurp(MODEL, &len);
    const char *tmp = "build-test-version.casus";
    unsigned char version = buf[8];
    buf[8] = 99; /* the format version, little-endian after the 8-byte magic */
    spit(tmp, buf, len);
    expect_failure(tmp, CASUS_EFORMAT, "version 99");
    buf[8] = version;
    memcpy(buf, "NOTCASUS", 8);
    spit(tmp, buf, len);
    expect_failure(tmp, CASUS_EFORMAT, "magic");
    memcpy(buf, "CASUSSYN", 8);
    buf[len / 2] ^= 0x5A; /* a damaged byte inside */
    spit(tmp, buf, len);
    expect_failure(tmp, CASUS_EFORMAT, "checksum");
    remove(tmp);
    free(buf);
}

static uint32_t get32(const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }
static void put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i));
}

/* Where the fields after the tag margin start in a model file (the beam width from version 3). */
static size_t after_margin(const unsigned char *buf)
{
    /* the payload starts after magic, version, reserved and length; the beam width (then the
       joint label count) follows the tag names, the label names, the root label and the tag margin */
    size_t at = 24;
    uint32_t ntags = get32(buf + at);
    at += 4;
    for (uint32_t i = 0; i < 2 * ntags; i++) at += 4 + get32(buf + at);
    uint32_t nlabels = get32(buf + at);
    at += 4;
    for (uint32_t i = 0; i < nlabels; i++) at += 4 + get32(buf + at);
    return at + 8;
}

/* A new header, length and checksum for the payload of old[0..olen). */
static void reseal(unsigned char *old, size_t olen, uint32_t version)
{
    size_t plen = olen - 24 - 4;
    put32(old + 8, version);
    put32(old + 16, (uint32_t)plen);
    put32(old + 20, 0);
    uint32_t h = 2166136261u; /* FNV-1a of the payload, as model.c checks it */
    for (size_t i = 0; i < plen; i++) h = (h ^ old[24 + i]) * 16777619u;
    put32(old + olen - 4, h);
}

/* The committed model as a file of format target: the fields after the tag margin rebuilt (the
   beam width from format 3, the joint label count and the tag cost from 4, the extension from
   5, the lexicon from 6), those the committed model lacks made up: an empty extension (default
   pruning, hash kind 0) and a lexicon of kind 1 with four slots, two of them used; *olen gets
   the length. */
static unsigned char *model_as(uint32_t target, size_t *olen)
{
    size_t len;
    unsigned char *buf = slurp(MODEL, &len);
    uint32_t cur = get32(buf + 8);
    assert_true(cur >= 4 && cur <= 6);
    size_t at = after_margin(buf);
    uint32_t beam = get32(buf + at);
    assert_true(beam >= 1 && beam <= 16);
    static const unsigned char ext0[12] = {8, 0, 0, 0};
    static const unsigned char lex0[24] = {1, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0x21, 0x40, 0, 0, 0, 0, 0, 0, 0x04, 0x09, 0, 0};
    const unsigned char *ext = ext0, *lex = lex0;
    size_t extn = sizeof ext0, lexn = sizeof lex0, rest = at + 12;
    if (cur >= 5) {
        ext = buf + rest;
        extn = 4 + get32(ext);
        rest += extn;
    }
    if (cur >= 6) {
        lex = buf + rest;
        lexn = 8 + 4 * (size_t)get32(lex + 4);
        rest += lexn;
    }
    size_t keep = target >= 4 ? 12 : target == 3 ? 4 : 0;
    size_t add = keep + (target >= 5 ? extn : 0) + (target >= 6 ? lexn : 0);
    *olen = at + add + (len - rest);
    unsigned char *old = malloc(*olen);
    assert_non_null(old);
    memcpy(old, buf, at + keep);
    size_t o = at + keep;
    if (target >= 5) memcpy(old + o, ext, extn), o += extn;
    if (target >= 6) memcpy(old + o, lex, lexn), o += lexn;
    memcpy(old + o, buf + rest, len - rest);
    reseal(old, *olen, target);
    free(buf);
    return old;
}

/* Older formats still load: format 5 (without a lexicon), format 4 (without the extension:
   default pruning), format 3 (without the joint label count either: labels outside the
   parser's score) and format 2 (without the beam width either: a greedy parser); and format 6. */
static void check_older(uint32_t target)
{
    size_t olen;
    unsigned char *old = model_as(target, &olen);
    const char *tmp = "build-test-version2.casus";
    spit(tmp, old, olen);
    casus_syntax *syn = NULL;
    char err[512] = "";
    assert_int_equal(casus_syntax_load(tmp, &syn, err, sizeof err), CASUS_OK);
    const char *words[] = {"Rebels", "attacked", "the", "city", "."};
    casus_syntax_doc *doc = NULL;
    assert_int_equal(casus_syntax_parse_tokens(syn, words, 5, &doc), CASUS_OK);
    int roots = 0;
    for (size_t k = 0; k < 5; k++) roots += casus_syntax_doc_token(doc, k)->head == 0;
    assert_int_equal(roots, 1);
    casus_syntax_doc_free(doc);
    casus_syntax_free(syn);
    remove(tmp);
    free(old);
}

/* Each format, written from the model and loaded: the version comes as the test's state. */
static void test_version(void **state)
{
    check_older(*(const uint32_t *)*state);
}

/* A format-5 file whose extension is damaged (checksum intact) fails cleanly. */
static void test_bad_extension(void **state)
{
    (void)state;
    size_t len;
    unsigned char *buf = model_as(5, &len);
    size_t at = after_margin(buf) + 12;
    uint32_t xlen = get32(buf + at);
    const char *tmp = "build-test-extension.casus";
    /* a length past the end of the payload */
    put32(buf + at, 0x7FFFFFF0u);
    reseal(buf, len, 5);
    spit(tmp, buf, len);
    expect_failure(tmp, CASUS_EFORMAT, "damaged");
    /* a length that leaves a byte of the extension unread */
    assert_true(xlen >= 8);
    put32(buf + at, xlen - 1);
    reseal(buf, len, 5);
    spit(tmp, buf, len);
    expect_failure(tmp, CASUS_EFORMAT, "damaged");
    /* a negative pruning threshold */
    put32(buf + at, xlen);
    uint32_t prune = get32(buf + at + 4);
    put32(buf + at + 4, 0xBF800000u); /* -1.0f */
    reseal(buf, len, 5);
    spit(tmp, buf, len);
    expect_failure(tmp, CASUS_EFORMAT, "extension");
    /* an unknown kind of feature hash */
    put32(buf + at + 4, prune);
    put32(buf + at + 8, 7);
    reseal(buf, len, 5);
    spit(tmp, buf, len);
    expect_failure(tmp, CASUS_EFORMAT, "extension");
    remove(tmp);
    free(buf);
}

/* A format-6 file whose lexicon is damaged (checksum intact) fails cleanly, saying so. */
static void test_bad_lexicon(void **state)
{
    (void)state;
    size_t len;
    unsigned char *buf = model_as(6, &len);
    size_t at = after_margin(buf) + 12;
    at += 4 + get32(buf + at); /* past the extension */
    uint32_t kind = get32(buf + at), nslots = get32(buf + at + 4);
    assert_true(kind >= 1 && kind <= 2);
    assert_true(nslots >= 2);
    const char *tmp = "build-test-lexicon.casus";
    unsigned char *slot = buf + at + 8;
    /* a slot count past the end of the payload, and one past the largest table */
    put32(buf + at + 4, 0x7FFFFFF0u);
    reseal(buf, len, 6);
    spit(tmp, buf, len);
    expect_failure(tmp, CASUS_EFORMAT, "truncated lexicon");
    put32(buf + at + 4, nslots);
    /* an unknown kind; kind 0 with slots */
    put32(buf + at, 7);
    reseal(buf, len, 6);
    spit(tmp, buf, len);
    expect_failure(tmp, CASUS_EFORMAT, "lexicon kind");
    put32(buf + at, 0);
    reseal(buf, len, 6);
    spit(tmp, buf, len);
    expect_failure(tmp, CASUS_EFORMAT, "lexicon");
    put32(buf + at, kind);
    /* an entry without classes */
    uint32_t first = get32(slot);
    put32(slot, 5u << 10);
    reseal(buf, len, 6);
    spit(tmp, buf, len);
    expect_failure(tmp, CASUS_EFORMAT, "without classes");
    put32(slot, first);
    /* no empty slot (a look-up could go round forever) */
    unsigned char *full = malloc((size_t)nslots * 4);
    assert_non_null(full);
    memcpy(full, slot, (size_t)nslots * 4);
    for (uint32_t i = 0; i < nslots; i++) put32(slot + 4 * i, (i + 1) << 10 | 1);
    reseal(buf, len, 6);
    spit(tmp, buf, len);
    expect_failure(tmp, CASUS_EFORMAT, "no empty slot");
    memcpy(slot, full, (size_t)nslots * 4);
    free(full);
    /* repaired, it loads */
    reseal(buf, len, 6);
    spit(tmp, buf, len);
    casus_syntax *syn = NULL;
    assert_int_equal(casus_syntax_load(tmp, &syn, NULL, 0), CASUS_OK);
    casus_syntax_free(syn);
    remove(tmp);
    free(buf);
}

/* The lexicon's table: what goes in comes out, merged by form, whatever the order; other forms
   get 0. */
static void test_lexicon_table(void **state)
{
    (void)state;
    const char *forms[] = {"run", "runs", "Paris", "run", "quickly"};
    const uint32_t cls[] = {CASUS_LEX_NOUN, CASUS_LEX_NOUN_INFL, CASUS_LEX_CAP, CASUS_LEX_VERB, CASUS_LEX_ADV};
    uint64_t key[5], rkey[5];
    uint32_t rcls[5];
    for (int i = 0; i < 5; i++) {
        casus_word w;
        casus_features_word(&w, forms[i], strlen(forms[i]));
        key[i] = rkey[4 - i] = w.lower;
        rcls[4 - i] = cls[i];
    }
    casus_lexicon a = {0}, b = {0};
    assert_int_equal(casus_lexicon_build(&a, 1, key, cls, 5), 0);
    assert_int_equal(casus_lexicon_build(&b, 1, rkey, rcls, 5), 0);
    assert_null(casus_lexicon_check(&a));
    assert_int_equal(a.nslots, b.nslots);
    assert_memory_equal(a.slots, b.slots, a.nslots * sizeof *a.slots);
    assert_int_equal(casus_lexicon_get(&a, key[0]), CASUS_LEX_NOUN | CASUS_LEX_VERB);
    assert_int_equal(casus_lexicon_get(&a, key[1]), CASUS_LEX_NOUN_INFL);
    casus_word w;
    casus_features_word(&w, "PARIS", 5); /* looked up lower-cased */
    assert_int_equal(casus_lexicon_get(&a, w.lower), CASUS_LEX_CAP);
    casus_features_word(&w, "walked", 6);
    assert_int_equal(casus_lexicon_get(&a, w.lower), 0);
    casus_lexicon_clear(&a);
    casus_lexicon_clear(&b);
    assert_int_equal(casus_lexicon_get(&a, w.lower), 0); /* an empty lexicon knows nothing */
}

/* A suffix rule never cuts a UTF-8 character in two: "\xC2\xB4m" (the acute-accent apostrophe)
   under the rule for "'m" (strip 2, append "be") gives "be", not a stray lead byte. */
static void test_lemma_utf8(void **state)
{
    (void)state;
    uint8_t keepcase[1] = {0};
    uint32_t rkey[1] = {casus_lemma_suffix_key("m", 1, 1, 0)}, rstrip[1] = {2}, rappend[1] = {0};
    char strs[] = "be";
    casus_lemmatizer l = {1, keepcase, 1, rkey, rstrip, rappend, 0, NULL, NULL, strs, sizeof strs};
    char out[32];
    assert_int_equal(casus_lemma_get(&l, "\xC2\xB4m", 3, 0, out, sizeof out), 2);
    assert_string_equal(out, "be");
    assert_int_equal(casus_lemma_get(&l, "'m", 2, 0, out, sizeof out), 2);
    assert_string_equal(out, "be");
    assert_int_equal(casus_lemma_get(&l, "Im", 2, 0, out, sizeof out), 2);
    assert_string_equal(out, "be");
}

static casus_syntax *load(void)
{
    casus_syntax *syn = NULL;
    char err[512];
    assert_int_equal(casus_syntax_load(MODEL, &syn, err, sizeof err), CASUS_OK);
    assert_non_null(syn);
    return syn;
}

static void test_parse_text(void **state)
{
    casus_syntax *syn = *state;
    const char *text = "Iran's envoy met Gen. Halbarad in Minas Tirith. The talks failed.";
    casus_syntax_doc *doc = NULL;
    assert_int_equal(casus_syntax_parse_text(syn, text, strlen(text), &doc), CASUS_OK);
    assert_int_equal(casus_syntax_doc_sentence_count(doc), 2);
    const casus_syntax_sentence *s0 = casus_syntax_doc_sentence(doc, 0);
    assert_int_equal(s0->first, 0);
    assert_int_equal(s0->count, 10);
    for (size_t si = 0; si < 2; si++) {
        const casus_syntax_sentence *s = casus_syntax_doc_sentence(doc, si);
        int roots = 0;
        for (size_t k = 0; k < s->count; k++) {
            const casus_syntax_token *t = casus_syntax_doc_token(doc, s->first + k);
            assert_memory_equal(text + t->start, t->form, t->end - t->start);
            assert_true(t->head >= 0 && (size_t)t->head <= s->count);
            assert_true((size_t)t->head != k + 1);
            roots += t->head == 0;
            assert_true(t->upos[0] && t->xpos[0] && t->deprel[0] && t->lemma[0]);
            assert_int_equal(t->head == 0, strcmp(t->deprel, "root") == 0);
        }
        assert_int_equal(roots, 1);
    }
    const casus_syntax_token *iran = casus_syntax_doc_token(doc, 0), *pos = casus_syntax_doc_token(doc, 1);
    assert_string_equal(iran->form, "Iran");
    assert_string_equal(iran->upos, "PROPN");
    assert_string_equal(pos->form, "'s");
    assert_string_equal(pos->xpos, "POS");
    assert_int_equal(pos->head, 1);
    const casus_syntax_token *met = casus_syntax_doc_token(doc, 3);
    assert_string_equal(met->lemma, "meet");
    assert_string_equal(met->upos, "VERB");
    assert_int_equal(met->head, 0);
    char *conllu = NULL;
    size_t len = 0;
    assert_int_equal(casus_syntax_doc_conllu(doc, &conllu, &len), CASUS_OK);
    assert_int_equal(strlen(conllu), len);
    assert_true(!strncmp(conllu, "# text = Iran's envoy met", 25));
    assert_non_null(strstr(conllu, "\n1\tIran\tIran\tPROPN\tNNP\t_\t"));
    assert_non_null(strstr(conllu, "\tSpaceAfter=No\n2\t's\t"));
    free(conllu);
    casus_syntax_doc_free(doc);
}

static void test_parse_tokens(void **state)
{
    casus_syntax *syn = *state;
    const char *forms[] = {"Rebels", "attacked", "the", "city", "."};
    casus_syntax_doc *doc = NULL;
    assert_int_equal(casus_syntax_parse_tokens(syn, forms, 5, &doc), CASUS_OK);
    assert_int_equal(casus_syntax_doc_token_count(doc), 5);
    const casus_syntax_token *t = casus_syntax_doc_token(doc, 1);
    assert_string_equal(t->form, "attacked");
    assert_string_equal(t->lemma, "attack");
    assert_string_equal(t->upos, "VERB");
    assert_int_equal(t->head, 0);
    assert_int_equal(casus_syntax_doc_token(doc, 2)->head, 4);
    assert_string_equal(casus_syntax_doc_token(doc, 2)->deprel, "det");
    assert_int_equal(casus_syntax_doc_token(doc, 4)->head, 2);
    assert_string_equal(casus_syntax_doc_token(doc, 4)->deprel, "punct");
    assert_null(casus_syntax_doc_token(doc, 5));
    casus_syntax_doc_free(doc);
    assert_int_equal(casus_syntax_parse_tokens(syn, forms, 0, &doc), CASUS_OK);
    assert_int_equal(casus_syntax_doc_sentence_count(doc), 0);
    casus_syntax_doc_free(doc);
    assert_int_equal(casus_syntax_parse_text(syn, "  \n ", 4, &doc), CASUS_OK);
    assert_int_equal(casus_syntax_doc_token_count(doc), 0);
    casus_syntax_doc_free(doc);
    casus_syntax_doc_free(NULL);
    casus_syntax_free(NULL);
}

static int setup(void **state)
{
    *state = load();
    return 0;
}

static int teardown(void **state)
{
    casus_syntax_free(*state);
    return 0;
}

int main(void)
{
    static uint32_t versions[] = {2, 3, 4, 5, 6};
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_wrong_version),
        cmocka_unit_test_prestate(test_version, &versions[0]),
        cmocka_unit_test_prestate(test_version, &versions[1]),
        cmocka_unit_test_prestate(test_version, &versions[2]),
        cmocka_unit_test_prestate(test_version, &versions[3]),
        cmocka_unit_test_prestate(test_version, &versions[4]),
        cmocka_unit_test(test_bad_extension),
        cmocka_unit_test(test_bad_lexicon),
        cmocka_unit_test(test_lexicon_table),
        cmocka_unit_test(test_lemma_utf8),
        cmocka_unit_test_setup_teardown(test_parse_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse_tokens, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
