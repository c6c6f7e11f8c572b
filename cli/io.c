/* io.c — whole-file input for the command line ("-" is standard input). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

char *cli_read_file(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        fprintf(stderr, "casus: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap) {
            if (ferror(f)) {
                fprintf(stderr, "casus: %s: read error\n", path);
                free(buf);
                buf = NULL;
            }
            break;
        }
        char *grown = cap <= ((size_t)-1) / 2 ? realloc(buf, cap * 2) : NULL;
        if (!grown) {
            free(buf);
            buf = NULL;
            fprintf(stderr, "casus: %s: out of memory\n", path);
            break;
        }
        buf = grown;
        cap *= 2;
    }
    if (f != stdin) fclose(f);
    if (buf) *len = n;
    return buf;
}
