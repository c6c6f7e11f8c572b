/* test_coder.c — coding semantics on sentences and dictionaries written for these tests
 * (the invented states of Valdoria, Kestrel, Ostmark and Lirania). */
#include <stdio.h>

#include "testutil.h"

#include "casus.h"

static const char actors[] =
    "VALDORIA_ [VAL]\n"
    "+VALDORIAN_\n"
    "KESTREL_ [KES]\n"
    "+KESTRELIAN_\n"
    "OSTMARK_ [OST]\n"
    "LIRANIA_ [LIR]\n"
    "MARKO_BELAN_\n"
    "    [VALGOV 000101-101231]\n"
    "    [VALELI]\n"
    "BRAVO_FRONT_ [+++]\n"
    "FOOTBALL [###]\n"
    "NORTHERN_ALLIANCE_ [KES/LIR]\n"
    "<NOUN>\nTALKS_\nOFFER_\n</NOUN>\n"
    "<ADJECTIVE>\nSENIOR_\n</ADJECTIVE>\n";

static const char agents[] =
    "MINISTER_ [~GOV]\n"
    "POLICE_ [~COP]\n"
    "RIGHTS_GROUP_ [NGO~]\n"
    "OFFICIALS_ [~GOV]\n";

static const char verbs[] =
    "<SYNSETS>\n&MONEY\n+DOLLARS\n+EUROS\n&DENIAL\n+WILL_NOT\n+DID_NOT\n</SYNSETS>\n"
    "<TIME>\nYESTERDAY_ [-1]\n</TIME>\n"
    "ACCUSE_ [112]\n"
    "MEET_ [040:040]\n"
    "{MET_}\n"
    "CONDEMN_ [111]\n"
    "SAY_ [010?]\n"
    "{SAID_}\n"
    "REJECT_ [120]\n"
    "- NOT_ * [---]\n"
    "WARN_ [130]\n"
    "- * { SANCTIONS | EMBARGO } [172]\n"
    "PROMISE_ [030]\n"
    "- * &MONEY [070]\n"
    "BEAT_ [190]\n"
    "THREATEN_ [130]\n"
    "- &DENIAL * [---]\n";

typedef struct world {
    casus_dict *dict;
    casus_coder *coder;
} world;

static int setup(void **state)
{
    world *w = calloc(1, sizeof *w);
    w->dict = casus_dict_new();
    assert_int_equal(casus_dict_load_buffer(w->dict, CASUS_DICT_ACTORS, "t.actors", actors, strlen(actors)), CASUS_OK);
    assert_int_equal(casus_dict_load_buffer(w->dict, CASUS_DICT_AGENTS, "t.agents", agents, strlen(agents)), CASUS_OK);
    assert_int_equal(casus_dict_load_buffer(w->dict, CASUS_DICT_VERBS, "t.verbs", verbs, strlen(verbs)), CASUS_OK);
    for (size_t i = 0; i < casus_dict_diag_count(w->dict); i++) fprintf(stderr, "%s\n", casus_dict_diag(w->dict, i));
    assert_int_equal(casus_dict_diag_count(w->dict), 0);
    assert_int_equal(casus_dict_finish(w->dict), CASUS_OK);
    w->coder = casus_coder_new(w->dict);
    assert_non_null(w->coder);
    assert_int_equal(casus_coder_set_option(w->coder, "SET: MINIMUM WORDS = 4"), CASUS_OK);
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    world *w = *state;
    casus_coder_free(w->coder);
    casus_dict_free(w->dict);
    free(w);
    return 0;
}

