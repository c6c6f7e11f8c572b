/* test_dict.c — the TABARI dictionary readers: actors, agents, verbs, options, diagnostics. */
#include "testutil.h"

#include "casus.h"
#include "dict/dict.h"

static casus_dict *load(casus_dict_kind kind, const char *text)
{
    casus_dict *d = casus_dict_new();
    assert_non_null(d);
    assert_int_equal(casus_dict_load_buffer(d, kind, "test.dict", text, strlen(text)), CASUS_OK);
    return d;
}

static uint32_t root_named(const casus_dict *d, const char *word)
{
    uint32_t lit = casus_lexicon_find(&d->lex, word, strlen(word));
    return lit && lit < d->root_of_literal_cap ? d->root_of_literal[lit] : 0;
}

static int diag_contains(const casus_dict *d, const char *needle)
{
    for (size_t i = 0; i < casus_dict_diag_count(d); i++)
        if (strstr(casus_dict_diag(d, i), needle)) return 1;
    return 0;
}

static const char *actor_code_on(const casus_dict *d, uint32_t root, int y, int m, int day, size_t *npairs)
{
    const casus_code_pair *pairs;
    *npairs = casus_actor_code_resolve(d, d->roots[root].code, casus_day_from_ymd(y, m, day), &pairs);
    return *npairs ? casus_codes_text(&d->codes, pairs[0].actor) : "";
}

static void test_actor_synonyms_share_dated_codes(void **state)
{
    (void)state;
    casus_dict *d = load(CASUS_DICT_ACTORS,
                         "OSTMARK_ ; the group's first name\n"
                         "+OSTMARKIAN_\n"
                         "\t[OSTREB <950601]\n"
                         "\t[OSTGOV 950601-990815]\n"
                         "\t[OST]\n");
    uint32_t first = root_named(d, "OSTMARK"), syn = root_named(d, "OSTMARKIAN");
    assert_true(first && syn);
    size_t n;
    assert_string_equal(actor_code_on(d, syn, 1994, 1, 1, &n), "OSTREB");
    assert_string_equal(actor_code_on(d, first, 1996, 7, 1, &n), "OSTGOV");
    assert_string_equal(actor_code_on(d, syn, 2001, 1, 1, &n), "OST");
    assert_int_equal(d->roots[syn].parent, first);
    assert_int_equal(casus_dict_diag_count(d), 0);
    casus_dict_free(d);
}

static void test_lone_restriction_defaults_to_null(void **state)
{
    (void)state;
    casus_dict *d = load(CASUS_DICT_ACTORS, "EAST_VALDORIA_ [EVD <901003]\n");
    size_t n;
    uint32_t r = root_named(d, "EAST");
    assert_string_equal(actor_code_on(d, r, 1989, 1, 1, &n), "EVD");
    assert_string_equal(actor_code_on(d, r, 1995, 1, 1, &n), "---");
    casus_dict_free(d);
}

static void test_coded_compound(void **state)
{
    (void)state;
    casus_dict *d = load(CASUS_DICT_ACTORS, "TWO_KESTRELS_ [KSN/KSS]\n");
    size_t n;
    assert_string_equal(actor_code_on(d, root_named(d, "TWO"), 2000, 1, 1, &n), "KSN");
    assert_int_equal(n, 2);
    casus_dict_free(d);
}

static void test_nouns_adjectives_and_errors(void **state)
{
    (void)state;
    casus_dict *d = load(CASUS_DICT_ACTORS,
                         "<NOUN>\nGOATS\n</NOUN>\n<ADJECTIVE>\nLAZY\n</ADJECTIVE>\n"
                         "LIRANIA [LIR]\n"
                         "LIRANIA [LRX]\n"            /* duplicate: reported, first kept */
                         "BROKEN [BRK <9913]\n"       /* bad date */
                         "NOCODE_LINE_ [ ]\n"         /* empty code */
                         "    [ORPHAN]\n");
    assert_int_equal(d->roots[root_named(d, "GOATS")].wtype, CASUS_W_NOUN);
    assert_int_equal(d->roots[root_named(d, "LAZY")].wtype, CASUS_W_ADJECTIVE);
    assert_true(diag_contains(d, "test.dict:8: duplicate actor LIRANIA"));
    assert_true(diag_contains(d, "test.dict:9: a date must have 6 digits"));
    assert_true(diag_contains(d, "test.dict:10: empty code"));
    assert_true(diag_contains(d, "test.dict:11: code line without an actor"));
    size_t n;
    assert_string_equal(actor_code_on(d, root_named(d, "LIRANIA"), 2000, 1, 1, &n), "LIR");
    casus_dict_free(d);
}

static void test_agents_need_a_tilde(void **state)
{
    (void)state;
    casus_dict *d = load(CASUS_DICT_AGENTS, "ENVOY_ [~GOV]\nRIGHTS_GROUP_ [NGO~]\nBAKER_ [BAK]\n");
    assert_int_equal(d->roots[root_named(d, "ENVOY")].wtype, CASUS_W_AGENT);
    assert_string_equal(casus_codes_text(&d->codes, d->roots[root_named(d, "RIGHTS")].code), "NGO~");
    assert_int_equal(root_named(d, "BAKER"), 0);
    assert_true(diag_contains(d, "test.dict:3: agent code BAK needs a '~'"));
    casus_dict_free(d);
}

