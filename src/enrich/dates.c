/* dates.c — the event date of a sentence: finds date phrases ("on Monday", "Jan. 3",
   "3 January 2024", "yesterday", "last week", "two days ago", "earlier this week") and
   resolves them against the article date.

   Rules (all relative to the article date A):
     weekday "Monday"            the most recent Monday on or before A
     "last Monday"               the most recent Monday strictly before A
     "next Monday"               the first Monday strictly after A
     month and day, no year      that day in A's year, or the year before if it would be after A
     yesterday / last night      A - 1;  today / tonight / this morning: A;  tomorrow: A + 1
     last week                   A - 7
     last month / last year      the same day of the previous month / year (clamped to its length)
     earlier this week           the Monday of A's week (Monday to Sunday)
     earlier this month          the first day of A's month
     N days / weeks ago          A - N, A - 7N
   The first phrase of the sentence wins, except that a phrase right after a verb of saying
   ("said on Friday") gives way to any other phrase. */
#include <ctype.h>
#include <string.h>

#include "dict/dict.h"
#include "enrich/enrich.h"

/* Day numbers come from the dictionary's date helpers (day 0 is Monday 1900-01-01). */
static long dates_days(int y, int m, int d)
{
    return casus_day_from_ymd(y, m, d);
}

static int dates_civil(long z)
{
    int y, m, d;
    casus_ymd_from_day((int32_t)z, &y, &m, &d);
    return y * 10000 + m * 100 + d;
}

static int dates_month_len(int y, int m)
{
    static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return len[m - 1];
}

static int dates_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= dates_month_len(y, m);
}

int casus_dates_add_days(int ymd, long days)
{
    if (!ymd) return 0;
    return dates_civil(dates_days(ymd / 10000, ymd / 100 % 100, ymd % 100) + days);
}

int casus_dates_weekday(int ymd)
{
    long z = dates_days(ymd / 10000, ymd / 100 % 100, ymd % 100);
    return (int)(((z % 7) + 7) % 7);
}

static int dates_add_months(int ymd, int months)
{
    int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    int idx = y * 12 + (m - 1) + months;
    y = idx / 12;
    m = idx % 12 + 1;
    if (d > dates_month_len(y, m)) d = dates_month_len(y, m);
    return y * 10000 + m * 100 + d;
}

