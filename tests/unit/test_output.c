/* test_output.c — the writers: JSONL, CSV, Phoenix and TABARI lines, --require-dyad, --one-a-day,
 * and files that appear complete or not at all. */
#include <stdio.h>

#include "testutil.h"

#include "casus.h"

static const char text[] = "Valdoria accused Kestrel, \"loudly\".\nThen Ostmark met them.";

static casus_event event(const char *src, const char *tgt, const char *code, size_t s0, size_t s1, size_t t0,
                         size_t t1, size_t v0, size_t v1)
{
    casus_event e;
    memset(&e, 0, sizeof e);
    e.source = src;
    e.target = tgt;
    e.code = code;
    e.label = "Label, \"quoted\"";
    e.source_span = (casus_span){s0, s1};
    e.target_span = (casus_span){t0, t1};
    e.verb_span = (casus_span){v0, v1};
    e.date = 20240125;
    return e;
}

/* Writes two documents through a writer of the given format into a string (free it). */
static char *run(casus_output_format format, unsigned flags)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    casus_writer *w;
    assert_int_equal(casus_writer_new_stream(format, f, flags, &w), CASUS_OK);
    casus_record rec = {"doc,\"1\"", text, sizeof text - 1, 20240124, 1};
    casus_event a = event("VALGOVMIL", "KES", "112", 0, 8, 17, 24, 9, 16);
    casus_event b = event("OST", "", "040", 5, 12, 0, 0, 13, 16);
    casus_event c = event("ZZZ", "KES", "999", 0, 0, 0, 0, 0, 0);
    for (int doc = 0; doc < 2; doc++) {
        rec.id = doc ? "doc2" : "doc,\"1\"";
        assert_int_equal(casus_writer_begin(w, &rec, 20240124), CASUS_OK);
        assert_int_equal(casus_writer_sentence(w, 0, (casus_span){0, 35}), CASUS_OK);
        assert_int_equal(casus_writer_event(w, &a), CASUS_OK);
        assert_int_equal(casus_writer_sentence(w, 1, (casus_span){36, sizeof text - 1}), CASUS_OK);
        assert_int_equal(casus_writer_event(w, &b), CASUS_OK);
        if (!doc) assert_int_equal(casus_writer_event(w, &c), CASUS_OK);
        assert_int_equal(casus_writer_end(w), CASUS_OK);
    }
    assert_int_equal(casus_writer_close(w, 1, NULL, 0), CASUS_OK);
    fclose(f);
    return buf;
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++) n += *s == '\n';
    return n;
}

static void test_jsonl(void **state)
{
    (void)state;
    char *out = run(CASUS_OUT_JSONL, 0);
    assert_int_equal(count_lines(out), 5);
    const char *first =
        "{\"id\":\"doc,\\\"1\\\"\",\"sentence\":0,\"date\":\"2024-01-24\",\"source\":\"VALGOVMIL\",\"target\":\"KES\","
        "\"code\":\"112\",\"label\":\"Label, \\\"quoted\\\"\",\"source_text\":{\"text\":\"Valdoria\",\"start\":0,\"end\":8},"
        "\"target_text\":{\"text\":\"Kestrel\",\"start\":17,\"end\":24},\"verb_text\":{\"text\":\"accused\",\"start\":9,"
        "\"end\":16},\"event_date\":\"2024-01-25\",\"date_text\":null,\"place\":null,\"killed\":null,\"injured\":null,"
        "\"missing\":null,\"arrested\":null,\"goldstein\":-2.0,\"quad_class\":3,\"plover\":{\"type\":\"ACCUSE\","
        "\"mode\":\"disapprove\",\"context\":null}}\n";
    assert_memory_equal(out, first, strlen(first));
    /* offsets of the second sentence are offsets into the record */
    assert_non_null(strstr(out, "\"source_text\":{\"text\":\"Ostmark\",\"start\":41,\"end\":48},\"target_text\":null"));
    assert_non_null(strstr(out, "\"goldstein\":1.0,\"quad_class\":1,\"plover\":\"CONSULT\"}\n"));
    /* a code outside CAMEO has no derived fields */
    assert_non_null(strstr(out, "\"code\":\"999\""));
    assert_non_null(strstr(out, "\"goldstein\":null,\"quad_class\":null,\"plover\":null}\n"));
    assert_null(strstr(out, "mentions"));
    free(out);
}

