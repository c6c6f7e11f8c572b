/* stats.c — 'casus stats': event counts, Goldstein sums and QuadClass counts per period, from an
 * event store written by 'casus code --db'. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void stats_usage(FILE *f)
{
    fprintf(f,
            "usage: casus stats --db FILE [--by month|week|day] [--dyad SOURCE,TARGET] [--one-a-day]\n"
            "       casus stats --db FILE --check\n"
            "Prints one tab-separated line a period (after a header): events, the sum of their Goldstein\n"
            "weights, and how many fall in each QuadClass.  A week is named by its Monday.\n"
            "  --dyad A,B     only events whose source code starts with A and target with B (either may\n"
            "                 be empty: IRN, for any target)\n"
            "  --one-a-day    count each (date, source, target, code) once\n"
            "  --check        check the store's integrity and that every document is complete\n");
}

static int stats_row(const casus_stats_row *row, void *ctx)
{
    (void)ctx;
    printf("%s\t%lld\t%.1f\t%lld\t%lld\t%lld\t%lld\n", row->period, row->events, row->goldstein, row->quad[0],
           row->quad[1], row->quad[2], row->quad[3]);
    return ferror(stdout) ? 1 : 0;
}

int cli_stats(int argc, char **argv)
{
    const char *db = NULL, *dyad = NULL;
    casus_period by = CASUS_PERIOD_MONTH;
    unsigned flags = 0;
    int check = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            stats_usage(stdout);
            return 0;
        } else if (!strcmp(arg, "--db") && val) {
            db = val;
            i++;
        } else if (!strcmp(arg, "--by") && val) {
            if (!strcmp(val, "day")) by = CASUS_PERIOD_DAY;
            else if (!strcmp(val, "week")) by = CASUS_PERIOD_WEEK;
            else if (!strcmp(val, "month")) by = CASUS_PERIOD_MONTH;
            else {
                fprintf(stderr, "casus stats: --by takes month, week or day, not '%s'\n", val);
                return 2;
            }
            i++;
        } else if (!strcmp(arg, "--dyad") && val) {
            dyad = val;
            i++;
        } else if (!strcmp(arg, "--one-a-day")) {
            flags |= CASUS_OUT_ONE_A_DAY;
        } else if (!strcmp(arg, "--check")) {
            check = 1;
        } else {
            fprintf(stderr, "casus stats: %s %s\n", arg, arg[0] == '-' && !val ? "needs a value" : "is not understood");
            stats_usage(stderr);
            return 2;
        }
    }
    if (!db) {
        fprintf(stderr, "casus stats: --db FILE is required\n");
        return 2;
    }
    char err[1024];
    if (check) {
        long long docs, events;
        casus_status st = casus_store_check(db, &docs, &events, err, sizeof err);
        if (st != CASUS_OK) {
            fprintf(stderr, "casus stats: %s\n", *err ? err : casus_status_str(st));
            return 1;
        }
        printf("ok: %lld documents, %lld events\n", docs, events);
        return 0;
    }
    char source[64] = "", target[64] = "";
    if (dyad) {
        const char *comma = strchr(dyad, ',');
        size_t n = comma ? (size_t)(comma - dyad) : 0;
        if (!comma || n >= sizeof source || strlen(comma + 1) >= sizeof target) {
            fprintf(stderr, "casus stats: --dyad takes SOURCE,TARGET\n");
            return 2;
        }
        memcpy(source, dyad, n);
        source[n] = '\0';
        strcpy(target, comma + 1);
    }
    printf("period\tevents\tgoldstein\tverbal_cooperation\tmaterial_cooperation\tverbal_conflict\tmaterial_conflict\n");
    casus_status st = casus_store_stats(db, by, source, target, flags, stats_row, NULL, err, sizeof err);
    if (st != CASUS_OK) {
        fprintf(stderr, "casus stats: %s\n", *err ? err : casus_status_str(st));
        return 2;
    }
    if (fflush(stdout) || ferror(stdout)) {
        fprintf(stderr, "casus stats: write error\n");
        return 2;
    }
    return 0;
}
