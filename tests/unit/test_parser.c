/* test_parser.c — the arc-eager transition system, arc labels and label sets, with no model. */
#include "testutil.h"

#include "syntax/beam.h"
#include "syntax/parser.h"
#include "syntax/features.h"

/* "Rebels attacked the city ." by hand: SHIFT, LEFT (1 <- 2), RIGHT (0 -> 2), SHIFT, LEFT (3 <- 4),
   RIGHT (2 -> 4), REDUCE, RIGHT (2 -> 5). */
static void test_transitions(void **state)
{
    (void)state;
    int mem[CASUS_PARSER_MEM(5)];
    casus_pstate s;
    unsigned char ok[CASUS_PARSER_MOVES];
    casus_parser_init(&s, 5, NULL, mem);
    casus_parser_allowed(&s, ok);
    assert_true(ok[CASUS_PARSER_SHIFT] && ok[CASUS_PARSER_RIGHT]);
    assert_false(ok[CASUS_PARSER_REDUCE] || ok[CASUS_PARSER_LEFT]); /* the root takes no head */
    const int moves[] = {CASUS_PARSER_SHIFT, CASUS_PARSER_LEFT,  CASUS_PARSER_RIGHT,  CASUS_PARSER_SHIFT,
                         CASUS_PARSER_LEFT,  CASUS_PARSER_RIGHT, CASUS_PARSER_REDUCE, CASUS_PARSER_RIGHT};
    const int labels[] = {-1, 3, 0, -1, 7, 40, -1, 9}; /* label of the arc each move makes */
    for (size_t i = 0; i < sizeof moves / sizeof *moves; i++) {
        casus_parser_allowed(&s, ok);
        assert_true(ok[moves[i]]);
        int h = -1, d = -1;
        if (moves[i] == CASUS_PARSER_LEFT || moves[i] == CASUS_PARSER_RIGHT) casus_parser_arc(&s, moves[i], &h, &d);
        casus_parser_apply(&s, moves[i]);
        if (d > 0) {
            assert_int_equal(s.head[d], h);
            casus_parser_set_label(&s, d, labels[i]);
        }
    }
    assert_true(casus_parser_terminal(&s));
    casus_parser_finish(&s);
    const int want[] = {0, 2, 0, 4, 2, 2};
    for (int i = 1; i <= 5; i++) assert_int_equal(s.head[i], want[i]);
    assert_int_equal(s.lab[1], 3);
    assert_int_equal(s.lab[4], 40);
    /* label sets of word 2: label 3 on the left, labels 40 and 9 on the right */
    assert_int_equal(s.ls[4 * 2], 1 << 3);
    assert_int_equal(s.ls[4 * 2 + 1], 0);
    assert_int_equal(s.ls[4 * 2 + 2], 1 << 9);
    assert_int_equal(s.ls[4 * 2 + 3], 1 << (40 - 32));
    assert_int_equal(s.nl[2], 1);
    assert_int_equal(s.nr[2], 2);
    assert_int_equal(s.l1[2], 1);
    assert_int_equal(s.r1[2], 5);
    assert_int_equal(s.r2[2], 4);
}

/* Words left on the stack get heads at the end: one becomes the root's dependent. */
static void test_finish(void **state)
{
    (void)state;
    int mem[CASUS_PARSER_MEM(3)];
    casus_pstate s;
    casus_parser_init(&s, 3, NULL, mem);
    for (int i = 0; i < 3; i++) casus_parser_apply(&s, CASUS_PARSER_SHIFT);
    assert_true(casus_parser_terminal(&s));
    casus_parser_finish(&s);
    assert_int_equal(s.head[1], 0);
    assert_int_equal(s.head[2], 1);
    assert_int_equal(s.head[3], 1);
}

