/* test_reader.c — input readers: JSONL articles, TABARI records, plain text, project files. */
#include <stdio.h>

#include "testutil.h"

#include "casus.h"

static casus_reader *reader(casus_input_format f, const char *text)
{
    casus_reader *r = casus_reader_new(f, "in", text, strlen(text));
    assert_non_null(r);
    return r;
}

static void test_jsonl(void **state)
{
    (void)state;
    casus_reader *r = reader(CASUS_IN_JSONL,
                             "{\"id\":\"a1\",\"date\":\"2024-01-24\",\"text\":\"Valdoria met Kestrel.\"}\n"
                             "\n"
                             "{\"id\":\"a2\",\"date\":\"24-01-2024\",\"text\":\"x\"}\n"
                             "not json\n"
                             "{\"id\":7,\"text\":\"Caf\\u00e9 talks.\"}\n"
                             "[1,2]\n");
    casus_record rec;
    char err[256];
    assert_int_equal(casus_reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "a1");
    assert_int_equal(rec.date, 20240124);
    assert_int_equal(rec.len, strlen("Valdoria met Kestrel."));
    assert_int_equal(casus_reader_next(r, &rec, err, sizeof err), -1);
    assert_string_equal(err, "in:3: \"date\" must be \"YYYY-MM-DD\"");
    assert_int_equal(casus_reader_next(r, &rec, err, sizeof err), -1);
    assert_non_null(strstr(err, "in:4: invalid JSON"));
    assert_int_equal(casus_reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "7");
    assert_int_equal(rec.date, 0);
    assert_string_equal(rec.text, "Caf\xc3\xa9 talks.");
    assert_int_equal(casus_reader_next(r, &rec, err, sizeof err), -1);
    assert_non_null(strstr(err, "in:6:"));
    assert_int_equal(casus_reader_next(r, &rec, err, sizeof err), 0);
    casus_reader_free(r);
}

static void test_tabari_records(void **state)
{
    (void)state;
    casus_reader *r = reader(CASUS_IN_TABARI,
                             "# a comment line\n"
                             "950103  DEMO-04\n"
                             "Valdoria met\n"
                             "Kestrel.\n"
                             "\n"
                             "991301  BAD-DATE\n"
                             "text\n"
                             "\n"
                             "20150607 LONG\n"
                             "text\n");
    casus_record rec;
    char err[256];
    assert_int_equal(casus_reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "DEMO-04");
    assert_int_equal(rec.date, 19950103);
    assert_string_equal(rec.text, "Valdoria met Kestrel. ");
    assert_int_equal(rec.line, 2);
    assert_int_equal(casus_reader_next(r, &rec, err, sizeof err), -1);
    assert_string_equal(err, "in:6: record does not start with a valid date (YYMMDD, or YYYYMMDD with SET: YYYY)");
    casus_reader_set_four_digit_years(r, 1);
    assert_int_equal(casus_reader_next(r, &rec, err, sizeof err), 1);
    assert_int_equal(rec.date, 20150607);
    assert_int_equal(casus_reader_next(r, &rec, err, sizeof err), 0);
    casus_reader_free(r);
}

static void test_text_and_binary(void **state)
{
    (void)state;
    casus_reader *r = reader(CASUS_IN_TEXT, "\xEF\xBB\xBFOne sentence. Two.");
    casus_record rec;
    char err[256];
    assert_int_equal(casus_reader_next(r, &rec, err, sizeof err), 1);
    assert_memory_equal(rec.text, "One sentence.", 13);
    assert_int_equal(casus_reader_next(r, &rec, err, sizeof err), 0);
    casus_reader_free(r);
    const char bin[] = {'a', 0, 'b'};
    r = casus_reader_new(CASUS_IN_TEXT, "bin", bin, sizeof bin);
    assert_int_equal(casus_reader_next(r, &rec, err, sizeof err), -1);
    assert_string_equal(err, "bin:1: binary data (NUL bytes): not a text file");
    casus_reader_free(r);
}

static void test_sentence_split_api(void **state)
{
    (void)state;
    casus_span *s;
    size_t n;
    const char *t = "Ostmark protested. Lirania said nothing.";
    assert_int_equal(casus_split_sentences(t, strlen(t), &s, &n), CASUS_OK);
    assert_int_equal(n, 2);
    assert_int_equal(s[1].start, 19);
    free(s);
}

static void test_project_file(void **state)
{
    (void)state;
    char path[] = "/tmp/casus-test-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *text = "A project\n<actorsfile> one.actors\n<verbsfile>\t/abs/two.verbs\n<textfile> t.txt\n<eventfile> x\n";
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    casus_project *p;
    char err[256];
    assert_int_equal(casus_project_read(path, &p, err, sizeof err), CASUS_OK);
    assert_int_equal(casus_project_count(p, CASUS_PROJECT_ACTORS), 1);
    assert_string_equal(casus_project_path(p, CASUS_PROJECT_ACTORS, 0), "/tmp/one.actors");
    assert_string_equal(casus_project_path(p, CASUS_PROJECT_VERBS, 0), "/abs/two.verbs");
    assert_int_equal(casus_project_count(p, CASUS_PROJECT_TEXT), 1);
    casus_project_free(p);
    unlink(path);
    assert_int_equal(casus_project_read("/nonexistent/x.project", &p, err, sizeof err), CASUS_EIO);
    assert_null(p);
    assert_non_null(strstr(err, "/nonexistent/x.project: cannot open"));
}

static size_t dateline(const char *t) { return casus_dateline_length(t, strlen(t)); }

static void test_datelines(void **state)
{
    (void)state;
    assert_int_equal(dateline("OSTBURG, Valdoria - Troops crossed the river."), 20);
    assert_int_equal(dateline("AFP - Kestrel recalled its envoy."), 6);
    assert_int_equal(dateline("OSTBURG (Reuters) - Talks resumed."), 20);
    assert_int_equal(dateline("Canadian Press - NEW HAVEN (CP) - Police arrested two men."), 34);
    assert_int_equal(dateline("LIRANIA CITY, AUGUST 17: Ministers met."), 25);
    assert_int_equal(dateline("OSTBURG -- Voters went to the polls."), 11);
    assert_int_equal(dateline("Ostburg - Valdoria's threat to close the border was condemned."), 10);
    assert_int_equal(dateline("Punta Gorda -- Voters went to the polls."), 15);
    assert_int_equal(dateline("Valdoria - Ostburg's old ally - protested."), 0);
    assert_int_equal(dateline("Kestrel: Valdoria protested."), 0);
    /* an ordinary sentence is left alone, dash or not */
    assert_int_equal(dateline("Valdoria - a small state - protested."), 0);
    assert_int_equal(dateline("Kestrel said: we will not yield."), 0);
    assert_int_equal(dateline("The UN - and its agencies - appealed for aid."), 0);
    assert_int_equal(dateline(""), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl),
        cmocka_unit_test(test_tabari_records),
        cmocka_unit_test(test_text_and_binary),
        cmocka_unit_test(test_sentence_split_api),
        cmocka_unit_test(test_project_file),
        cmocka_unit_test(test_datelines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