/* Codes one sentence; returns "SRC TGT CODE" events joined by "; ". */
static const char *code_on(world *w, const char *sentence, int date)
{
    static char out[1024];
    casus_coder_reset(w->coder);
    assert_int_equal(casus_coder_code(w->coder, sentence, strlen(sentence), date), CASUS_OK);
    out[0] = '\0';
    for (size_t i = 0; i < casus_coder_event_count(w->coder); i++) {
        const casus_event *e = casus_coder_event(w->coder, i);
        size_t n = strlen(out);
        snprintf(out + n, sizeof out - n, "%s%s %s %s", i ? "; " : "", e->source, e->target, e->code);
    }
    return out;
}

static const char *code(world *w, const char *sentence) { return code_on(w, sentence, 20240124); }

static void test_simple_event(void **state)
{
    world *w = *state;
    assert_string_equal(code(w, "Valdoria accused Kestrel of spying on its navy."), "VAL KES 112");
}

static void test_regular_ending_on_actor(void **state)
{
    world *w = *state;
    assert_string_equal(code(w, "Valdorians condemned Kestrel on Monday."), "VAL KES 111");
}

static void test_parsed_compounds(void **state)
{
    world *w = *state;
    assert_string_equal(code(w, "Valdoria and Ostmark accused Kestrel and Lirania of piracy."),
                        "VAL KES 112; VAL LIR 112; OST KES 112; OST LIR 112");
}

static void test_coded_compound(void **state)
{
    world *w = *state;
    assert_string_equal(code(w, "The Northern Alliance condemned Valdoria on Monday."), "KES VAL 111; LIR VAL 111");
}

static void test_agents(void **state)
{
    world *w = *state;
    assert_string_equal(code(w, "The Valdorian minister condemned Kestrel police on Monday."), "VALGOV KESCOP 111");
    assert_string_equal(code(w, "The minister of Ostmark condemned Lirania on Monday."), "OSTGOV LIR 111");
    assert_string_equal(code(w, "A Kestrelian rights group condemned Ostmark on Monday."), "NGOKES OST 111");
    assert_string_equal(code(w, "The former Valdorian minister condemned Kestrel on Monday."), "VALELI KES 111");
}

static void test_date_restricted_roles(void **state)
{
    world *w = *state;
    assert_string_equal(code_on(w, "Marko Belan accused Kestrel of piracy.", 20050301), "VALGOV KES 112");
    assert_string_equal(code_on(w, "Marko Belan accused Kestrel of piracy.", 20150301), "VALELI KES 112");
}

static void test_pronoun_in_second_clause(void **state)
{
    world *w = *state;
    assert_string_equal(code(w, "The Valdorian minister arrived on Monday and he condemned Kestrel."), "VAL KES 111");
}

static void test_pronoun_forwarded_from_previous_sentence(void **state)
{
    world *w = *state;
    const char *first = "Valdoria condemned Kestrel on Monday.";
    const char *second = "It also accused Ostmark of piracy.";
    casus_coder_reset(w->coder);
    assert_int_equal(casus_coder_code(w->coder, first, strlen(first), 20240124), CASUS_OK);
    assert_int_equal(casus_coder_code(w->coder, second, strlen(second), 20240124), CASUS_OK);
    assert_int_equal(casus_coder_event_count(w->coder), 1);
    const casus_event *e = casus_coder_event(w->coder, 0);
    assert_string_equal(e->source, "VAL");
    assert_string_equal(e->target, "OST");
    /* the source is named by the pronoun in this sentence */
    assert_int_equal(e->source_span.start, 0);
    assert_int_equal(e->source_span.end, 2);
    /* a new article forgets the earlier actors */
    assert_string_equal(code(w, second), "");
}

static void test_comma_clause_is_not_coded(void **state)
{
    world *w = *state;
    assert_string_equal(code(w, "Valdoria, angered by a border dispute with Ostmark, accused Kestrel of piracy."),
                        "VAL KES 112");
}

static void test_passive_voice(void **state)
{
    world *w = *state;
    assert_string_equal(code(w, "Kestrel was accused by Valdoria of piracy on Monday."), "VAL KES 112");
}

