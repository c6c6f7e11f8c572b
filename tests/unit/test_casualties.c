/* test_casualties.c — killed, injured, missing and arrested counts: numbers, number words,
   qualifiers, vague quantities, far-apart verbs, and the things that are not casualties. */
#include "testutil.h"

#include "casus.h"

static casus_enrichment run(const char *text)
{
    casus_enrichment e;
    assert_int_equal(casus_enrich_sentence(NULL, text, strlen(text), 20240124, NULL, 0, &e), CASUS_OK);
    return e;
}

#define COUNT(e, kind, want_n, want_qual)                                   \
    do {                                                                    \
        assert_true((e).counts[kind].found);                                \
        if ((want_n) < 0) assert_false((e).counts[kind].has_n);             \
        else {                                                              \
            assert_true((e).counts[kind].has_n);                            \
            assert_int_equal((e).counts[kind].n, (want_n));                 \
        }                                                                   \
        assert_int_equal((e).counts[kind].qual, (want_qual));               \
    } while (0)

#define NONE(e, kind) assert_false((e).counts[kind].found)

static void test_numbers_and_words(void **state)
{
    (void)state;
    casus_enrichment e = run("The raid killed 12 fighters and wounded fourteen villagers.");
    COUNT(e, CASUS_KILLED, 12, CASUS_QUAL_EXACT);
    COUNT(e, CASUS_INJURED, 14, CASUS_QUAL_EXACT);
    e = run("Shelling has killed 12,350 civilians and injured 40,002 others since the spring.");
    COUNT(e, CASUS_KILLED, 12350, CASUS_QUAL_EXACT);
    COUNT(e, CASUS_INJURED, 40002, CASUS_QUAL_EXACT);
    e = run("A landslide killed twenty-three miners in the north.");
    COUNT(e, CASUS_KILLED, 23, CASUS_QUAL_EXACT);
    e = run("The storm killed three hundred people along the coast.");
    COUNT(e, CASUS_KILLED, 300, CASUS_QUAL_EXACT);
    e = run("A sniper killed a teacher outside the school.");
    COUNT(e, CASUS_KILLED, 1, CASUS_QUAL_EXACT);
    e = run("Gunmen shot dead an elderly farmer on his land.");
    COUNT(e, CASUS_KILLED, 1, CASUS_QUAL_EXACT);
    e = run("Raiders killed a young couple near the river.");
    COUNT(e, CASUS_KILLED, 2, CASUS_QUAL_EXACT);
    e = run("Guards arrested 8 protesters and detained their lawyer.");
    COUNT(e, CASUS_ARRESTED, 8, CASUS_QUAL_EXACT);
}

static void test_qualifiers(void **state)
{
    (void)state;
    casus_enrichment e = run("Air strikes killed at least 40 people in the valley.");
    COUNT(e, CASUS_KILLED, 40, CASUS_QUAL_AT_LEAST);
    e = run("The fire injured about 60 workers.");
    COUNT(e, CASUS_INJURED, 60, CASUS_QUAL_ABOUT);
    e = run("Some 200 pilgrims were hurt in the crush.");
    COUNT(e, CASUS_INJURED, 200, CASUS_QUAL_ABOUT);
    e = run("The quake killed nearly 70 residents and injured almost 300 others.");
    COUNT(e, CASUS_KILLED, 70, CASUS_QUAL_ALMOST);
    COUNT(e, CASUS_INJURED, 300, CASUS_QUAL_ALMOST);
    e = run("The bombing killed more than 20 shoppers and wounded over 90.");
    COUNT(e, CASUS_KILLED, 20, CASUS_QUAL_MORE_THAN);
    COUNT(e, CASUS_INJURED, 90, CASUS_QUAL_MORE_THAN);
    e = run("Officials fear the floods killed up to 500 people.");
    COUNT(e, CASUS_KILLED, 500, CASUS_QUAL_UP_TO);
    e = run("The clashes left dozens dead and scores injured.");
    COUNT(e, CASUS_KILLED, -1, CASUS_QUAL_DOZENS);
    COUNT(e, CASUS_INJURED, -1, CASUS_QUAL_DOZENS);
    e = run("Hundreds were arrested and thousands more are missing.");
    COUNT(e, CASUS_ARRESTED, -1, CASUS_QUAL_HUNDREDS);
    COUNT(e, CASUS_MISSING, -1, CASUS_QUAL_THOUSANDS);
    e = run("Police detained a dozen students at the gate.");
    COUNT(e, CASUS_ARRESTED, 12, CASUS_QUAL_ABOUT);
}

