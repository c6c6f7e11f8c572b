/* codes.h — interned code strings (actor, agent and event codes) and their labels. */
#ifndef CASUS_DICT_CODES_H
#define CASUS_DICT_CODES_H

#include <stddef.h>
#include <stdint.h>

/* Special codes have fixed ids; every other code is interned after them. */
enum {
    CASUS_CODE_NONE = 0,
    CASUS_CODE_NULL = 1,    /* "---": matches, codes nothing */
    CASUS_CODE_COMPLEX = 2, /* "+++": the text is too complex to code */
    CASUS_CODE_DISCARD = 3, /* "###": the text is to be discarded */
    CASUS_CODE_BLANK = 4,   /* "***": an empty actor */
    CASUS_CODE_FIRST_REGULAR = 5
};

typedef struct casus_codes {
    char **text;   /* text[id] */
    char **label;  /* label[id] or NULL */
    size_t count, cap;
    uint32_t *slots; /* open addressing over ids */
    size_t nslots;
} casus_codes;

int casus_codes_init(casus_codes *codes);
void casus_codes_free(casus_codes *codes);
/* The id of text[0..len), interning it; 0 when memory runs out. */
uint32_t casus_codes_intern(casus_codes *codes, const char *text, size_t len);
/* The id of text if already interned, else 0. */
uint32_t casus_codes_find(const casus_codes *codes, const char *text, size_t len);
int casus_codes_set_label(casus_codes *codes, uint32_t id, const char *label, size_t len);
static inline const char *casus_codes_text(const casus_codes *codes, uint32_t id) { return codes->text[id]; }

#endif