/* Feature extraction stays within its bounds and is the same for the same state. */
static void test_features(void **state)
{
    (void)state;
    const char *forms[] = {"", "Rebels", ",", "armed", ",", "attacked", "."};
    casus_word w[7];
    int tags[7];
    memset(w, 0, sizeof w);
    for (int i = 1; i < 7; i++) {
        casus_features_word(&w[i], forms[i], strlen(forms[i]));
        tags[i] = casus_parser_tag(i, i, i % 2 ? -1 : 1);
    }
    tags[0] = casus_parser_tag(9, 9, -1);
    assert_true(w[2].flags & CASUS_WORD_PUNCT);
    assert_false(w[1].flags & CASUS_WORD_PUNCT);
    int mem[CASUS_PARSER_MEM(6)];
    casus_pstate s;
    casus_parser_init(&s, 6, w, mem);
    assert_int_equal(s.np[1], 2);
    assert_int_equal(s.np[3], 4);
    assert_int_equal(s.np[5], 6);
    assert_int_equal(s.np[7], 7);
    casus_parser_apply(&s, CASUS_PARSER_SHIFT);
    casus_parser_apply(&s, CASUS_PARSER_SHIFT);
    casus_parser_apply(&s, CASUS_PARSER_SHIFT);
    uint32_t f[CASUS_PARSER_MAXF], g[CASUS_PARSER_MAXF], fl[CASUS_PARSER_LABEL_MAXF];
    size_t n = casus_parser_features(&s, w, tags, f);
    assert_true(n > 0 && n <= CASUS_PARSER_MAXF);
    assert_int_equal(casus_parser_features(&s, w, tags, g), n);
    assert_memory_equal(f, g, n * sizeof *f);
    for (size_t i = 0; i < n; i++) assert_true(f[i] != 0);
    size_t nl = casus_parser_label_features(&s, w, tags, 4, 3, fl);
    assert_true(nl > 0 && nl <= CASUS_PARSER_LABEL_MAXF);
}

/* The two parts of the features are the whole, and a copied state is the same state. */
static void test_feature_parts_and_copy(void **state)
{
    (void)state;
    const char *forms[] = {"", "Rebels", "armed", ",", "attacked", "the", "city", "."};
    casus_word w[8];
    int tags[8];
    memset(w, 0, sizeof w);
    for (int i = 1; i < 8; i++) {
        casus_features_word(&w[i], forms[i], strlen(forms[i]));
        tags[i] = casus_parser_tag(i, i, -1);
    }
    tags[0] = casus_parser_tag(9, 9, -1);
    int mem[CASUS_PARSER_MEM(7)], mem2[CASUS_PARSER_MEM(7)];
    casus_pstate s, c;
    casus_parser_init(&s, 7, w, mem);
    const int moves[] = {CASUS_PARSER_SHIFT, CASUS_PARSER_RIGHT, CASUS_PARSER_RIGHT, CASUS_PARSER_SHIFT};
    for (size_t i = 0; i < sizeof moves / sizeof *moves; i++) {
        int h = -1, d = -1;
        if (moves[i] == CASUS_PARSER_RIGHT) casus_parser_arc(&s, moves[i], &h, &d);
        casus_parser_apply(&s, moves[i]);
        if (d > 0) casus_parser_set_label(&s, d, (int)i + 1);
    }
    uint32_t f[CASUS_PARSER_MAXF], g[CASUS_PARSER_MAXF];
    size_t n = casus_parser_features(&s, w, tags, f);
    size_t a = casus_parser_features_part(&s, w, tags, g, CASUS_PARSER_STATIC);
    size_t b = casus_parser_features_part(&s, w, tags, g + a, CASUS_PARSER_DYNAMIC);
    assert_int_equal(a + b, n);
    assert_memory_equal(f, g, n * sizeof *f);
    casus_parser_copy(&c, mem2, &s);
    casus_parser_apply(&s, CASUS_PARSER_REDUCE); /* the copy does not follow */
    assert_int_equal(c.sp, s.sp + 1);
    size_t m = casus_parser_features(&c, w, tags, g);
    assert_int_equal(m, n);
    assert_memory_equal(f, g, n * sizeof *f);
    assert_int_equal(c.head[3], 2);
    assert_int_equal(c.lab[3], 3);
}

/* The beam keeps the best candidates, best first, the earlier of equal ones first. */
static void test_beam_select(void **state)
{
    (void)state;
    casus_beam_cand c[6] = {{0, 0, 5, -1, 0}, {0, 1, 9, -1, 0}, {1, 0, 5, -1, 0}, {1, 2, -3, -1, 0}, {2, 3, 9, -1, 0}, {2, 0, 7, -1, 0}};
    assert_int_equal(casus_beam_select(c, 6, 4), 4);
    const int from[] = {0, 2, 2, 0}, move[] = {1, 3, 0, 0};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(c[i].from, from[i]);
        assert_int_equal(c[i].move, move[i]);
    }
    assert_int_equal(casus_beam_select(c, 2, 4), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_transitions),
        cmocka_unit_test(test_finish),
        cmocka_unit_test(test_features),
        cmocka_unit_test(test_feature_parts_and_copy),
        cmocka_unit_test(test_beam_select),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