static void test_passive_and_far(void **state)
{
    (void)state;
    casus_enrichment e = run("Officials said 31 people were killed when the dam burst.");
    COUNT(e, CASUS_KILLED, 31, CASUS_QUAL_EXACT);
    e = run("At least nine soldiers, including two officers, have been killed in the ambush.");
    COUNT(e, CASUS_KILLED, 9, CASUS_QUAL_AT_LEAST);
    e = run("The explosion left 6 dead and 17 injured at the depot.");
    COUNT(e, CASUS_KILLED, 6, CASUS_QUAL_EXACT);
    COUNT(e, CASUS_INJURED, 17, CASUS_QUAL_EXACT);
    e = run("The gas leak killed, according to the mayor, 11 people.");
    COUNT(e, CASUS_KILLED, 11, CASUS_QUAL_EXACT);
    e = run("Eleven passengers died and 40 were wounded when the bus overturned.");
    COUNT(e, CASUS_KILLED, 11, CASUS_QUAL_EXACT);
    COUNT(e, CASUS_INJURED, 40, CASUS_QUAL_EXACT);
    e = run("The death toll from the mine collapse rose to 52 on Sunday.");
    COUNT(e, CASUS_KILLED, 52, CASUS_QUAL_EXACT);
    e = run("Rebels killed 5 guards and injured about 20 others, raising the toll in the region to 90.");
    COUNT(e, CASUS_KILLED, 5, CASUS_QUAL_EXACT);
    COUNT(e, CASUS_INJURED, 20, CASUS_QUAL_ABOUT);
    e = run("Four fishermen are missing after the storm.");
    COUNT(e, CASUS_MISSING, 4, CASUS_QUAL_EXACT);
}

static void test_not_casualties(void **state)
{
    (void)state;
    casus_enrichment e = run("Rebels claimed two explosions that killed no one.");
    NONE(e, CASUS_KILLED);
    e = run("The court jailed the 52-year-old for 3 years.");
    NONE(e, CASUS_KILLED);
    NONE(e, CASUS_ARRESTED);
    e = run("The ministry pledged $40 million to rebuild 300 homes destroyed in 2019.");
    for (int k = 0; k < CASUS_CASUALTY_KINDS; k++) NONE(e, k);
    e = run("Troops killed and wounded a number of militants in the hills.");
    NONE(e, CASUS_KILLED);
    NONE(e, CASUS_INJURED);
    e = run("The attack injured several others, a spokesman said on March 4.");
    NONE(e, CASUS_INJURED);
    e = run("Officials said the raid, which came 3 hours after talks, killed civilians.");
    NONE(e, CASUS_KILLED);
    e = run("The summit brought 25 leaders to the capital to discuss the killings.");
    NONE(e, CASUS_KILLED);
    e = run("");
    NONE(e, CASUS_KILLED);
}

static void test_spans_and_names(void **state)
{
    (void)state;
    const char *t = "The blast killed at least 84 people.";
    casus_enrichment e = run(t);
    assert_int_equal(e.counts[CASUS_KILLED].span.start, strstr(t, "at least") - t);
    assert_int_equal(e.counts[CASUS_KILLED].span.end, strstr(t, " people") - t);
    assert_string_equal(casus_qual_str(CASUS_QUAL_MORE_THAN), "more_than");
    assert_string_equal(casus_qual_str(CASUS_QUAL_THOUSANDS), "thousands");
    assert_string_equal(casus_casualty_kind_str(CASUS_MISSING), "missing");
    assert_int_equal(casus_enrich_sentence(NULL, NULL, 0, 0, NULL, 0, &e), CASUS_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers_and_words),
        cmocka_unit_test(test_qualifiers),
        cmocka_unit_test(test_passive_and_far),
        cmocka_unit_test(test_not_casualties),
        cmocka_unit_test(test_spans_and_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
