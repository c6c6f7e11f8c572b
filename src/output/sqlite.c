/* sqlite.c — the event store: documents, their sentences, their events and the actors seen, in one
 * SQLite database (schema: docs/schema.md).
 *
 * Consistency: a document's rows are written between casus_writer_begin and casus_writer_end,
 * inside a transaction that commits every STORE_BATCH documents and at close, never in the middle
 * of a document (each document is a savepoint within it, undone when the run stops inside it).
 * The database runs in WAL mode, so a process killed at any moment leaves the
 * last committed state: every document present is complete.  Coding a document id again deletes
 * its sentences and events in the same transaction that writes the new ones. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "output/writer.h"

enum { STORE_BATCH = 256, STORE_VERSION = 2 };

static const char store_schema[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS documents("
    " id TEXT PRIMARY KEY, date TEXT NOT NULL, text TEXT NOT NULL,"
    " sentences INTEGER NOT NULL, events INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS sentences("
    " doc_id TEXT NOT NULL, idx INTEGER NOT NULL, start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL,"
    " PRIMARY KEY (doc_id, idx)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS events("
    " id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, sentence INTEGER NOT NULL, idx INTEGER NOT NULL,"
    " date TEXT NOT NULL, event_date TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,"
    " code TEXT NOT NULL, root_code TEXT NOT NULL, label TEXT NOT NULL,"
    " goldstein REAL, quad_class INTEGER, plover TEXT, plover_mode TEXT, plover_context TEXT,"
    " source_text TEXT, source_start INTEGER, source_end INTEGER,"
    " target_text TEXT, target_start INTEGER, target_end INTEGER,"
    " verb_text TEXT, verb_start INTEGER, verb_end INTEGER, flags INTEGER NOT NULL,"
    " date_text TEXT, place_name TEXT, place_country TEXT, lat REAL, lon REAL,"
    " killed INTEGER, killed_qual TEXT, injured INTEGER, injured_qual TEXT,"
    " missing INTEGER, missing_qual TEXT, arrested INTEGER, arrested_qual TEXT);"
    "CREATE INDEX IF NOT EXISTS events_dyad ON events(source, target, event_date);"
    "CREATE INDEX IF NOT EXISTS events_date ON events(event_date);"
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id, sentence);"
    "CREATE TABLE IF NOT EXISTS actors(code TEXT PRIMARY KEY, root TEXT NOT NULL) WITHOUT ROWID;"
    "CREATE VIEW IF NOT EXISTS events_one_a_day AS"
    " SELECT min(id) AS id, event_date, source, target, code, count(*) AS mentions,"
    " group_concat(doc_id || ':' || sentence, ';') AS mention_ids"
    " FROM events GROUP BY event_date, source, target, code;";

enum { Q_DEL_EVENTS, Q_DEL_SENTENCES, Q_DOC, Q_SENTENCE, Q_EVENT, Q_ACTOR, Q_COUNT };

static const char *const store_sql[Q_COUNT] = {
    "DELETE FROM events WHERE doc_id = ?1",
    "DELETE FROM sentences WHERE doc_id = ?1",
    "INSERT OR REPLACE INTO documents(id, date, text, sentences, events) VALUES (?1, ?2, ?3, ?4, ?5)",
    "INSERT OR REPLACE INTO sentences(doc_id, idx, start_byte, end_byte) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO events(doc_id, sentence, idx, date, event_date, source, target, code, root_code, label,"
    " goldstein, quad_class, plover, plover_mode, plover_context, source_text, source_start, source_end,"
    " target_text, target_start, target_end, verb_text, verb_start, verb_end, flags,"
    " date_text, place_name, place_country, lat, lon, killed, killed_qual, injured, injured_qual,"
    " missing, missing_qual, arrested, arrested_qual)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"
    " ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38)",
    "INSERT OR IGNORE INTO actors(code, root) VALUES (?1, ?2)",
};

typedef struct store {
    sqlite3 *db;
    sqlite3_stmt *q[Q_COUNT];
    int in_tx;
    size_t docs_in_tx;
    size_t sentences, events; /* of the current document */
} store;

