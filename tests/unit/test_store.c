/* test_store.c — the SQLite event store: documents replaced when coded again, a process that dies
 * mid-run leaves only complete documents, stats per period and dyad, files that are not stores. */
#include <stdio.h>
#include <sys/wait.h>

#include "testutil.h"

#include "casus.h"

static const char text[] = "Valdoria accused Kestrel. Ostmark met Valdoria.";

static void db_remove(const char *path)
{
    char side[600];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

/* A fresh path for a store in /tmp. */
static void db_path(char *path, size_t n, const char *name)
{
    snprintf(path, n, "/tmp/casus-store-%ld-%s", (long)getpid(), name);
    db_remove(path);
}

static casus_event event(const char *src, const char *tgt, const char *code, int date)
{
    casus_event e;
    memset(&e, 0, sizeof e);
    e.source = src;
    e.target = tgt;
    e.code = code;
    e.label = "";
    e.source_span = (casus_span){0, 8};
    e.target_span = (casus_span){17, 24};
    e.verb_span = (casus_span){9, 16};
    e.date = date;
    return e;
}

/* One document of two sentences: nevents events of code in the first, one 040 in the second. */
static void write_doc(casus_writer *w, const char *id, int date, const char *code, int nevents)
{
    casus_record rec = {id, text, sizeof text - 1, date, 1};
    assert_int_equal(casus_writer_begin(w, &rec, date), CASUS_OK);
    assert_int_equal(casus_writer_sentence(w, 0, (casus_span){0, 25}), CASUS_OK);
    casus_event e = event("VALGOV", "KES", code, date);
    for (int i = 0; i < nevents; i++) assert_int_equal(casus_writer_event(w, &e), CASUS_OK);
    assert_int_equal(casus_writer_sentence(w, 1, (casus_span){26, sizeof text - 1}), CASUS_OK);
    casus_event m = event("OST", "VAL", "040", date);
    m.source_span = (casus_span){0, 7};
    m.target_span = (casus_span){12, 20};
    m.verb_span = (casus_span){8, 11};
    assert_int_equal(casus_writer_event(w, &m), CASUS_OK);
    assert_int_equal(casus_writer_end(w), CASUS_OK);
}

typedef struct rows {
    char period[8][16];
    long long events[8], quad3[8];
    double goldstein[8];
    int n;
} rows;

static int collect(const casus_stats_row *row, void *ctx)
{
    rows *r = ctx;
    if (r->n == 8) return 1;
    snprintf(r->period[r->n], sizeof r->period[r->n], "%s", row->period);
    r->events[r->n] = row->events;
    r->goldstein[r->n] = row->goldstein;
    r->quad3[r->n] = row->quad[2];
    r->n++;
    return 0;
}

static void test_replace_on_recode(void **state)
{
    (void)state;
    char path[512], err[512];
    db_path(path, sizeof path, "replace.sqlite");
    casus_writer *w;
    assert_int_equal(casus_writer_open(CASUS_OUT_SQLITE, path, 0, &w, err, sizeof err), CASUS_OK);
    write_doc(w, "a", 20240124, "112", 3);
    write_doc(w, "b", 20240215, "112", 1);
    assert_int_equal(casus_writer_close(w, 1, err, sizeof err), CASUS_OK);
    long long docs, events;
    assert_int_equal(casus_store_check(path, &docs, &events, err, sizeof err), CASUS_OK);
    assert_int_equal(docs, 2);
    assert_int_equal(events, 6);
    /* "a" again, with one event of another code: its old events are gone */
    assert_int_equal(casus_writer_open(CASUS_OUT_SQLITE, path, 0, &w, err, sizeof err), CASUS_OK);
    write_doc(w, "a", 20240124, "1823", 1);
    assert_int_equal(casus_writer_close(w, 1, err, sizeof err), CASUS_OK);
    assert_int_equal(casus_store_check(path, &docs, &events, err, sizeof err), CASUS_OK);
    assert_int_equal(docs, 2);
    assert_int_equal(events, 4);
    rows r = {0};
    assert_int_equal(casus_store_stats(path, CASUS_PERIOD_MONTH, NULL, NULL, 0, collect, &r, err, sizeof err), CASUS_OK);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.period[0], "2024-01");
    assert_int_equal(r.events[0], 2);
    assert_true(r.goldstein[0] == -9.0); /* 1823 (-10) + 040 (+1) */
    assert_string_equal(r.period[1], "2024-02");
    assert_int_equal(r.quad3[1], 1);
    /* dyads match by prefix; a week is named by its Monday */
    memset(&r, 0, sizeof r);
    assert_int_equal(casus_store_stats(path, CASUS_PERIOD_WEEK, "VAL", "KES", 0, collect, &r, err, sizeof err), CASUS_OK);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.period[0], "2024-01-22");
    assert_string_equal(r.period[1], "2024-02-12");
    assert_int_equal(r.events[0] + r.events[1], 2);
    memset(&r, 0, sizeof r);
    assert_int_equal(casus_store_stats(path, CASUS_PERIOD_DAY, "OST", "", 0, collect, &r, err, sizeof err), CASUS_OK);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.period[0], "2024-01-24");
    db_remove(path);
}

