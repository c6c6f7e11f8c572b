/* test_sentences.c — sentence splitting on news English we wrote. */
#include "testutil.h"
#include "text/sentences.h"

static size_t split(const char *text, casus_text_span **spans)
{
    size_t n = 0;
    assert_int_equal(casus_text_sentences(text, strlen(text), spans, &n), 0);
    return n;
}

static void expect(const char *text, const char *const *want, size_t nwant)
{
    casus_text_span *s = NULL;
    size_t n = split(text, &s);
    assert_int_equal(n, nwant);
    for (size_t i = 0; i < n; i++) {
        size_t len = s[i].end - s[i].start;
        assert_int_equal(len, strlen(want[i]));
        assert_memory_equal(text + s[i].start, want[i], len);
    }
    free(s);
}

static void test_two_sentences(void **state)
{
    (void)state;
    const char *want[] = {"Arnor recalled its envoy.", "Gondor protested on Monday."};
    expect("Arnor recalled its envoy. Gondor protested on Monday.", want, 2);
}

static void test_abbreviations_and_initials(void **state)
{
    (void)state;
    const char *want[] = {"Gen. Halbarad met James E. Ostrander and U.S. envoys in Minas Tirith.",
                          "They left."};
    expect("Gen. Halbarad met James E. Ostrander and U.S. envoys in Minas Tirith. They left.", want, 2);
}

static void test_quotes_and_blank_lines(void **state)
{
    (void)state;
    const char *want[] = {"\"We will not yield,\" the minister said.", "Talks resumed.", "Rohan agreed"};
    expect("  \"We will not yield,\" the minister said. Talks resumed.\n\nRohan agreed  ", want, 3);
}

static void test_lower_case_starts(void **state)
{
    (void)state;
    const char *want[] = {"i flew here last night.", "are you lying?", "no... i was in Calif. yesterday",
                          "e.g. this one is fine."};
    expect("i flew here last night. are you lying? no... i was in Calif. yesterday\n\ne.g. this one is fine.",
           want, 4);
}

static void test_empty(void **state)
{
    (void)state;
    casus_text_span *s = NULL;
    assert_int_equal(split("", &s), 0);
    assert_null(s);
    assert_int_equal(split(" \n\t ", &s), 0);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_sentences),
        cmocka_unit_test(test_abbreviations_and_initials),
        cmocka_unit_test(test_quotes_and_blank_lines),
        cmocka_unit_test(test_lower_case_starts),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