static void test_paired_event(void **state)
{
    world *w = *state;
    assert_string_equal(code(w, "Valdoria met Kestrel in the capital on Monday."), "VAL KES 040; KES VAL 040");
}

static void test_subordinate_code(void **state)
{
    world *w = *state;
    /* the subordinate SAID event gives way; the source is the clause's first actor, as in TABARI */
    assert_string_equal(code(w, "Valdoria said Kestrel would condemn Ostmark soon."), "VAL OST 111");
    assert_string_equal(code(w, "Valdoria said Kestrel is ready for talks."), "VAL KES 010");
}

static void test_negation_null_pattern(void **state)
{
    world *w = *state;
    assert_string_equal(code(w, "Valdoria did not reject Kestrel's offer on Monday."), "");
    assert_string_equal(code(w, "Valdoria firmly rejected Kestrel's offer on Monday."), "VAL KES 120");
}

static void test_alternatives_and_synsets(void **state)
{
    world *w = *state;
    assert_string_equal(code(w, "Valdoria warned Kestrel of an embargo."), "VAL KES 172");
    assert_string_equal(code(w, "Valdoria warned Kestrel of war."), "VAL KES 130");
    assert_string_equal(code(w, "Valdoria promised Kestrel two million euros."), "VAL KES 070");
    /* before the verb, a member of several words matches only with all of them */
    assert_string_equal(code(w, "Valdoria will not threaten Kestrel again."), "");
    assert_string_equal(code(w, "Valdoria will threaten Kestrel again."), "VAL KES 130");
    assert_string_equal(code(w, "Valdoria did threaten Kestrel again."), "VAL KES 130");
}

static void test_discard_and_complex(void **state)
{
    world *w = *state;
    assert_string_equal(code(w, "Valdoria beat Kestrel at football on Sunday."), "");
    assert_true(casus_coder_text_flags(w->coder) & CASUS_TEXT_DISCARD);
    assert_string_equal(code(w, "The Bravo Front accused Kestrel of piracy."), "");
    assert_true(casus_coder_text_flags(w->coder) & CASUS_TEXT_COMPLEX);
    assert_int_equal(casus_coder_set_option(w->coder, "COMPLEX: VERBS[2]"), CASUS_OK);
    assert_string_equal(code(w, "Valdoria accused Kestrel of piracy and condemned Ostmark."), "");
    assert_true(casus_coder_text_flags(w->coder) & CASUS_TEXT_COMPLEX);
    assert_int_equal(casus_coder_set_option(w->coder, "COMPLEX: VERBS[0]"), CASUS_OK);
}

static void test_code_by_clause_and_sentence(void **state)
{
    world *w = *state;
    const char *s = "Valdoria accused Kestrel of piracy and Ostmark condemned Lirania.";
    assert_string_equal(code(w, s), "VAL KES 112; OST LIR 111");
    assert_int_equal(casus_coder_set_option(w->coder, "SET: CODE BY SENTENCE"), CASUS_OK);
    assert_string_equal(code(w, s), "VAL KES 112");
    assert_int_equal(casus_coder_set_option(w->coder, "SET: CODE BY CLAUSE"), CASUS_OK);
}

static void test_default_actors(void **state)
{
    world *w = *state;
    const char *s = "Officials accused Kestrel of piracy on Monday.";
    /* without a default, the search takes the first actor even after the verb as the source */
    assert_string_equal(code(w, s), "");
    assert_int_equal(casus_coder_set_option(w->coder, "DEFAULT: SOURCE [SRC] TARGET [TGT]"), CASUS_OK);
    assert_string_equal(code(w, s), "KES TGT 112");
    assert_int_equal(casus_coder_set_option(w->coder, "DEFAULT: SOURCE [SRC] PRIOR TARGET [TGT]"), CASUS_OK);
    assert_string_equal(code(w, s), "SRC KES 112");
    assert_int_equal(casus_coder_set_option(w->coder, "DEFAULT: OFF"), CASUS_OK);
}

