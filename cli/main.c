/* main.c — the casus command line: dispatches to one file per subcommand. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "casus.h"

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"code", cli_code, "code news text into events"},
    {"validate", cli_validate, "run a TABARI validation project"},
    {"explain", cli_explain, "show how one sentence is read and coded"},
    {"dict", cli_dict, "check dictionaries ('casus dict check')"},
    {"parse", cli_parse, "tag and parse English into CoNLL-U"},
    {"stats", cli_stats, "event counts per period from an event store"},
    {"enrich", cli_enrich, "event date, place and casualties of JSONL sentences"},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: casus COMMAND [OPTIONS] [ARGS]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'casus COMMAND --help' describes one command.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("casus %s\n", CASUS_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(argv[1], commands[i].name)) return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "casus: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
