/* project.c — reads a TABARI .project file: the dictionary and text files it names. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "casus.h"
#include "core/grow.h"

struct casus_project {
    char **paths[CASUS_PROJECT_FILE_KINDS];
    size_t count[CASUS_PROJECT_FILE_KINDS], cap[CASUS_PROJECT_FILE_KINDS];
};

void casus_project_free(casus_project *p)
{
    if (!p) return;
    for (int k = 0; k < CASUS_PROJECT_FILE_KINDS; k++) {
        for (size_t i = 0; i < p->count[k]; i++) free(p->paths[k][i]);
        free(p->paths[k]);
    }
    free(p);
}

size_t casus_project_count(const casus_project *p, casus_project_file kind)
{
    return kind < CASUS_PROJECT_FILE_KINDS ? p->count[kind] : 0;
}

const char *casus_project_path(const casus_project *p, casus_project_file kind, size_t index)
{
    return kind < CASUS_PROJECT_FILE_KINDS && index < p->count[kind] ? p->paths[kind][index] : NULL;
}

static const struct { const char *tag; casus_project_file kind; } tags[] = {
    {"<actorsfile>", CASUS_PROJECT_ACTORS}, {"<agentsfile>", CASUS_PROJECT_AGENTS},
    {"<verbsfile>", CASUS_PROJECT_VERBS},   {"<optionsfile>", CASUS_PROJECT_OPTIONS},
    {"<textfile>", CASUS_PROJECT_TEXT},
};

casus_status casus_project_read(const char *path, casus_project **out, char *err, size_t errlen)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (err) snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return CASUS_EIO;
    }
    casus_project *p = calloc(1, sizeof *p);
    if (!p) {
        fclose(f);
        return CASUS_ENOMEM;
    }
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path + 1) : 0;
    char line[4096];
    size_t lineno = 0;
    casus_status st = CASUS_OK;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        for (size_t t = 0; t < sizeof tags / sizeof *tags; t++) {
            size_t tl = strlen(tags[t].tag);
            char *s = line;
            while (isspace((unsigned char)*s)) s++;
            if (strncasecmp(s, tags[t].tag, tl)) continue;
            s += tl;
            while (isspace((unsigned char)*s)) s++;
            char *e = s + strlen(s);
            while (e > s && isspace((unsigned char)e[-1])) e--;
            if (e == s) {
                if (err) snprintf(err, errlen, "%s:%zu: %s names no file", path, lineno, tags[t].tag);
                st = CASUS_EFORMAT;
                goto done;
            }
            size_t n = (size_t)(e - s);
            int absolute = *s == '/';
            char *full = malloc((absolute ? 0 : dirlen) + n + 1);
            if (!full) {
                st = CASUS_ENOMEM;
                goto done;
            }
            size_t k = 0;
            if (!absolute) {
                memcpy(full, path, dirlen);
                k = dirlen;
            }
            memcpy(full + k, s, n);
            full[k + n] = '\0';
            casus_project_file kind = tags[t].kind;
            if (CASUS_PUSH(p->paths[kind], p->count[kind], p->cap[kind], full)) {
                free(full);
                st = CASUS_ENOMEM;
                goto done;
            }
        }
    }
    if (ferror(f)) {
        if (err) snprintf(err, errlen, "%s: read error", path);
        st = CASUS_EIO;
    }
done:
    fclose(f);
    if (st != CASUS_OK) {
        casus_project_free(p);
        return st;
    }
    *out = p;
    return CASUS_OK;
}

casus_status casus_dict_load_project(casus_dict *dict, const casus_project *p)
{
    static const struct { casus_project_file file; casus_dict_kind kind; } order[] = {
        {CASUS_PROJECT_OPTIONS, CASUS_DICT_OPTIONS}, {CASUS_PROJECT_ACTORS, CASUS_DICT_ACTORS},
        {CASUS_PROJECT_AGENTS, CASUS_DICT_AGENTS},   {CASUS_PROJECT_VERBS, CASUS_DICT_VERBS},
    };
    for (size_t o = 0; o < sizeof order / sizeof *order; o++)
        for (size_t i = 0; i < p->count[order[o].file]; i++) {
            casus_status st = casus_dict_load(dict, order[o].kind, p->paths[order[o].file][i]);
            if (st != CASUS_OK) return st;
        }
    return CASUS_OK;
}
