/* test_tokens.c — tokenizing news English we wrote, with byte offsets into the original text. */
#include "testutil.h"
#include "text/tokens.h"

#include <stdio.h>

/* Tokens of text joined by '|', e.g. "Iran|'s|envoy". */
static char *joined(const char *text)
{
    casus_text_token *t = NULL;
    size_t n = 0;
    assert_int_equal(casus_text_tokens(text, strlen(text), &t, &n), 0);
    size_t cap = strlen(text) * 2 + 2, len = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        assert_true(t[i].start < t[i].end);
        assert_true(t[i].end <= strlen(text));
        if (i) {
            assert_true(t[i].start >= t[i - 1].end); /* in order, no overlap */
            buf[len++] = '|';
        }
        memcpy(buf + len, text + t[i].start, t[i].end - t[i].start);
        len += t[i].end - t[i].start;
        buf[len] = '\0';
    }
    free(t);
    return buf;
}

static void expect(const char *text, const char *want)
{
    char *got = joined(text);
    if (strcmp(got, want) != 0) fprintf(stderr, "tokens of [%s]\n  got  [%s]\n  want [%s]\n", text, got, want);
    assert_string_equal(got, want);
    free(got);
}

static void test_possessives(void **state)
{
    (void)state;
    expect("Iran's envoy", "Iran|'s|envoy");
    expect("Iran\xE2\x80\x99s envoy", "Iran|\xE2\x80\x99s|envoy");
    expect("the rebels' camp", "the|rebels|'|camp");
    expect("They don't and won't.", "They|do|n't|and|wo|n't|.");
    expect("we're sure they'll come", "we|'re|sure|they|'ll|come");
    expect("O'Brien said", "O'Brien|said");
}

static void test_numbers(void **state)
{
    (void)state;
    expect("25,490 troops", "25,490|troops");
    expect("$50 million", "$|50|million");
    expect("rose 3.5% to 1,200.75.", "rose|3.5|%|to|1,200.75|.");
    expect("at 10:30 on 12/25", "at|10:30|on|12/25");
}

static void test_abbreviations_and_initials(void **state)
{
    (void)state;
    expect("U.S. officials", "U.S.|officials");
    expect("Gen. Halbarad spoke.", "Gen.|Halbarad|spoke|.");
    expect("James E. McGreevey resigned", "James|E.|McGreevey|resigned");
    expect("talks in the U.N. ended", "talks|in|the|U.N.|ended");
    expect("He left...", "He|left|...");
}

static void test_hyphens_quotes_dashes(void **state)
{
    (void)state;
    expect("Al-Zaman reported", "Al|-|Zaman|reported");
    expect("a 25-year-old man", "a|25|-|year|-|old|man");
    expect("\"We will not yield,\" he said.", "\"|We|will|not|yield|,|\"|he|said|.");
    expect("\xE2\x80\x9CNo,\xE2\x80\x9D she said", "\xE2\x80\x9C|No|,|\xE2\x80\x9D|she|said");
    expect("the army -- and police -- fled", "the|army|--|and|police|--|fled");
    expect("the army\xE2\x80\x94" "and police", "the|army|\xE2\x80\x94" "|and|police");
    expect("(Reuters) and/or [sic]", "(|Reuters|)|and|/|or|[|sic|]");
    expect("see http://example.com/a-b, now", "see|http://example.com/a-b|,|now");
}

static void test_offsets(void **state)
{
    (void)state;
    const char *text = "  Iran\xE2\x80\x99s  envoy.";
    casus_text_token *t = NULL;
    size_t n = 0;
    assert_int_equal(casus_text_tokens(text, strlen(text), &t, &n), 0);
    assert_int_equal(n, 4);
    assert_int_equal(t[0].start, 2);
    assert_int_equal(t[0].end, 6);
    assert_int_equal(t[1].start, 6);
    assert_int_equal(t[1].end, 10);
    assert_int_equal(t[2].start, 12);
    assert_int_equal(t[2].end, 17);
    assert_int_equal(t[3].start, 17);
    assert_int_equal(t[3].end, 18);
    free(t);
}

static void test_empty_and_odd(void **state)
{
    (void)state;
    casus_text_token *t = NULL;
    size_t n = 7;
    assert_int_equal(casus_text_tokens("", 0, &t, &n), 0);
    assert_int_equal(n, 0);
    assert_null(t);
    assert_int_equal(casus_text_tokens(" \n\t", 3, &t, &n), 0);
    assert_int_equal(n, 0);
    free(t);
    expect("...", "...");
    expect("'", "'");
    expect("\xE2\x80", "\xE2\x80"); /* a cut UTF-8 sequence is kept, never read past */
    expect("--", "--");
    expect("'s", "'s");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_possessives),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_abbreviations_and_initials),
        cmocka_unit_test(test_hyphens_quotes_dashes),
        cmocka_unit_test(test_offsets),
        cmocka_unit_test(test_empty_and_odd),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
