/* models.c — where the command line finds casus's syntax model. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

#ifndef CASUS_MODEL_DIR
#define CASUS_MODEL_DIR "models"
#endif

const char *cli_model_path(const char *given, char *buf, size_t cap)
{
    if (given) return given;
    const char *dir = getenv("CASUS_MODELS");
    snprintf(buf, cap, "%s/en_ewt.casus", dir && *dir ? dir : CASUS_MODEL_DIR);
    return buf;
}

int cli_load_syntax(const char *command, const cli_dicts *d, int asked, const char *model, casus_syntax **out)
{
    *out = NULL;
    if (asked == 0 || (asked < 0 && (d->project || d->nfiles))) return 0;
    char path[4096], err[512];
    if (casus_syntax_load(cli_model_path(model, path, sizeof path), out, err, sizeof err) == CASUS_OK) return 0;
    fprintf(stderr, "casus %s: %s%s\n", command, err, asked > 0 ? "" : " (coding without the tagger)");
    return asked > 0 ? -1 : 0;
}