static void test_lone_agents(void **state)
{
    world *w = *state;
    const char *s = "Police arrested two officials near Ostmark on Monday.";
    /* TABARI: an agent alone is no actor */
    assert_string_equal(code(w, s), "");
    assert_int_equal(casus_coder_set_option(w->coder, "SET: CONVERT AGENTS = TRUE"), CASUS_OK);
    assert_string_equal(code(w, "Police condemned officials on Monday in the capital."), "~COP ~GOV 111");
    /* casus: it takes the country of the nearest actor */
    assert_int_equal(casus_coder_set_option(w->coder, "SET: CONVERT AGENTS = NEAREST"), CASUS_OK);
    assert_string_equal(code(w, "Police in the capital condemned officials of Ostmark on Monday."), "OSTCOP OSTGOV 111");
    assert_int_equal(casus_coder_set_option(w->coder, "SET: CONVERT AGENTS = FALSE"), CASUS_OK);
}

static void test_time_shift_and_spans(void **state)
{
    world *w = *state;
    const char *s = "Yesterday Valdoria accused Kestrel of piracy.";
    assert_string_equal(code(w, s), "VAL KES 112");
    const casus_event *e = casus_coder_event(w->coder, 0);
    assert_int_equal(e->date, 20240123);
    assert_memory_equal(s + e->source_span.start, "Valdoria", 8);
    assert_int_equal(e->source_span.end - e->source_span.start, 8);
    assert_memory_equal(s + e->target_span.start, "Kestrel", 7);
    assert_memory_equal(s + e->verb_span.start, "accused", 7);
}

static void test_too_short_and_bad_text(void **state)
{
    world *w = *state;
    assert_string_equal(code(w, "Valdoria accused."), "");
    assert_true(casus_coder_text_flags(w->coder) & CASUS_TEXT_SKIPPED);
    const char bad[] = "Valdoria \xff\xfe accused \xc3 Kestrel of \x01 piracy \xe2\x80";
    assert_string_equal(code(w, bad), "VAL KES 112");
    assert_string_equal(code(w, ""), "");
    assert_int_equal(casus_coder_code(w->coder, "x", 1, 20241399), CASUS_EINVAL);
}

static void test_long_text_is_truncated_not_crashed(void **state)
{
    world *w = *state;
    size_t n = 200000;
    char *big = malloc(n + 1);
    for (size_t i = 0; i < n; i++) big[i] = "Valdoria accused Kestrel and Ostmark, "[i % 38];
    big[n] = '\0';
    casus_coder_reset(w->coder);
    assert_int_equal(casus_coder_code(w->coder, big, n, 20240124), CASUS_OK);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simple_event),
        cmocka_unit_test(test_regular_ending_on_actor),
        cmocka_unit_test(test_parsed_compounds),
        cmocka_unit_test(test_coded_compound),
        cmocka_unit_test(test_agents),
        cmocka_unit_test(test_date_restricted_roles),
        cmocka_unit_test(test_pronoun_in_second_clause),
        cmocka_unit_test(test_pronoun_forwarded_from_previous_sentence),
        cmocka_unit_test(test_comma_clause_is_not_coded),
        cmocka_unit_test(test_passive_voice),
        cmocka_unit_test(test_paired_event),
        cmocka_unit_test(test_subordinate_code),
        cmocka_unit_test(test_negation_null_pattern),
        cmocka_unit_test(test_alternatives_and_synsets),
        cmocka_unit_test(test_discard_and_complex),
        cmocka_unit_test(test_code_by_clause_and_sentence),
        cmocka_unit_test(test_default_actors),
        cmocka_unit_test(test_lone_agents),
        cmocka_unit_test(test_time_shift_and_spans),
        cmocka_unit_test(test_too_short_and_bad_text),
        cmocka_unit_test(test_long_text_is_truncated_not_crashed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