static casus_status store_fail(casus_writer *w, sqlite3 *db, const char *what)
{
    return casus_out_fail(w, CASUS_EIO, "%s: %s: %s", w->final ? w->final : "store", what,
                          db ? sqlite3_errmsg(db) : "cannot open");
}

static int store_exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* Opens path (creating it when create is set) and checks that it is a casus store. */
static casus_status store_open_db(const char *path, int create, sqlite3 **out, char *err, size_t errlen)
{
    sqlite3 *db = NULL;
    int flags = create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READWRITE;
    *out = NULL;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s: cannot open: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return db ? CASUS_EIO : CASUS_ENOMEM;
    }
    sqlite3_busy_timeout(db, 5000);
    if (store_exec(db, "PRAGMA journal_mode = WAL") != SQLITE_OK ||
        store_exec(db, "PRAGMA synchronous = NORMAL") != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return CASUS_EFORMAT; /* "file is not a database" lands here */
    }
    sqlite3_stmt *st = NULL;
    int version = -1;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'casus_store'", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) version = sqlite3_column_int(st, 0);
    } else {
        /* no meta table: a new database, or not ours */
        sqlite3_stmt *any = NULL;
        int tables = 0;
        if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &any, NULL) == SQLITE_OK &&
            sqlite3_step(any) == SQLITE_ROW)
            tables = sqlite3_column_int(any, 0);
        sqlite3_finalize(any);
        if (tables) version = -2;
    }
    sqlite3_finalize(st);
    if (version == -2 || (version >= 0 && version != STORE_VERSION)) {
        snprintf(err, errlen, "%s: not a casus event store of version %d", path, STORE_VERSION);
        sqlite3_close(db);
        return CASUS_EFORMAT;
    }
    if (version < 0 && create) {
        char sql[128];
        snprintf(sql, sizeof sql, "INSERT OR REPLACE INTO meta VALUES ('casus_store', '%d')", STORE_VERSION);
        if (store_exec(db, "BEGIN") != SQLITE_OK || store_exec(db, store_schema) != SQLITE_OK ||
            store_exec(db, sql) != SQLITE_OK || store_exec(db, "COMMIT") != SQLITE_OK) {
            snprintf(err, errlen, "%s: cannot create the schema: %s", path, sqlite3_errmsg(db));
            sqlite3_close(db);
            return CASUS_EIO;
        }
    } else if (version < 0) {
        snprintf(err, errlen, "%s: not a casus event store", path);
        sqlite3_close(db);
        return CASUS_EFORMAT;
    }
    *out = db;
    return CASUS_OK;
}

static casus_status store_start(casus_writer *w)
{
    store *s = calloc(1, sizeof *s);
    if (!s) return CASUS_ENOMEM;
    w->state = s;
    casus_status st = store_open_db(w->final, 1, &s->db, w->err, sizeof w->err);
    if (st != CASUS_OK) return st;
    for (int i = 0; i < Q_COUNT; i++)
        if (sqlite3_prepare_v3(s->db, store_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->q[i], NULL) != SQLITE_OK)
            return store_fail(w, s->db, "cannot prepare");
    return CASUS_OK;
}

static int store_text(sqlite3_stmt *q, int col, const char *s, size_t n)
{
    return sqlite3_bind_text(q, col, s, (int)n, SQLITE_STATIC);
}