/* A day of the month at word i: "3", "3rd", "21st"; 0 if none. */
static int dates_day(const casus_words *ws, size_t i)
{
    if (i >= ws->n || ws->w[i].kind != CASUS_WORD_NUM) return 0;
    const char *t = ws->text + ws->w[i].start;
    size_t n = ws->w[i].end - ws->w[i].start, k = 0;
    int d = 0;
    while (k < n && k < 2 && t[k] >= '0' && t[k] <= '9') d = d * 10 + (t[k++] - '0');
    if (k < n && t[k] >= '0' && t[k] <= '9') return 0;
    if (k < n) {
        if (n - k != 2) return 0;
        char a = (char)(t[k] | 0x20), b = (char)(t[k + 1] | 0x20);
        if (!((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
              (a == 't' && b == 'h')))
            return 0;
    }
    return d >= 1 && d <= 31 ? d : 0;
}

/* A four-digit year at word i, or 0. */
static int dates_year(const casus_words *ws, size_t i)
{
    if (i >= ws->n || ws->w[i].kind != CASUS_WORD_NUM || ws->w[i].end - ws->w[i].start != 4) return 0;
    int y = 0;
    for (size_t k = ws->w[i].start; k < ws->w[i].end; k++) {
        char c = ws->text[k];
        if (c < '0' || c > '9') return 0;
        y = y * 10 + (c - '0');
    }
    return y >= 1900 && y <= 2199 ? y : 0;
}

static int dates_is_dot(const casus_words *ws, size_t i)
{
    return i < ws->n && ws->w[i].kind == CASUS_WORD_PUNCT && ws->text[ws->w[i].start] == '.';
}

static int dates_is_comma(const casus_words *ws, size_t i)
{
    return i < ws->n && ws->w[i].kind == CASUS_WORD_PUNCT && ws->text[ws->w[i].start] == ',';
}

/* Resolves a month and day without a year against the article date. */
static int dates_no_year(int a, int m, int d)
{
    if (!a) return 0;
    int y = a / 10000;
    if (!dates_valid(y, m, d)) return dates_valid(y - 1, m, d) ? (y - 1) * 10000 + m * 100 + d : 0;
    int v = y * 10000 + m * 100 + d;
    if (v > a && dates_valid(y - 1, m, d)) v -= 10000;
    return v;
}

typedef struct dates_hit {
    int date;
    size_t first, last; /* words */
} dates_hit;

/* Tries a date phrase starting at word i; fills *h and returns 1 when one starts there. */
static int dates_at(const casus_words *ws, size_t i, int a, dates_hit *h)
{
    h->first = h->last = i;
    h->date = 0;
    int wd, m, d, y;
    long n;
    size_t used;
    if (casus_words_in(ws, i, "yesterday")) {
        h->date = casus_dates_add_days(a, -1);
        return 1;
    }
    if (casus_words_in(ws, i, "today|tonight")) {
        h->date = a;
        return 1;
    }
    if (casus_words_in(ws, i, "tomorrow")) {
        h->date = casus_dates_add_days(a, 1);
        return 1;
    }
    if (casus_words_is(ws, i, "last") || casus_words_is(ws, i, "next") || casus_words_is(ws, i, "this")) {
        int dir = casus_words_is(ws, i, "last") ? -1 : casus_words_is(ws, i, "next") ? 1 : 0;
        h->last = i + 1;
        if ((wd = casus_words_weekday(ws, i + 1)) >= 0) {
            if (!a) return 1;
            int back = (casus_dates_weekday(a) - wd + 7) % 7;
            if (dir < 0) h->date = casus_dates_add_days(a, back ? -back : -7);
            else if (dir > 0) {
                int fwd = (wd - casus_dates_weekday(a) + 7) % 7;
                h->date = casus_dates_add_days(a, fwd ? fwd : 7);
            } else h->date = casus_dates_add_days(a, -back);
            return 1;
        }
        if (dir < 0 && casus_words_in(ws, i + 1, "night")) {
            h->date = casus_dates_add_days(a, -1);
            return 1;
        }
        if (dir == 0 && casus_words_in(ws, i + 1, "morning|afternoon|evening")) {
            h->date = a;
            return 1;
        }
        if (dir < 0 && casus_words_is(ws, i + 1, "week")) {
            h->date = casus_dates_add_days(a, -7);
            return 1;
        }
        if (dir < 0 && casus_words_is(ws, i + 1, "month")) {
            h->date = a ? dates_add_months(a, -1) : 0;
            return 1;
        }
        if (dir < 0 && casus_words_is(ws, i + 1, "year")) {
            h->date = a ? dates_add_months(a, -12) : 0;
            return 1;
        }
        return 0;
    }
    if (casus_words_is(ws, i, "earlier") && casus_words_is(ws, i + 1, "this")) {
        h->last = i + 2;
        if (casus_words_is(ws, i + 2, "week")) {
            h->date = a ? casus_dates_add_days(a, -casus_dates_weekday(a)) : 0;
            return 1;
        }
        if (casus_words_is(ws, i + 2, "month")) {
            h->date = a ? a / 100 * 100 + 1 : 0;
            return 1;
        }
        return 0;
    }
    /* "two days ago", "a week ago" */
    if ((used = casus_words_number(ws, i, &n)) || (casus_words_in(ws, i, "a|one") && (n = 1, used = 1))) {
        size_t u = i + used;
        if (casus_words_is(ws, u + 1, "ago") && n > 0 && n < 400) {
            long mult = casus_words_in(ws, u, "day|days") ? 1 : casus_words_in(ws, u, "week|weeks") ? 7 : 0;
            if (mult) {
                h->last = u + 1;
                h->date = casus_dates_add_days(a, -n * mult);
                return 1;
            }
            if (casus_words_in(ws, u, "month|months|year|years")) {
                h->last = u + 1;
                int months = (int)n * (casus_words_in(ws, u, "month|months") ? 1 : 12);
                h->date = a ? dates_add_months(a, -months) : 0;
                return 1;
            }
        }
    }
    /* a weekday alone */
    if ((wd = casus_words_weekday(ws, i)) >= 0) {
        if (dates_is_dot(ws, i + 1)) h->last = i + 1;
        h->date = a ? casus_dates_add_days(a, -((casus_dates_weekday(a) - wd + 7) % 7)) : 0;
        return 1;
    }
    /* month day [,] [year] */
    if ((m = casus_words_month(ws, i))) {
        size_t k = i + 1;
        if (dates_is_dot(ws, k)) k++;
        if ((d = dates_day(ws, k))) {
            h->last = k;
            size_t yk = k + 1;
            if (dates_is_comma(ws, yk)) yk++;
            if ((y = dates_year(ws, yk))) {
                h->last = yk;
                h->date = dates_valid(y, m, d) ? y * 10000 + m * 100 + d : 0;
            } else {
                h->date = dates_no_year(a, m, d);
            }
            return 1;
        }
        return 0;
    }
    /* day [of] month [year] */
    if ((d = dates_day(ws, i))) {
        size_t k = i + 1;
        if (casus_words_is(ws, k, "of")) k++;
        if ((m = casus_words_month(ws, k))) {
            h->last = k;
            if (dates_is_dot(ws, k + 1)) h->last = ++k;
            if ((y = dates_year(ws, k + 1))) {
                h->last = k + 1;
                h->date = dates_valid(y, m, d) ? y * 10000 + m * 100 + d : 0;
            } else {
                h->date = dates_no_year(a, m, d);
            }
            return 1;
        }
    }
    return 0;
}

/* Is the phrase at word i reported as the time of a saying ("said on Friday")? */
static int dates_after_saying(const casus_words *ws, size_t i)
{
    if (i == 0) return 0;
    size_t k = i - 1;
    if (casus_words_is(ws, k, "on") && k > 0) k--;
    return casus_words_in(ws, k, "said|says|told|reported|added|announced|stated");
}

void casus_dates_find(const casus_words *ws, int article_date, casus_enrichment *out)
{
    out->date = article_date;
    out->has_date_span = 0;
    out->date_span.start = out->date_span.end = 0;
    dates_hit best = {0, 0, 0}, h;
    int have = 0, best_saying = 0;
    for (size_t i = 0; i < ws->n; i++) {
        if (!dates_at(ws, i, article_date, &h)) continue;
        int saying = dates_after_saying(ws, i);
        if (h.date && (!have || (best_saying && !saying))) {
            best = h;
            best_saying = saying;
            have = 1;
            if (!saying) break;
        }
        i = h.last;
    }
    if (!have) return;
    out->date = best.date;
    out->has_date_span = 1;
    out->date_span.start = ws->w[best.first].start;
    out->date_span.end = ws->w[best.last].end;
    /* the sentence's own punctuation is no part of the phrase; an abbreviation's stop is ("Jan.") */
    size_t e = out->date_span.end, b = out->date_span.start;
    while (e > b && (ws->text[e - 1] == ',' || ws->text[e - 1] == ';' || ws->text[e - 1] == ':')) e--;
    if (e > b && ws->text[e - 1] == '.') {
        size_t k = e - 1;
        while (k > b && isalpha((unsigned char)ws->text[k - 1])) k--;
        if (e - 1 - k > 4) e--;
    }
    out->date_span.end = e;
}
