/* cli.h — the subcommands of the casus command line; each takes argv from its own name on. */
#ifndef CASUS_CLI_H
#define CASUS_CLI_H

#include <stddef.h>

#include "casus.h"

int cli_code(int argc, char **argv);
int cli_validate(int argc, char **argv);
int cli_explain(int argc, char **argv);
int cli_dict(int argc, char **argv);
int cli_parse(int argc, char **argv);
int cli_stats(int argc, char **argv);
int cli_enrich(int argc, char **argv);

/* Reads a whole file ("-": standard input).  NULL after printing why. */
char *cli_read_file(const char *path, size_t *len);

/* Prints the dictionary diagnostics to stderr with a summary; returns how many there were. */
size_t cli_report_diags(const casus_dict *dict);

/* Dictionary options shared by the subcommands. */
typedef struct cli_dicts {
    const char *project;
    struct { casus_dict_kind kind; const char *path; } files[64];
    size_t nfiles;
} cli_dicts;

/* If argv[*i] is a dictionary option, records it and its value and moves *i past them: 1; not
   one: 0; misused: -1 (said). */
int cli_dict_option(cli_dicts *d, int argc, char **argv, int *i);
/* Adds a project (project != 0) or a dictionary file of the given kind: 0, or -1 (said). */
int cli_dict_add(cli_dicts *d, int project, casus_dict_kind kind, const char *path);
/* Loads the dictionaries named (or the default project), reporting problems on stderr; finishes
   the dictionary when asked.  NULL on a fatal error (said). */
casus_dict *cli_load_dicts(const cli_dicts *d, int finish, size_t *problems);

/* The syntax model: given, else $CASUS_MODELS/en_ewt.casus, else the built-in models folder. */
const char *cli_model_path(const char *given, char *buf, size_t cap);
/* The tagger and parser the coder reads with, into *out: when asked for (asked > 0, --syntax),
   or by default (asked < 0) with the built-in dictionaries, whose rules were written for it;
   TABARI's dictionaries code without it, as TABARI does.  0, *out possibly NULL (not wanted, or
   not found when not asked for: said); -1 when asked for and not loaded (said). */
int cli_load_syntax(const char *command, const cli_dicts *d, int asked, const char *model, casus_syntax **out);

#endif