static int store_run(sqlite3_stmt *q)
{
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static casus_status store_begin(casus_writer *w, const casus_record *rec, int date)
{
    store *s = w->state;
    (void)date;
    if (!s->in_tx) {
        if (store_exec(s->db, "BEGIN IMMEDIATE") != SQLITE_OK) return store_fail(w, s->db, "cannot begin");
        s->in_tx = 1;
    }
    if (store_exec(s->db, "SAVEPOINT doc") != SQLITE_OK) return store_fail(w, s->db, "cannot begin a document");
    s->sentences = s->events = 0;
    for (int i = Q_DEL_EVENTS; i <= Q_DEL_SENTENCES; i++) {
        store_text(s->q[i], 1, rec->id, strlen(rec->id));
        if (store_run(s->q[i]) != SQLITE_OK) return store_fail(w, s->db, "cannot replace a document");
    }
    return CASUS_OK;
}

static casus_status store_sentence(casus_writer *w, size_t index, casus_span span)
{
    store *s = w->state;
    sqlite3_stmt *q = s->q[Q_SENTENCE];
    store_text(q, 1, w->rec->id, strlen(w->rec->id));
    sqlite3_bind_int64(q, 2, (sqlite3_int64)index);
    sqlite3_bind_int64(q, 3, (sqlite3_int64)span.start);
    sqlite3_bind_int64(q, 4, (sqlite3_int64)span.end);
    if (store_run(q) != SQLITE_OK) return store_fail(w, s->db, "cannot write a sentence");
    s->sentences++;
    return CASUS_OK;
}

static void store_bind_text(sqlite3_stmt *q, int col, const casus_out_text *t)
{
    if (!t->text) return; /* NULLs: bindings were cleared */
    store_text(q, col, t->text, t->len);
    sqlite3_bind_int64(q, col + 1, (sqlite3_int64)t->start);
    sqlite3_bind_int64(q, col + 2, (sqlite3_int64)t->end);
}

static void store_bind_opt(sqlite3_stmt *q, int col, const char *s)
{
    if (s) store_text(q, col, s, strlen(s));
}

static casus_status store_actor(casus_writer *w, const char *code)
{
    store *s = w->state;
    if (!code[0]) return CASUS_OK;
    char root[4];
    size_t n = casus_actor_root(code, root);
    store_text(s->q[Q_ACTOR], 1, code, strlen(code));
    store_text(s->q[Q_ACTOR], 2, root, n);
    return store_run(s->q[Q_ACTOR]) == SQLITE_OK ? CASUS_OK : store_fail(w, s->db, "cannot write an actor");
}

static casus_status store_event(casus_writer *w, const casus_out_event *ev)
{
    store *s = w->state;
    sqlite3_stmt *q = s->q[Q_EVENT];
    char date[11], event_date[11];
    casus_out_iso_date(ev->date, date);
    casus_out_iso_date(ev->event_date, event_date);
    store_text(q, 1, ev->id, strlen(ev->id));
    sqlite3_bind_int64(q, 2, (sqlite3_int64)ev->sentence);
    sqlite3_bind_int64(q, 3, (sqlite3_int64)ev->index);
    store_text(q, 4, date, 10);
    store_text(q, 5, event_date, 10);
    store_text(q, 6, ev->source, strlen(ev->source));
    store_text(q, 7, ev->target, strlen(ev->target));
    store_text(q, 8, ev->code, strlen(ev->code));
    store_text(q, 9, ev->code, strlen(ev->code) < 2 ? strlen(ev->code) : 2);
    store_text(q, 10, ev->label, strlen(ev->label));
    if (ev->has_info) {
        sqlite3_bind_double(q, 11, ev->info.goldstein);
        sqlite3_bind_int(q, 12, ev->info.quad_class);
        store_bind_opt(q, 13, ev->info.plover);
        store_bind_opt(q, 14, ev->info.plover_mode);
        store_bind_opt(q, 15, ev->info.plover_context);
    }
    store_bind_text(q, 16, &ev->source_text);
    store_bind_text(q, 19, &ev->target_text);
    store_bind_text(q, 22, &ev->verb_text);
    sqlite3_bind_int(q, 25, (int)ev->flags);
    if (ev->date_text.text) store_text(q, 26, ev->date_text.text, ev->date_text.len);
    const casus_place *pl = ev->has_enrichment && ev->en.place.found ? &ev->en.place : NULL;
    if (pl) {
        store_text(q, 27, pl->name, strlen(pl->name));
        store_text(q, 28, pl->country, strlen(pl->country));
        sqlite3_bind_double(q, 29, pl->lat);
        sqlite3_bind_double(q, 30, pl->lon);
    }
    for (int k = 0; k < CASUS_CASUALTY_KINDS; k++) {
        const casus_count *c = ev->has_enrichment && ev->en.counts[k].found ? &ev->en.counts[k] : NULL;
        if (!c) continue;
        if (c->has_n) sqlite3_bind_int64(q, 31 + 2 * k, (sqlite3_int64)c->n);
        const char *qual = casus_qual_str(c->qual);
        store_text(q, 32 + 2 * k, qual, strlen(qual));
    }
    if (store_run(q) != SQLITE_OK) return store_fail(w, s->db, "cannot write an event");
    s->events++;
    casus_status st = store_actor(w, ev->source);
    return st == CASUS_OK ? store_actor(w, ev->target) : st;
}

static casus_status store_commit(casus_writer *w)
{
    store *s = w->state;
    if (!s->in_tx) return CASUS_OK;
    s->in_tx = 0;
    s->docs_in_tx = 0;
    if (store_exec(s->db, "COMMIT") != SQLITE_OK) {
        casus_status st = store_fail(w, s->db, "cannot commit");
        store_exec(s->db, "ROLLBACK");
        return st;
    }
    return CASUS_OK;
}

static casus_status store_end(casus_writer *w)
{
    store *s = w->state;
    const casus_record *rec = w->rec;
    sqlite3_stmt *q = s->q[Q_DOC];
    char date[11];
    casus_out_iso_date(w->date, date);
    store_text(q, 1, rec->id, strlen(rec->id));
    store_text(q, 2, date, 10);
    store_text(q, 3, rec->text, rec->len);
    sqlite3_bind_int64(q, 4, (sqlite3_int64)s->sentences);
    sqlite3_bind_int64(q, 5, (sqlite3_int64)s->events);
    if (store_run(q) != SQLITE_OK) return store_fail(w, s->db, "cannot write a document");
    if (store_exec(s->db, "RELEASE doc") != SQLITE_OK) return store_fail(w, s->db, "cannot end a document");
    if (++s->docs_in_tx >= STORE_BATCH) return store_commit(w);
    return CASUS_OK;
}

static casus_status store_finish(casus_writer *w, int ok)
{
    store *s = w->state;
    casus_status st = CASUS_OK;
    if (!s) return CASUS_OK;
    (void)ok; /* complete documents are kept whether or not the run went well */
    if (s->in_tx) {
        /* a document left open is undone; those before it are complete and are kept */
        if (w->rec && store_exec(s->db, "ROLLBACK TO doc") != SQLITE_OK) {
            store_exec(s->db, "ROLLBACK");
            s->in_tx = 0;
            st = store_fail(w, s->db, "cannot undo an incomplete document");
        }
        if (s->in_tx) st = store_commit(w);
    }
    for (int i = 0; i < Q_COUNT; i++) sqlite3_finalize(s->q[i]);
    if (s->db && sqlite3_close(s->db) != SQLITE_OK && st == CASUS_OK) st = store_fail(w, s->db, "cannot close");
    free(s);
    w->state = NULL;
    return st;
}

const casus_out_ops casus_out_sqlite = {
    .start = store_start,
    .begin = store_begin,
    .sentence = store_sentence,
    .event = store_event,
    .end = store_end,
    .finish = store_finish,
};

/* ---- queries ---- */

casus_status casus_store_stats(const char *path, casus_period by, const char *source, const char *target,
                               unsigned flags, casus_stats_fn fn, void *ctx, char *err, size_t errlen)
{
    char dummy[8];
    if (!err || !errlen) err = dummy, errlen = sizeof dummy;
    err[0] = '\0';
    if (!path || !fn) return CASUS_EINVAL;
    const char *period = by == CASUS_PERIOD_DAY    ? "event_date"
                         : by == CASUS_PERIOD_WEEK ? "date(event_date, 'weekday 0', '-6 days')"
                                                   : "substr(event_date, 1, 7)";
    const char *from = (flags & CASUS_OUT_ONE_A_DAY) ? "events WHERE id IN (SELECT id FROM events_one_a_day) AND"
                                                     : "events WHERE";
    char sql[1024];
    snprintf(sql, sizeof sql,
             "SELECT %s AS period, count(*), total(goldstein), sum(quad_class = 1), sum(quad_class = 2),"
             " sum(quad_class = 3), sum(quad_class = 4) FROM %s"
             " (?1 = '' OR substr(source, 1, length(?1)) = ?1) AND (?2 = '' OR substr(target, 1, length(?2)) = ?2)"
             " GROUP BY period ORDER BY period",
             period, from);
    sqlite3 *db;
    casus_status st = store_open_db(path, 0, &db, err, errlen);
    if (st != CASUS_OK) return st;
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return CASUS_EFORMAT;
    }
    sqlite3_bind_text(q, 1, source ? source : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, target ? target : "", -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        casus_stats_row row;
        row.period = (const char *)sqlite3_column_text(q, 0);
        if (!row.period) row.period = "";
        row.events = sqlite3_column_int64(q, 1);
        row.goldstein = sqlite3_column_double(q, 2);
        for (int k = 0; k < 4; k++) row.quad[k] = sqlite3_column_int64(q, 3 + k);
        if (fn(&row, ctx)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    if (rc != SQLITE_DONE) {
        snprintf(err, errlen, "%s: %s", path, sqlite3_errmsg(db));
        st = CASUS_EIO;
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    return st;
}

static long long store_count(sqlite3 *db, const char *sql, int *failed)
{
    sqlite3_stmt *q = NULL;
    long long n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
        n = sqlite3_column_int64(q, 0);
    else
        *failed = 1;
    sqlite3_finalize(q);
    return n;
}

casus_status casus_store_check(const char *path, long long *documents, long long *events, char *err, size_t errlen)
{
    char dummy[8];
    if (!err || !errlen) err = dummy, errlen = sizeof dummy;
    err[0] = '\0';
    if (documents) *documents = 0;
    if (events) *events = 0;
    if (!path) return CASUS_EINVAL;
    sqlite3 *db;
    casus_status st = store_open_db(path, 0, &db, err, errlen);
    if (st != CASUS_OK) return st;
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, NULL) != SQLITE_OK || sqlite3_step(q) != SQLITE_ROW) {
        snprintf(err, errlen, "%s: integrity check failed: %s", path, sqlite3_errmsg(db));
        st = CASUS_EFORMAT;
    } else if (strcmp((const char *)sqlite3_column_text(q, 0), "ok")) {
        snprintf(err, errlen, "%s: %s", path, (const char *)sqlite3_column_text(q, 0));
        st = CASUS_EFORMAT;
    }
    sqlite3_finalize(q);
    int failed = 0;
    if (st == CASUS_OK) {
        long long bad_docs = store_count(db,
                                         "SELECT count(*) FROM documents d WHERE"
                                         " d.events <> (SELECT count(*) FROM events e WHERE e.doc_id = d.id) OR"
                                         " d.sentences <> (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id)",
                                         &failed);
        long long orphans = store_count(db,
                                        "SELECT (SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT id FROM documents))"
                                        " + (SELECT count(*) FROM sentences WHERE doc_id NOT IN (SELECT id FROM documents))",
                                        &failed);
        if (documents) *documents = store_count(db, "SELECT count(*) FROM documents", &failed);
        if (events) *events = store_count(db, "SELECT count(*) FROM events", &failed);
        if (failed) {
            snprintf(err, errlen, "%s: %s", path, sqlite3_errmsg(db));
            st = CASUS_EFORMAT;
        } else if (bad_docs || orphans) {
            snprintf(err, errlen, "%s: %lld incomplete documents, %lld rows without a document", path, bad_docs, orphans);
            st = CASUS_EFORMAT;
        }
    }
    sqlite3_close(db);
    return st;
}
