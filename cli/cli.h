/* cli.h — the subcommands of the casus command line; each takes argv from its own name on. */
#ifndef CASUS_CLI_H
#define CASUS_CLI_H

int cli_code(int argc, char **argv);
int cli_validate(int argc, char **argv);
int cli_parse(int argc, char **argv);

#endif
