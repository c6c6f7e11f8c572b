/* test_dates.c — event dates: weekdays, month and day, relative phrases, resolved against the
   article date; spans of the phrase. */
#include "testutil.h"

#include "casus.h"

/* Resolves text dated `article`; returns the date and copies the phrase into phrase. */
static int date_of(const char *text, int article, char *phrase, size_t n)
{
    casus_enrichment e;
    assert_int_equal(casus_enrich_sentence(NULL, text, strlen(text), article, NULL, 0, &e), CASUS_OK);
    phrase[0] = '\0';
    if (e.has_date_span) {
        size_t len = e.date_span.end - e.date_span.start;
        assert_true(len < n);
        memcpy(phrase, text + e.date_span.start, len);
        phrase[len] = '\0';
    }
    return e.date;
}

#define DATE(text, article, want, want_phrase)                          \
    do {                                                                \
        char ph[64];                                                    \
        assert_int_equal(date_of(text, article, ph, sizeof ph), want);  \
        assert_string_equal(ph, want_phrase);                           \
    } while (0)

/* 2024-01-24 was a Wednesday. */
static void test_weekdays(void **state)
{
    (void)state;
    DATE("Rebels shelled the market town on Monday, officials said.", 20240124, 20240122, "Monday");
    DATE("The envoy arrived Wednesday for two days of talks.", 20240124, 20240124, "Wednesday");
    DATE("The minister will travel to the border next Monday.", 20240124, 20240129, "next Monday");
    DATE("Police raided the offices last Wednesday.", 20240124, 20240117, "last Wednesday");
    DATE("Troops withdrew early Thursday from the valley.", 20240124, 20240118, "Thursday");
}

static void test_month_day(void **state)
{
    (void)state;
    DATE("A blast hit the convoy on January 3 near the pass.", 20240124, 20240103, "January 3");
    DATE("The ceasefire began on 3 January after weeks of talks.", 20240124, 20240103, "3 January");
    DATE("Guards fired on protesters Jan. 3 in the capital.", 20240124, 20240103, "Jan. 3");
    /* a day after the article date is taken from the year before */
    DATE("The offensive that began on October 7 goes on.", 20240124, 20231007, "October 7");
    DATE("The treaty was signed on January 3, 2021 in the old palace.", 20240124, 20210103, "January 3, 2021");
    DATE("Voting ended on the 5th of March 2019.", 20240124, 20190305, "5th of March 2019");
}

static void test_relative(void **state)
{
    (void)state;
    DATE("Gunmen seized a ferry yesterday off the coast.", 20240124, 20240123, "yesterday");
    DATE("The council meets today to vote on the budget.", 20240124, 20240124, "today");
    DATE("The strike starts tomorrow at the docks.", 20240124, 20240125, "tomorrow");
    DATE("Two villages were flooded last week.", 20240124, 20240117, "last week");
    DATE("The talks collapsed last month in the capital.", 20240331, 20240229, "last month");
    DATE("The army said earlier this week that it had pulled back.", 20240124, 20240122, "earlier this week");
    DATE("The bridge was destroyed three days ago.", 20240124, 20240121, "three days ago");
    DATE("Fighting flared last night in the north.", 20240124, 20240123, "last night");
}

static void test_none_and_choice(void **state)
{
    (void)state;
    /* no phrase: the article date, no span */
    DATE("The two governments agreed to reopen the crossing.", 20240124, 20240124, "");
    /* numbers that are not dates */
    DATE("Some 300 houses were hit in May, a report said.", 20240124, 20240124, "");
    /* the time of saying gives way to the time of the event */
    DATE("Troops shelled the town yesterday, the army said on Friday.", 20240124, 20240123, "yesterday");
    /* no article date: relative phrases cannot be resolved, explicit ones can */
    DATE("Gunmen attacked the post yesterday.", 0, 0, "");
    DATE("Gunmen attacked the post on 4 July 2020.", 0, 20200704, "4 July 2020");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weekdays),
        cmocka_unit_test(test_month_day),
        cmocka_unit_test(test_relative),
        cmocka_unit_test(test_none_and_choice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