static void test_one_a_day_counts(void **state)
{
    (void)state;
    char path[512], err[512];
    db_path(path, sizeof path, "daily.sqlite");
    casus_writer *w;
    assert_int_equal(casus_writer_open(CASUS_OUT_SQLITE, path, CASUS_OUT_ONE_A_DAY, &w, err, sizeof err), CASUS_OK);
    write_doc(w, "a", 20240124, "112", 2);
    write_doc(w, "b", 20240124, "112", 1);
    assert_int_equal(casus_writer_close(w, 1, err, sizeof err), CASUS_OK);
    rows r = {0};
    assert_int_equal(casus_store_stats(path, CASUS_PERIOD_DAY, NULL, NULL, 0, collect, &r, err, sizeof err), CASUS_OK);
    assert_int_equal(r.events[0], 5); /* every mention is stored */
    memset(&r, 0, sizeof r);
    assert_int_equal(casus_store_stats(path, CASUS_PERIOD_DAY, NULL, NULL, CASUS_OUT_ONE_A_DAY, collect, &r, err, sizeof err),
                     CASUS_OK);
    assert_int_equal(r.events[0], 2); /* VALGOV KES 112 and OST VAL 040 */
    db_remove(path);
}

/* A child writes 300 documents and dies in the middle of the 301st without closing anything. */
static void test_crash_mid_run(void **state)
{
    (void)state;
    char path[512], err[512];
    db_path(path, sizeof path, "crash.sqlite");
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        casus_writer *w;
        if (casus_writer_open(CASUS_OUT_SQLITE, path, 0, &w, err, sizeof err) != CASUS_OK) _exit(2);
        char id[32];
        for (int i = 0; i < 300; i++) {
            snprintf(id, sizeof id, "doc%d", i);
            write_doc(w, id, 20240101 + i % 28, "112", 1 + i % 3);
        }
        casus_record rec = {"doc300", text, sizeof text - 1, 20240101, 1};
        casus_event e = event("VAL", "KES", "112", 20240101);
        casus_writer_begin(w, &rec, 20240101);
        casus_writer_sentence(w, 0, (casus_span){0, 25});
        casus_writer_event(w, &e);
        _exit(3); /* no close, no commit, no cleanup */
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 3);
    long long docs, events;
    assert_int_equal(casus_store_check(path, &docs, &events, err, sizeof err), CASUS_OK);
    assert_true(docs >= 256 && docs <= 300); /* the committed batches only */
    assert_true(events > docs);
    /* the store takes more documents after the crash */
    casus_writer *w;
    assert_int_equal(casus_writer_open(CASUS_OUT_SQLITE, path, 0, &w, err, sizeof err), CASUS_OK);
    write_doc(w, "doc300", 20240101, "112", 1);
    assert_int_equal(casus_writer_close(w, 1, err, sizeof err), CASUS_OK);
    long long docs2;
    assert_int_equal(casus_store_check(path, &docs2, &events, err, sizeof err), CASUS_OK);
    assert_int_equal(docs2, docs + 1);
    db_remove(path);
}

/* A run that stops inside a document keeps the documents before it and none of that one. */
static void test_close_without_ok(void **state)
{
    (void)state;
    char path[512], err[512];
    db_path(path, sizeof path, "fail.sqlite");
    casus_writer *w;
    assert_int_equal(casus_writer_open(CASUS_OUT_SQLITE, path, 0, &w, err, sizeof err), CASUS_OK);
    write_doc(w, "a", 20240124, "112", 1);
    casus_record rec = {"b", text, sizeof text - 1, 20240124, 1};
    assert_int_equal(casus_writer_begin(w, &rec, 20240124), CASUS_OK);
    casus_event e = event("VAL", "KES", "112", 20240124);
    assert_int_equal(casus_writer_sentence(w, 0, (casus_span){0, 25}), CASUS_OK);
    assert_int_equal(casus_writer_event(w, &e), CASUS_OK);
    assert_int_equal(casus_writer_close(w, 0, err, sizeof err), CASUS_OK); /* "b" never ended */
    long long docs, events;
    assert_int_equal(casus_store_check(path, &docs, &events, err, sizeof err), CASUS_OK);
    assert_int_equal(docs, 1);
    assert_int_equal(events, 2);
    db_remove(path);
}

static void test_not_a_store(void **state)
{
    (void)state;
    char path[512], err[512];
    db_path(path, sizeof path, "junk.sqlite");
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    for (int i = 0; i < 200; i++) fputs("this is not a database at all. ", f);
    fclose(f);
    casus_writer *w;
    assert_int_equal(casus_writer_open(CASUS_OUT_SQLITE, path, 0, &w, err, sizeof err), CASUS_EFORMAT);
    assert_null(w);
    assert_non_null(strstr(err, path));
    assert_int_equal(casus_store_check(path, NULL, NULL, err, sizeof err), CASUS_EFORMAT);
    db_remove(path);
    assert_int_equal(casus_store_check("/nonexistent/x.sqlite", NULL, NULL, err, sizeof err), CASUS_EIO);
    rows r = {0};
    assert_int_equal(casus_store_stats("/nonexistent/x.sqlite", CASUS_PERIOD_DAY, NULL, NULL, 0, collect, &r, err, sizeof err),
                     CASUS_EIO);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_replace_on_recode), cmocka_unit_test(test_one_a_day_counts),
        cmocka_unit_test(test_crash_mid_run),     cmocka_unit_test(test_close_without_ok),
        cmocka_unit_test(test_not_a_store),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
