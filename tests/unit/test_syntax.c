/* test_syntax.c — the syntax model: loading errors, and parsing through the public API. */
#include "testutil.h"
#include "casus.h"

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

/* Bytes of the fields after the tag margin in a file of version v: none in version 2, the beam
   width in 3, the beam width, the joint label count and the tag cost in 4, those and the
   extension (its length, then its bytes) in 5. */
static size_t extra_bytes(const unsigned char *buf, uint32_t v)
{
    static const size_t fixed[5] = {0, 0, 0, 4, 12};
    if (v < 5) return fixed[v];
    return 16 + get32(buf + after_margin(buf) + 12);
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

/* The committed model as a file of format target: fields dropped for older formats, an empty
   extension (default pruning, hash kind 0) added for format 5 to a format-4 file;
   *olen gets the length.  NULL when the committed model is older than target needs. */
static unsigned char *model_as(uint32_t target, size_t *olen)
{
    size_t len;
    unsigned char *buf = slurp(MODEL, &len);
    uint32_t cur = get32(buf + 8);
    assert_true(cur >= 4 && cur <= 5);
    size_t at = after_margin(buf);
    uint32_t beam = get32(buf + at);
    assert_true(beam >= 1 && beam <= 16);
    unsigned char *old;
    if (target == 5 && cur == 4) {
        static const unsigned char ext[12] = {8, 0, 0, 0};
        size_t from = at + 12;
        old = malloc(len + 12);
        assert_non_null(old);
        memcpy(old, buf, from);
        memcpy(old + from, ext, 12);
        memcpy(old + from + 12, buf + from, len - from);
        *olen = len + 12;
    } else {
        size_t from = at + extra_bytes(buf, target), cut = extra_bytes(buf, cur) - extra_bytes(buf, target);
        old = malloc(len - cut);
        assert_non_null(old);
        memcpy(old, buf, from);
        memcpy(old + from, buf + from + cut, len - from - cut);
        *olen = len - cut;
    }
    reseal(old, *olen, target);
    free(buf);
    return old;
}

/* Older formats still load: format 4 (without the extension: default pruning),
   format 3 (without the joint label count either: labels outside the parser's score) and
   format 2 (without the beam width either: a greedy parser); and format 5. */
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

static void test_version2(void **state)
{
    (void)state;
    check_older(2);
}

static void test_version3(void **state)
{
    (void)state;
    check_older(3);
}

static void test_version4(void **state)
{
    (void)state;
    check_older(4);
}

static void test_version5(void **state)
{
    (void)state;
    check_older(5);
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
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_wrong_version),
        cmocka_unit_test(test_version2),
        cmocka_unit_test(test_version3),
        cmocka_unit_test(test_version4),
        cmocka_unit_test(test_version5),
        cmocka_unit_test(test_bad_extension),
        cmocka_unit_test_setup_teardown(test_parse_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse_tokens, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
