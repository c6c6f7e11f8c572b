/* dict.c — 'casus dict check': loads dictionaries and reports what is wrong with them. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *f)
{
    fprintf(f, "usage: casus dict check [--project FILE | --actors F --agents F --verbs F --options F\n"
               "                         --discards F | FILE...]\n"
               "Reads the dictionaries and reports, as file:line: reason, lines that cannot be read,\n"
               "duplicate entries, patterns that never fire, overlapping date restrictions and event\n"
               "codes without a label.  FILEs are told apart by their ending (.actors .agents .verbs\n"
               ".options .project).  Exit status 0 when all is clean, 1 when something was found.\n");
}

static int kind_of(const char *path, casus_dict_kind *kind, int *project)
{
    static const struct { const char *end; casus_dict_kind kind; } ends[] = {
        {".actors", CASUS_DICT_ACTORS}, {".agents", CASUS_DICT_AGENTS}, {".verbs", CASUS_DICT_VERBS},
        {".options", CASUS_DICT_OPTIONS}, {".discards", CASUS_DICT_DISCARDS},
    };
    size_t n = strlen(path);
    *project = n > 8 && !strcmp(path + n - 8, ".project");
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        size_t k = strlen(ends[i].end);
        if (n > k && !strcmp(path + n - k, ends[i].end)) {
            *kind = ends[i].kind;
            return 1;
        }
    }
    return *project;
}

int cli_dict(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "check")) {
        usage(argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) ? stdout : stderr);
        return argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) ? 0 : 2;
    }
    cli_dicts dicts;
    memset(&dicts, 0, sizeof dicts);
    for (int i = 2; i < argc; i++) {
        int r = cli_dict_option(&dicts, argc, argv, &i);
        if (r < 0) return 2;
        if (r > 0) continue;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage(stdout);
            return 0;
        }
        casus_dict_kind kind = CASUS_DICT_ACTORS;
        int project;
        if (!kind_of(argv[i], &kind, &project)) {
            fprintf(stderr, "casus dict check: %s: cannot tell the kind of dictionary from its name\n", argv[i]);
            return 2;
        }
        if (cli_dict_add(&dicts, project, kind, argv[i])) return 2;
    }
    size_t problems;
    casus_dict *dict = cli_load_dicts(&dicts, 1, &problems);
    if (!dict) return 2;
    size_t before = casus_dict_diag_count(dict);
    size_t found = casus_dict_lint(dict);
    for (size_t i = before; i < casus_dict_diag_count(dict); i++) fprintf(stderr, "%s\n", casus_dict_diag(dict, i));
    casus_dict_stats st;
    casus_dict_get_stats(dict, &st);
    printf("%zu actors, %zu agents, %zu verbs, %zu patterns, %zu nouns, %zu adjectives, %zu synsets; "
           "%zu problems\n",
           st.actors, st.agents, st.verbs, st.patterns, st.nouns, st.adjectives, st.synsets, problems + found);
    casus_dict_free(dict);
    return problems + found ? 1 : 0;
}
