/* cli.h — the subcommands of the casus command line; each takes argv from its own name on. */
#ifndef CASUS_CLI_H
#define CASUS_CLI_H

#include <stddef.h>

#include "casus.h"

int cli_code(int argc, char **argv);
int cli_validate(int argc, char **argv);
int cli_parse(int argc, char **argv);
int cli_enrich(int argc, char **argv);

/* Reads a whole file ("-": standard input).  NULL after printing why. */
char *cli_read_file(const char *path, size_t *len);

/* Prints the dictionary diagnostics to stderr with a summary; returns how many there were. */
size_t cli_report_diags(const casus_dict *dict);

#endif
