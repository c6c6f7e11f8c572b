/* test_places.c — the place of the event: contexts ("in X", "the Iranian city of X",
   datelines), countries, regions, demonyms, and names shared by several places. */
#include "testutil.h"

#include "casus.h"

static casus_gazetteer *gaz;

static int setup(void **state)
{
    (void)state;
    return casus_gazetteer_open(&gaz) == CASUS_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    casus_gazetteer_free(gaz);
    return 0;
}

static casus_place place(const casus_gazetteer *g, const char *text, const char *const *hints, size_t n)
{
    casus_enrichment e;
    assert_int_equal(casus_enrich_sentence(g, text, strlen(text), 20240124, hints, n, &e), CASUS_OK);
    return e.place;
}

#define PLACE(text, want_name, want_country)                       \
    do {                                                           \
        casus_place p_ = place(gaz, text, NULL, 0);                \
        assert_true(p_.found);                                     \
        assert_string_equal(p_.name, want_name);                   \
        assert_string_equal(p_.country, want_country);             \
    } while (0)

static void test_cities(void **state)
{
    (void)state;
    assert_true(casus_gazetteer_size(gaz) > 10000);
    PLACE("The two ministers met in Moscow to discuss grain exports.", "Moscow", "RUS");
    PLACE("A bomb went off in the Iranian city of Kerman during a procession.", "Kerman", "IRN");
    PLACE("NAIROBI: The envoys arrived for a second round of talks.", "Nairobi", "KEN");
    PLACE("Shops closed across Mosul, Iraq, as the curfew began.", "Mosul", "IRQ");
    casus_place p = place(gaz, "A fire broke out in Moscow on Friday.", NULL, 0);
    assert_true(p.lat > 55 && p.lat < 56.5 && p.lon > 37 && p.lon < 38.5);
}

static void test_shared_names(void **state)
{
    (void)state;
    /* the Russian city, not the Floridian one: by the country named with it */
    PLACE("Guards searched the St. Petersburg metro after the Russian police sealed it.", "Saint Petersburg", "RUS");
    PLACE("Storms flooded the streets of St. Petersburg, Florida.", "St. Petersburg", "USA");
    /* the caller's hints break the tie */
    const char *usa[] = {"USA"};
    casus_place p = place(gaz, "Students marched in Paris on Monday.", usa, 1);
    assert_string_equal(p.country, "USA");
    p = place(gaz, "Students marched in Paris on Monday.", NULL, 0);
    assert_string_equal(p.country, "FRA");
}

static void test_regions_countries(void **state)
{
    (void)state;
    PLACE("Aid trucks queued at the crossing into the Gaza Strip.", "Gaza Strip", "PSE");
    PLACE("Clinics ran out of fuel in besieged Gaza on Tuesday.", "Gaza Strip", "PSE");
    PLACE("Militias burned villages in Darfur last week.", "Darfur", "SDN");
    PLACE("Chile's highest court stripped the general of his immunity.", "Chile", "CHL");
    PLACE("A Peruvian judge ordered the retrial.", "Peru", "PER");
    /* "in X" beats a country named in passing */
    PLACE("Japanese envoys held talks in Seoul on fishing rights.", "Seoul", "KOR");
    /* works without the city table for countries */
    casus_place p = place(NULL, "Troops crossed into Lebanon at dawn.", NULL, 0);
    assert_true(p.found);
    assert_string_equal(p.country, "LBN");
}

static void test_no_place(void **state)
{
    (void)state;
    casus_place p = place(gaz, "The committee will vote on the proposal next month.", NULL, 0);
    assert_false(p.found);
    /* a person who shares a small town's name */
    p = place(gaz, "Marion Jones won the long jump.", NULL, 0);
    assert_false(p.found);
    /* "us" the pronoun is not the United States */
    p = place(gaz, "They told us the road was closed.", NULL, 0);
    assert_false(p.found);
}

/* The place of one event: a statement happens where its speaker is, a meeting or an attack where
   the sentence says; without a place, the dateline, then the actors' country. */
static casus_place event_place(const char *text, const char *source, const char *target, const char *code,
                               const char *verb)
{
    casus_enrichment e;
    assert_int_equal(casus_enrich_sentence(gaz, text, strlen(text), 20240124, NULL, 0, &e), CASUS_OK);
    const char *v = strstr(text, verb);
    assert_non_null(v);
    casus_span span = {(size_t)(v - text), (size_t)(v - text) + strlen(verb)};
    casus_place p;
    casus_event_place(&e, NULL, source, target, code, span, &p);
    return p;
}

static void test_event_place(void **state)
{
    (void)state;
    casus_place p = event_place("Poland condemned the bombing of a market in Iraq.", "POLGOV", "IRQ", "111", "condemned");
    assert_true(p.found);
    assert_string_equal(p.country, "POL");
    p = event_place("Speaking in Basra, the Polish minister condemned the bombing.", "POLGOV", "", "111", "condemned");
    assert_string_equal(p.name, "Basra");
    p = event_place("Ostmark's envoy met Iraqi officials in Basra on Monday.", "POLGOV", "IRQGOV", "040", "met");
    assert_string_equal(p.name, "Basra");
    p = event_place("Gunmen shelled a market in Basra.", "", "IRQCVL", "190", "shelled");
    assert_string_equal(p.name, "Basra");
    /* a nationality says who, not where */
    p = event_place("Kenyan police arrested a US journalist.", "KENCOP", "USAMED", "173", "arrested");
    assert_string_equal(p.country, "KEN");
    /* no place named: the source's country, else the target's */
    p = event_place("The army shelled the rebels on Monday.", "SYRMIL", "SYRREB", "190", "shelled");
    assert_string_equal(p.country, "SYR");
    p = event_place("A bomb tore through the market on Monday.", "", "LBNCVL", "183", "tore");
    assert_string_equal(p.country, "LBN");
    p = event_place("A bomb tore through the market on Monday.", "", "", "183", "tore");
    assert_false(p.found);
}

static void test_seat_of_government(void **state)
{
    (void)state;
    casus_place p = place(gaz, "So far, the Tel Aviv regime has shelled the camp twice.", NULL, 0);
    assert_false(p.found);
    p = place(gaz, "The Kabul authorities said the camp in Herat was shelled.", NULL, 0);
    assert_true(p.found);
    assert_string_equal(p.name, "Herat");
}

static void test_dateline_place(void **state)
{
    (void)state;
    const char *t = "MOSUL, Iraq - Gunmen shelled a market on Monday.";
    casus_place d;
    assert_int_equal(casus_dateline_place(gaz, t, strlen(t), &d), CASUS_OK);
    assert_true(d.found);
    assert_string_equal(d.name, "Mosul");
    casus_enrichment e;
    const char *s = "Gunmen killed four Iraqi soldiers on Monday.";
    assert_int_equal(casus_enrich_sentence(gaz, s, strlen(s), 20240124, NULL, 0, &e), CASUS_OK);
    casus_span verb = {7, 13};
    casus_place p;
    casus_event_place(&e, &d, "", "IRQMIL", "190", verb, &p);
    assert_string_equal(p.name, "Mosul"); /* the dateline's city, finer than "Iraqi" */
    t = "Gunmen shelled a market on Monday.";
    assert_int_equal(casus_dateline_place(gaz, t, strlen(t), &d), CASUS_OK);
    assert_false(d.found);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cities),
        cmocka_unit_test(test_shared_names),
        cmocka_unit_test(test_regions_countries),
        cmocka_unit_test(test_no_place),
        cmocka_unit_test(test_event_place),
        cmocka_unit_test(test_dateline_place),
        cmocka_unit_test(test_seat_of_government),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
