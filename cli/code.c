/* code.c — the 'casus code' subcommand. */
#include <stdio.h>
#include "cli.h"

int cli_code(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "casus code: not implemented yet\n");
    return 2;
}