static void test_require_dyad_and_one_a_day(void **state)
{
    (void)state;
    char *out = run(CASUS_OUT_JSONL, CASUS_OUT_REQUIRE_DYAD);
    assert_int_equal(count_lines(out), 3);
    assert_null(strstr(out, "\"code\":\"040\""));
    free(out);
    out = run(CASUS_OUT_JSONL, CASUS_OUT_ONE_A_DAY);
    assert_int_equal(count_lines(out), 3); /* 112 twice, 040 twice, 999 once */
    assert_non_null(strstr(out, "\"code\":\"112\""));
    assert_non_null(strstr(out, "\"mentions\":[{\"id\":\"doc,\\\"1\\\"\",\"sentence\":0},{\"id\":\"doc2\",\"sentence\":0}]}\n"));
    assert_non_null(strstr(out, "\"mentions\":[{\"id\":\"doc,\\\"1\\\"\",\"sentence\":1}]}\n"));
    free(out);
    out = run(CASUS_OUT_CSV, CASUS_OUT_ONE_A_DAY | CASUS_OUT_REQUIRE_DYAD);
    assert_int_equal(count_lines(out), 3);
    assert_non_null(strstr(out, ",2,\"doc,\"\"1\"\":0;doc2:0\",,,,,,,,,,,,,\r\n"));
    free(out);
}

static void test_csv(void **state)
{
    (void)state;
    char *out = run(CASUS_OUT_CSV, 0);
    assert_int_equal(count_lines(out), 6);
    assert_memory_equal(out, "id,sentence,date,source,target,code,label,source_text,", 53);
    const char *row = "\r\n\"doc,\"\"1\"\"\",0,2024-01-24,VALGOVMIL,KES,112,\"Label, \"\"quoted\"\"\",Valdoria,0,8,Kestrel,17,24,"
                      "accused,9,16,2024-01-25,-2.0,3,ACCUSE,disapprove,,1,\"doc,\"\"1\"\":0\",,,,,,,,,,,,,\r\n";
    assert_non_null(strstr(out, row));
    assert_non_null(strstr(out, "\r\ndoc2,1,2024-01-24,OST,,040,\"Label, \"\"quoted\"\"\",Ostmark,41,48,,,,met,49,52,"
                                "2024-01-25,1.0,1,CONSULT,,,1,doc2:1,,,,,,,,,,,,,\r\n"));
    free(out);
}

static void test_phoenix_and_tabari(void **state)
{
    (void)state;
    char *out = run(CASUS_OUT_PHOENIX, 0);
    assert_int_equal(count_lines(out), 6);
    for (char *line = out; *line;) { /* 26 columns on every line */
        char *nl = strchr(line, '\n');
        int tabs = 0;
        for (char *p = line; p < nl; p++) tabs += *p == '\t';
        assert_int_equal(tabs, 25);
        line = nl + 1;
    }
    assert_non_null(strstr(out, "\ndoc,\"1\"-0-0\t20240125\t2024\t01\t25\tVALGOVMIL\tVAL\tGOV\tMIL\tKES\tKES\t\t\t112\t11\t3\t-2.0\t"
                                "\t\t\t\t\t\tdoc,\"1\"-0\t\t\n"));
    assert_non_null(strstr(out, "\ndoc2-1-0\t20240125\t2024\t01\t25\tOST\tOST\t\t\t\t\t\t\t040\t04\t1\t1.0\t"));
    free(out);
    out = run(CASUS_OUT_TABARI, 0);
    assert_int_equal(count_lines(out), 5);
    assert_memory_equal(out, "240125\tVALGOVMIL\tKES\t112\tLabel, \"quoted\"\n", 40);
    free(out);
}

static void test_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/casus-out-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[512];
    snprintf(path, sizeof path, "%s/out.csv", dir);
    casus_writer *w;
    char err[256];
    assert_int_equal(casus_writer_open(CASUS_OUT_CSV, path, 0, &w, err, sizeof err), CASUS_OK);
    assert_int_equal(access(path, F_OK), -1); /* nothing until complete */
    assert_int_equal(casus_writer_close(w, 1, err, sizeof err), CASUS_OK);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[512];
    assert_non_null(fgets(line, sizeof line, f));
    assert_memory_equal(line, "id,sentence", 11);
    fclose(f);
    unlink(path);
    assert_int_equal(casus_writer_open(CASUS_OUT_JSONL, path, 0, &w, err, sizeof err), CASUS_OK);
    assert_int_equal(casus_writer_close(w, 0, err, sizeof err), CASUS_OK); /* a failed run: no file */
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(rmdir(dir), 0); /* and no temporary file left */
    assert_int_equal(casus_writer_open(CASUS_OUT_JSONL, "/nonexistent/dir/x.jsonl", 0, &w, err, sizeof err), CASUS_EIO);
    assert_null(w);
    assert_non_null(strstr(err, "/nonexistent/dir/x.jsonl"));
    assert_int_equal(casus_writer_new_stream(CASUS_OUT_SQLITE, stdout, 0, &w), CASUS_EINVAL);
    casus_output_format fmt;
    assert_int_equal(casus_output_format_parse("phoenix", &fmt), 0);
    assert_int_equal(fmt, CASUS_OUT_PHOENIX);
    assert_int_equal(casus_output_format_parse("xml", &fmt), -1);
    assert_int_equal(casus_writer_close(NULL, 1, NULL, 0), CASUS_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl),
        cmocka_unit_test(test_require_dyad_and_one_a_day),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_phoenix_and_tabari),
        cmocka_unit_test(test_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
