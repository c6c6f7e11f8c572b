/* split.c — the public sentence splitter over the text module's rules. */
#include <stdlib.h>

#include "casus.h"
#include "text/sentences.h"

casus_status casus_split_sentences(const char *text, size_t len, casus_span **spans, size_t *count)
{
    casus_text_span *found = NULL;
    size_t n = 0;
    *spans = NULL;
    *count = 0;
    if (casus_text_sentences(text, len, &found, &n)) return CASUS_ENOMEM;
    if (n == 0) {
        free(found);
        return CASUS_OK;
    }
    casus_span *out = malloc(n * sizeof *out);
    if (!out) {
        free(found);
        return CASUS_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) out[i] = (casus_span){found[i].start, found[i].end};
    free(found);
    *spans = out;
    *count = n;
    return CASUS_OK;
}