static void test_verbs_forms_patterns_codes(void **state)
{
    (void)state;
    casus_dict *d = load(CASUS_DICT_VERBS,
                         "<SYNSETS>\n&TIES\n+TRADE\n+MILITARY_\n</SYNSETS>\n"
                         "<TIME>\nYESTERDAY_ [-1]\n</TIME>\n"
                         "BREAK_ [161]\n"
                         "{BROKE_ BROKEN_}\n"
                         "- * &TIES TIES [163]\n"
                         "- $ * OFF_TALKS_WITH + [164:164]\n"
                         "SAY [010?]\n"
                         "REJECT [120!]\n"
                         "- REJECT_THIS [999]\n"    /* no verb marker */
                         "- * { A | B [999]\n");    /* unbalanced alternatives */
    assert_int_equal(casus_dict_finish(d), CASUS_OK);
    uint32_t brk = root_named(d, "BREAK"), broke = root_named(d, "BROKE");
    assert_true(brk && broke);
    assert_int_equal(d->roots[broke].owner, brk);
    assert_int_equal(d->roots[broke].pat_count, 2);
    /* longest pattern first */
    const casus_pattern *p0 = &d->patterns[d->roots[brk].pat_first];
    const casus_pattern *p1 = &d->patterns[d->roots[brk].pat_first + 1];
    assert_true(p0->length >= p1->length);
    const casus_event_code *paired = &d->event_codes[p0->code];
    assert_string_equal(casus_codes_text(&d->codes, paired->code), "164");
    assert_string_equal(casus_codes_text(&d->codes, paired->pair), "164");
    const casus_event_code *say = &d->event_codes[d->roots[root_named(d, "SAY")].code];
    assert_int_equal(say->code_prec, CASUS_PREC_SUBORDINATE);
    const casus_event_code *rej = &d->event_codes[d->roots[root_named(d, "REJECT")].code];
    assert_int_equal(rej->code_prec, CASUS_PREC_DOMINANT);
    assert_int_equal(d->roots[root_named(d, "YESTERDAY")].wtype, CASUS_W_TIME);
    assert_int_equal(d->time_codes[d->roots[root_named(d, "YESTERDAY")].code].days, -1);
    assert_true(diag_contains(d, "test.dict:15: a pattern needs exactly one verb marker"));
    assert_true(diag_contains(d, "test.dict:16: '{' without '}'"));
    assert_true(d->has_time);
    casus_dict_free(d);
}

static void test_options(void **state)
{
    (void)state;
    casus_options o;
    int is_label;
    casus_options_default(&o);
    assert_null(casus_options_apply(&o, "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN", &is_label));
    assert_int_equal(o.cplx_verbs, 5);
    assert_int_equal(o.cplx_conj, 4);
    assert_true(o.cplx_flags & CASUS_CPLX_NOACTPRIOR);
    assert_null(casus_options_apply(&o, "DEFAULT: SOURCE [SRC] PRIOR TARGET [TGT]", &is_label));
    assert_true(o.default_source && o.default_prior && o.default_target && !o.default_after);
    assert_string_equal(o.default_target_code, "TGT");
    assert_null(casus_options_apply(&o, "DEFAULT: OFF", &is_label));
    assert_false(o.default_source);
    assert_null(casus_options_apply(&o, "SET: CODE BY SENTENCE", &is_label));
    assert_int_equal(o.code_by, CASUS_CODE_BY_SENTENCE);
    assert_null(casus_options_apply(&o, "COMMA: MIN = 4 MAX = 6", &is_label));
    assert_int_equal(o.comma_min, 4);
    assert_int_equal(o.comma_max, 6);
    assert_null(casus_options_apply(&o, "SET: MINIMUM WORDS = 3", &is_label));
    assert_int_equal(o.min_words, 3);
    assert_null(casus_options_apply(&o, "LABEL: 010=Statement", &is_label));
    assert_true(is_label);
    assert_non_null(casus_options_apply(&o, "FROBNICATE: 3", &is_label));
    assert_non_null(casus_options_apply(&o, "SET: YYYY = MAYBE", &is_label));
}

static void test_options_file_labels_and_errors(void **state)
{
    (void)state;
    casus_dict *d = load(CASUS_DICT_OPTIONS, "// comment\nLABEL: 042=Make a visit\nNOT AN OPTION\n");
    uint32_t id = casus_codes_find(&d->codes, "042", 3);
    assert_true(id);
    assert_string_equal(d->codes.label[id], "Make a visit");
    assert_true(diag_contains(d, "test.dict:3: no ':'"));
    casus_dict_free(d);
}

static void test_missing_file(void **state)
{
    (void)state;
    casus_dict *d = casus_dict_new();
    assert_int_equal(casus_dict_load(d, CASUS_DICT_ACTORS, "/nonexistent/casus.actors"), CASUS_EIO);
    assert_true(diag_contains(d, "/nonexistent/casus.actors: cannot open"));
    casus_dict_free(d);
}

static void test_binary_junk_does_not_crash(void **state)
{
    (void)state;
    char junk[4096];
    unsigned x = 12345;
    for (size_t i = 0; i < sizeof junk; i++) {
        x = x * 1103515245u + 12345u;
        junk[i] = (char)(x >> 16);
    }
    for (int kind = CASUS_DICT_ACTORS; kind <= CASUS_DICT_DISCARDS; kind++) {
        casus_dict *d = casus_dict_new();
        assert_non_null(d);
        casus_status st = casus_dict_load_buffer(d, (casus_dict_kind)kind, "junk", junk, sizeof junk);
        assert_int_equal(st, CASUS_OK);
        assert_int_equal(casus_dict_finish(d), CASUS_OK);
        casus_dict_free(d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_actor_synonyms_share_dated_codes),
        cmocka_unit_test(test_lone_restriction_defaults_to_null),
        cmocka_unit_test(test_coded_compound),
        cmocka_unit_test(test_nouns_adjectives_and_errors),
        cmocka_unit_test(test_agents_need_a_tilde),
        cmocka_unit_test(test_verbs_forms_patterns_codes),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_options_file_labels_and_errors),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_binary_junk_does_not_crash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
