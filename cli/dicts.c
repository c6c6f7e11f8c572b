/* dicts.c — the dictionary options every subcommand shares (--project, --actors, --agents,
 * --verbs, --options, --discards) and loading what they name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#ifndef CASUS_DEFAULT_PROJECT
#define CASUS_DEFAULT_PROJECT "data/dict/casus.project"
#endif

int cli_dict_add(cli_dicts *d, int project, casus_dict_kind kind, const char *path)
{
    if (project) {
        d->project = path;
    } else {
        if (d->nfiles == sizeof d->files / sizeof *d->files) {
            fprintf(stderr, "casus: too many dictionary files\n");
            return -1;
        }
        d->files[d->nfiles].kind = kind;
        d->files[d->nfiles].path = path;
        d->nfiles++;
    }
    if (d->project && d->nfiles) {
        fprintf(stderr, "casus: give --project or dictionary files, not both\n");
        return -1;
    }
    return 0;
}

int cli_dict_option(cli_dicts *d, int argc, char **argv, int *i)
{
    static const struct { const char *flag; casus_dict_kind kind; } flags[] = {
        {"--actors", CASUS_DICT_ACTORS}, {"--agents", CASUS_DICT_AGENTS}, {"--verbs", CASUS_DICT_VERBS},
        {"--options", CASUS_DICT_OPTIONS}, {"--discards", CASUS_DICT_DISCARDS},
    };
    const char *arg = argv[*i];
    int is_project = !strcmp(arg, "--project");
    int kind = -1;
    for (size_t k = 0; k < sizeof flags / sizeof *flags; k++)
        if (!strcmp(arg, flags[k].flag)) kind = (int)k;
    if (!is_project && kind < 0) return 0;
    if (*i + 1 >= argc) {
        fprintf(stderr, "casus: %s needs a file\n", arg);
        return -1;
    }
    (*i)++;
    return cli_dict_add(d, is_project, kind < 0 ? CASUS_DICT_ACTORS : flags[kind].kind, argv[*i]) ? -1 : 1;
}

size_t cli_report_diags(const casus_dict *dict)
{
    size_t n = casus_dict_diag_count(dict);
    for (size_t i = 0; i < n; i++) fprintf(stderr, "%s\n", casus_dict_diag(dict, i));
    if (n) fprintf(stderr, "casus: %zu dictionary problem%s (lines skipped)\n", n, n == 1 ? "" : "s");
    return n;
}

casus_dict *cli_load_dicts(const cli_dicts *d, int finish, size_t *problems)
{
    casus_dict *dict = casus_dict_new();
    if (!dict) {
        fprintf(stderr, "casus: out of memory\n");
        return NULL;
    }
    casus_status st = CASUS_OK;
    if (d->nfiles) {
        for (size_t i = 0; i < d->nfiles && st == CASUS_OK; i++) st = casus_dict_load(dict, d->files[i].kind, d->files[i].path);
    } else {
        const char *path = d->project ? d->project : getenv("CASUS_PROJECT");
        if (!path) path = CASUS_DEFAULT_PROJECT;
        char err[1024];
        casus_project *p = NULL;
        st = casus_project_read(path, &p, err, sizeof err);
        if (st != CASUS_OK) fprintf(stderr, "casus: %s\n", err);
        else st = casus_dict_load_project(dict, p);
        casus_project_free(p);
    }
    if (st == CASUS_OK && finish) st = casus_dict_finish(dict);
    *problems = cli_report_diags(dict);
    if (st != CASUS_OK) {
        if (st == CASUS_ENOMEM) fprintf(stderr, "casus: out of memory\n");
        casus_dict_free(dict);
        return NULL;
    }
    return dict;
}
