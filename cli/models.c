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
