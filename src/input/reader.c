/* reader.c — reads documents from plain text, JSONL articles and TABARI text records. */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus.h"
#include "core/grow.h"

struct casus_reader {
    casus_input_format format;
    char *name;
    char *data;
    size_t len, pos, line;
    int four_digit;
    int done;
    char *text, *id; /* the current record */
    size_t text_cap, id_cap;
};

casus_reader *casus_reader_new(casus_input_format format, const char *name, const char *data, size_t len)
{
    casus_reader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->format = format;
    r->name = casus_strndup(name, strlen(name));
    r->data = malloc(len + 1);
    if (!r->name || !r->data) {
        casus_reader_free(r);
        return NULL;
    }
    memcpy(r->data, data, len);
    r->data[len] = '\0';
    r->len = len;
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) r->pos = 3;
    return r;
}

void casus_reader_free(casus_reader *r)
{
    if (!r) return;
    free(r->name);
    free(r->data);
    free(r->text);
    free(r->id);
    free(r);
}

void casus_reader_set_four_digit_years(casus_reader *r, int on) { r->four_digit = on; }

/* The next line (without its newline, nor a CR before it); NULL at the end. */
static const char *next_line(casus_reader *r, size_t *n)
{
    if (r->pos >= r->len) return NULL;
    const char *s = r->data + r->pos;
    const char *nl = memchr(s, '\n', r->len - r->pos);
    size_t k = nl ? (size_t)(nl - s) : r->len - r->pos;
    r->pos += k + (nl ? 1 : 0);
    r->line++;
    if (k && s[k - 1] == '\r') k--;
    *n = k;
    return s;
}

static int set_string(char **dst, size_t *cap, const char *s, size_t n)
{
    if (casus_grow((void **)dst, cap, n + 1, 1)) return -1;
    memcpy(*dst, s, n);
    (*dst)[n] = '\0';
    return 0;
}

static int fail(casus_reader *r, size_t line, char *err, size_t errlen, const char *reason)
{
    if (err) snprintf(err, errlen, "%s:%zu: %s", r->name, line, reason);
    return -1;
}

static int parse_iso_date(const char *s, int *date)
{
    int y, m, d;
    char extra;
    if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3) return -1;
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31) return -1;
    *date = y * 10000 + m * 100 + d;
    return 0;
}

static int next_jsonl(casus_reader *r, casus_record *rec, char *err, size_t errlen)
{
    size_t n;
    const char *s;
    while ((s = next_line(r, &n)) != NULL) {
        size_t k = 0;
        while (k < n && isspace((unsigned char)s[k])) k++;
        if (k == n) continue;
        size_t line = r->line;
        json_error_t jerr;
        json_t *obj = json_loadb(s, n, JSON_REJECT_DUPLICATES, &jerr);
        if (!obj) {
            char reason[200];
            snprintf(reason, sizeof reason, "invalid JSON: %s", jerr.text);
            return fail(r, line, err, errlen, reason);
        }
        const char *reason = NULL;
        json_t *text = json_object_get(obj, "text");
        json_t *id = json_object_get(obj, "id");
        json_t *date = json_object_get(obj, "date");
        int d = 0;
        char idbuf[32];
        const char *idstr = NULL;
        if (!json_is_object(obj)) reason = "a line must hold a JSON object";
        else if (!json_is_string(text)) reason = "\"text\" missing or not a string";
        else if (date && !json_is_null(date) && (!json_is_string(date) || parse_iso_date(json_string_value(date), &d)))
            reason = "\"date\" must be \"YYYY-MM-DD\"";
        else if (json_is_string(id)) idstr = json_string_value(id);
        else if (json_is_integer(id)) {
            snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(id));
            idstr = idbuf;
        } else {
            snprintf(idbuf, sizeof idbuf, "%s:%zu", "line", line);
            idstr = idbuf;
        }
        if (reason) {
            json_decref(obj);
            return fail(r, line, err, errlen, reason);
        }
        size_t tl = json_string_length(text);
        if (set_string(&r->text, &r->text_cap, json_string_value(text), tl) ||
            set_string(&r->id, &r->id_cap, idstr, strlen(idstr))) {
            json_decref(obj);
            return fail(r, line, err, errlen, "out of memory");
        }
        json_decref(obj);
        *rec = (casus_record){.id = r->id, .text = r->text, .len = tl, .date = d, .line = line};
        return 1;
    }
    return 0;
}

static int next_tabari(casus_reader *r, casus_record *rec, char *err, size_t errlen)
{
    size_t n;
    const char *s;
    for (;;) {
        s = next_line(r, &n);
        if (!s) return 0;
        if (n && isdigit((unsigned char)s[0])) break;
    }
    size_t line = r->line;
    size_t dl = r->four_digit ? 8 : 6;
    int date = 0;
    int ok = n >= dl;
    for (size_t i = 0; ok && i < dl; i++) ok = isdigit((unsigned char)s[i]);
    if (ok) {
        int v = 0;
        for (size_t i = 0; i < dl; i++) v = v * 10 + (s[i] - '0');
        int y = dl == 8 ? v / 10000 : v / 10000;
        if (dl == 6) y += y <= 30 ? 2000 : 1900;
        int m = v / 100 % 100, d = v % 100;
        ok = m >= 1 && m <= 12 && d >= 1 && d <= 31;
        date = y * 10000 + m * 100 + d;
    }
    size_t k = ok ? dl : 0;
    while (k < n && isspace((unsigned char)s[k])) k++;
    size_t idend = n;
    while (idend > k && isspace((unsigned char)s[idend - 1])) idend--;
    if (set_string(&r->id, &r->id_cap, s + k, idend - k)) return fail(r, line, err, errlen, "out of memory");
    /* The text runs to the next empty line; lines are joined with a blank. */
    size_t tl = 0;
    while ((s = next_line(r, &n)) != NULL && n > 0) {
        if (casus_grow((void **)&r->text, &r->text_cap, tl + n + 2, 1)) return fail(r, line, err, errlen, "out of memory");
        memcpy(r->text + tl, s, n);
        tl += n;
        if (r->text[tl - 1] != ' ') r->text[tl++] = ' ';
    }
    if (casus_grow((void **)&r->text, &r->text_cap, tl + 1, 1)) return fail(r, line, err, errlen, "out of memory");
    r->text[tl] = '\0';
    if (!ok) return fail(r, line, err, errlen, "record does not start with a valid date (YYMMDD, or YYYYMMDD with SET: YYYY)");
    *rec = (casus_record){.id = r->id, .text = r->text, .len = tl, .date = date, .line = line};
    return 1;
}

static int next_text(casus_reader *r, casus_record *rec, char *err, size_t errlen)
{
    if (r->done) return 0;
    r->done = 1;
    if (memchr(r->data, '\0', r->len)) return fail(r, 1, err, errlen, "binary data (NUL bytes): not a text file");
    *rec = (casus_record){.id = r->name, .text = r->data + r->pos, .len = r->len - r->pos, .date = 0, .line = 1};
    return 1;
}

int casus_reader_next(casus_reader *r, casus_record *rec, char *err, size_t errlen)
{
    switch (r->format) {
    case CASUS_IN_JSONL: return next_jsonl(r, rec, err, errlen);
    case CASUS_IN_TABARI: return next_tabari(r, rec, err, errlen);
    case CASUS_IN_TEXT: return next_text(r, rec, err, errlen);
    }
    return 0;
}
