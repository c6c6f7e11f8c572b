/* test_cameo.c — derived fields: Goldstein weights, QuadClass, PLOVER types, fallbacks, roots. */
#include <stdio.h>

#include "testutil.h"

#include "casus.h"

static void test_known_codes(void **state)
{
    (void)state;
    casus_cameo_info in;
    assert_int_equal(casus_cameo_lookup("040", &in), CASUS_OK);
    assert_string_equal(in.code, "040");
    assert_true(in.goldstein == 1.0);
    assert_int_equal(in.quad_class, 1);
    assert_string_equal(in.plover, "CONSULT");
    assert_null(in.plover_mode);
    assert_null(in.plover_context);

    assert_int_equal(casus_cameo_lookup("112", &in), CASUS_OK);
    assert_true(in.goldstein == -2.0);
    assert_int_equal(in.quad_class, 3);
    assert_string_equal(in.plover, "ACCUSE");
    assert_string_equal(in.plover_mode, "disapprove");

    assert_int_equal(casus_cameo_lookup("1823", &in), CASUS_OK);
    assert_true(in.goldstein == -10.0);
    assert_int_equal(in.quad_class, 4);
    assert_string_equal(in.plover, "ASSAULT");

    assert_int_equal(casus_cameo_lookup("0874", &in), CASUS_OK);
    assert_true(in.goldstein == 10.0);
    assert_int_equal(in.quad_class, 2);
    assert_string_equal(in.plover, "RETREAT");
    assert_string_equal(in.plover_context, "military");

    assert_int_equal(casus_cameo_lookup("094", &in), CASUS_OK);
    assert_string_equal(in.plover_context, "military;legal");

    /* statements have a weight and a class but no PLOVER type */
    assert_int_equal(casus_cameo_lookup("010", &in), CASUS_OK);
    assert_true(in.goldstein == 0.0);
    assert_int_equal(in.quad_class, 1);
    assert_null(in.plover);
}

static void test_fallbacks(void **state)
{
    (void)state;
    casus_cameo_info in;
    assert_int_equal(casus_cameo_lookup("0315", &in), CASUS_OK); /* not a code: its parent 031 */
    assert_string_equal(in.code, "031");
    assert_true(in.goldstein == 5.2);
    assert_int_equal(casus_cameo_lookup("047", &in), CASUS_OK); /* not a code: root 04 */
    assert_string_equal(in.code, "040");
    assert_int_equal(casus_cameo_lookup("19", &in), CASUS_OK); /* a root alone */
    assert_string_equal(in.code, "190");
    assert_int_equal(in.quad_class, 4);
    const char *bad[] = {"", "0", "00", "210", "21", "---", "###", "04a", "12345", "x12"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(casus_cameo_lookup(bad[i], &in), CASUS_EINVAL);
        assert_null(in.code);
    }
    assert_int_equal(casus_cameo_lookup(NULL, &in), CASUS_EINVAL);
}

static void test_quad_class_rule(void **state)
{
    (void)state;
    static const int expect[21] = {0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4};
    for (int root = 0; root <= 20; root++) {
        char code[4] = {(char)('0' + root / 10), (char)('0' + root % 10), '0', '\0'};
        assert_int_equal(casus_cameo_quad_class(code), expect[root]);
    }
    assert_int_equal(casus_cameo_root("1823"), 18);
    assert_int_equal(casus_cameo_root("010"), 1);
    assert_int_equal(casus_cameo_root("210"), 0);
    assert_int_equal(casus_cameo_root("---"), 0);
    assert_int_equal(casus_cameo_root(NULL), 0);
    assert_int_equal(casus_cameo_quad_class("2"), 0);
    assert_int_equal(casus_cameo_quad_class(NULL), 0);
}

/* Every code of the table: sorted, answers for itself, a weight on the scale, its class from the
 * root, and every root from 01 to 20 has its general code. */
static void test_whole_table(void **state)
{
    (void)state;
    size_t n = casus_cameo_table_size();
    assert_true(n >= 290);
    int roots[21] = {0};
    for (size_t i = 0; i < n; i++) {
        const char *code = casus_cameo_table_code(i);
        if (i) assert_true(strcmp(casus_cameo_table_code(i - 1), code) < 0);
        casus_cameo_info in;
        assert_int_equal(casus_cameo_lookup(code, &in), CASUS_OK);
        assert_string_equal(in.code, code);
        assert_true(in.goldstein >= -10.0 && in.goldstein <= 10.0);
        assert_int_equal(in.quad_class, casus_cameo_quad_class(code));
        if (strlen(code) == 3 && code[2] == '0') roots[(code[0] - '0') * 10 + code[1] - '0'] = 1;
        if (code[0] != '0' || code[1] != '1') assert_non_null(in.plover);
    }
    for (int r = 1; r <= 20; r++) assert_true(roots[r]);
    assert_null(casus_cameo_table_code(n));
}

static void test_actor_root(void **state)
{
    (void)state;
    char root[4];
    assert_int_equal(casus_actor_root("IRNGOV", root), 3);
    assert_string_equal(root, "IRN");
    assert_int_equal(casus_actor_root("US", root), 2);
    assert_string_equal(root, "US");
    assert_int_equal(casus_actor_root("", root), 0);
    assert_string_equal(root, "");
    assert_int_equal(casus_actor_root(NULL, root), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_codes),     cmocka_unit_test(test_fallbacks),
        cmocka_unit_test(test_quad_class_rule), cmocka_unit_test(test_whole_table),
        cmocka_unit_test(test_actor_root),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
