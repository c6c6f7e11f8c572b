/* grow.c — growable arrays and string duplication. */
#include "core/grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int casus_grow(void **array, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return 0;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2) return -1;
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / size) return -1;
    void *grown = realloc(*array, ncap * size);
    if (!grown) return -1;
    *array = grown;
    *cap = ncap;
    return 0;
}

char *casus_strndup(const char *s, size_t len)
{
    char *copy = malloc(len + 1);
    if (!copy) return NULL;
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}
