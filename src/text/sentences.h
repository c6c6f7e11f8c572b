/* sentences.h — split news text into sentences, as byte spans into the original UTF-8 text. */
#ifndef CASUS_TEXT_SENTENCES_H
#define CASUS_TEXT_SENTENCES_H

#include <stddef.h>

typedef struct casus_text_span {
    size_t start; /* byte offset of the first byte */
    size_t end;   /* byte offset one past the last byte */
} casus_text_span;

/* Splits text[0..len) into sentences.  Spans exclude surrounding white space and never overlap;
   an empty or all-blank text gives no sentences.  On success *out is a malloc'ed array owned by
   the caller (free it), *count its length; returns 0.  Returns -1 when memory runs out, leaving
   *out NULL and *count 0. */
int casus_text_sentences(const char *text, size_t len, casus_text_span **out, size_t *count);

#endif
