/* codes.c — interned code strings with a hash index. */
#include "dict/codes.h"

#include <stdlib.h>
#include <string.h>

#include "core/grow.h"

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static int rehash(casus_codes *codes, size_t nslots)
{
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots) return -1;
    for (uint32_t id = 1; id < codes->count; id++) {
        size_t i = hash_bytes(codes->text[id], strlen(codes->text[id])) & (nslots - 1);
        while (slots[i]) i = (i + 1) & (nslots - 1);
        slots[i] = id;
    }
    free(codes->slots);
    codes->slots = slots;
    codes->nslots = nslots;
    return 0;
}

int casus_codes_init(casus_codes *codes)
{
    memset(codes, 0, sizeof *codes);
    static const char *const special[] = {"", "---", "+++", "###", "***"};
    for (size_t i = 0; i < sizeof special / sizeof *special; i++) {
        if (casus_grow((void **)&codes->text, &codes->cap, codes->count + 1, sizeof *codes->text)) return -1;
        codes->text[codes->count] = casus_strndup(special[i], strlen(special[i]));
        if (!codes->text[codes->count]) return -1;
        codes->count++;
    }
    codes->label = calloc(codes->cap, sizeof *codes->label);
    if (!codes->label) return -1;
    return rehash(codes, 64);
}

void casus_codes_free(casus_codes *codes)
{
    for (size_t i = 0; i < codes->count; i++) {
        free(codes->text[i]);
        if (codes->label) free(codes->label[i]);
    }
    free(codes->text);
    free(codes->label);
    free(codes->slots);
    memset(codes, 0, sizeof *codes);
}

uint32_t casus_codes_find(const casus_codes *codes, const char *text, size_t len)
{
    if (len == 0) return 0;
    size_t i = hash_bytes(text, len) & (codes->nslots - 1);
    while (codes->slots[i]) {
        const char *t = codes->text[codes->slots[i]];
        if (strlen(t) == len && memcmp(t, text, len) == 0) return codes->slots[i];
        i = (i + 1) & (codes->nslots - 1);
    }
    return 0;
}

uint32_t casus_codes_intern(casus_codes *codes, const char *text, size_t len)
{
    uint32_t id = casus_codes_find(codes, text, len);
    if (id || len == 0) return id;
    if ((codes->count + 1) * 2 > codes->nslots && rehash(codes, codes->nslots * 2)) return 0;
    size_t oldcap = codes->cap;
    if (casus_grow((void **)&codes->text, &codes->cap, codes->count + 1, sizeof *codes->text)) return 0;
    if (codes->cap != oldcap) {
        char **labels = realloc(codes->label, codes->cap * sizeof *labels);
        if (!labels) return 0;
        memset(labels + oldcap, 0, (codes->cap - oldcap) * sizeof *labels);
        codes->label = labels;
    }
    char *copy = casus_strndup(text, len);
    if (!copy) return 0;
    id = (uint32_t)codes->count++;
    codes->text[id] = copy;
    codes->label[id] = NULL;
    size_t i = hash_bytes(text, len) & (codes->nslots - 1);
    while (codes->slots[i]) i = (i + 1) & (codes->nslots - 1);
    codes->slots[i] = id;
    return id;
}

int casus_codes_set_label(casus_codes *codes, uint32_t id, const char *label, size_t len)
{
    char *copy = casus_strndup(label, len);
    if (!copy) return -1;
    free(codes->label[id]);
    codes->label[id] = copy;
    return 0;
}
