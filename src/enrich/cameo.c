/* cameo.c — derived fields of a CAMEO event code: Goldstein weight, QuadClass and PLOVER type.
 *
 * The table is data/cameo/cameo.tsv, turned into cameo_table.h at build time; it is static and
 * const, so lookups need no handle and are safe from any thread.
 *
 * QuadClass follows from the CAMEO root (the first two digits) alone:
 *   01-05 statements, appeals, intents, consultation, diplomatic support  -> 1 verbal cooperation
 *   06-08 material cooperation, aid, yielding                             -> 2 material cooperation
 *   09-14 investigating, demanding, disapproving, rejecting, threatening,
 *         protesting                                                      -> 3 verbal conflict
 *   15-20 force posture, reducing relations, coercion, assault, fighting,
 *         mass violence                                                   -> 4 material conflict
 * (This puts 14, protest, with verbal conflict, as casus's rule; some datasets count it as
 * material conflict.) */
#include <stdlib.h>
#include <string.h>

#include "casus.h"

typedef struct cameo_row {
    const char *code;
    double goldstein;
    const char *plover, *mode, *context;
} cameo_row;

static const cameo_row cameo_rows[] = {
#include "cameo_table.h"
};

enum { cameo_nrows = sizeof cameo_rows / sizeof *cameo_rows };

static int cameo_cmp(const void *key, const void *row)
{
    return strcmp((const char *)key, ((const cameo_row *)row)->code);
}

static const cameo_row *cameo_find(const char *code)
{
    return bsearch(code, cameo_rows, cameo_nrows, sizeof *cameo_rows, cameo_cmp);
}

int casus_cameo_root(const char *code)
{
    if (!code || code[0] < '0' || code[0] > '2' || code[1] < '0' || code[1] > '9') return 0;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    return root <= 20 ? root : 0;
}

int casus_cameo_quad_class(const char *code)
{
    int root = casus_cameo_root(code);
    if (!root) return 0;
    return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4; /* GDELT and Phoenix: protests (14) are material conflict */
}

casus_status casus_cameo_lookup(const char *code, casus_cameo_info *out)
{
    if (out) memset(out, 0, sizeof *out);
    if (!code || !out) return CASUS_EINVAL;
    size_t n = strlen(code);
    if (n < 2 || n > 4) return CASUS_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (code[i] < '0' || code[i] > '9') return CASUS_EINVAL;
    int quad = casus_cameo_quad_class(code);
    if (!quad) return CASUS_EINVAL;
    char key[5];
    const cameo_row *row = NULL;
    /* The code itself, then its 3-digit parent, then its root's general code ("04" -> "040"). */
    if (n >= 3) row = cameo_find(code);
    if (!row && n == 4) {
        memcpy(key, code, 3);
        key[3] = '\0';
        row = cameo_find(key);
    }
    if (!row) {
        key[0] = code[0];
        key[1] = code[1];
        key[2] = '0';
        key[3] = '\0';
        row = cameo_find(key);
    }
    if (!row) return CASUS_EINVAL; /* every root has a general code: not reached with the shipped table */
    out->code = row->code;
    out->goldstein = row->goldstein;
    out->quad_class = quad;
    out->plover = row->plover;
    out->plover_mode = row->mode;
    out->plover_context = row->context;
    return CASUS_OK;
}

size_t casus_cameo_table_size(void)
{
    return cameo_nrows;
}

const char *casus_cameo_table_code(size_t index)
{
    return index < cameo_nrows ? cameo_rows[index].code : NULL;
}

size_t casus_actor_root(const char *actor, char root[4])
{
    size_t n = 0;
    if (actor)
        while (n < 3 && actor[n]) {
            root[n] = actor[n];
            n++;
        }
    root[n] = '\0';
    return n;
}
