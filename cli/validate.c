/* validate.c — the 'casus validate' subcommand. */
#include <stdio.h>
#include "cli.h"

int cli_validate(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "casus validate: not implemented yet\n");
    return 2;
}
