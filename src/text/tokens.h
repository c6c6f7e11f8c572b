/* tokens.h — split news English into word tokens, as byte spans into the original UTF-8 text. */
#ifndef CASUS_TEXT_TOKENS_H
#define CASUS_TEXT_TOKENS_H

#include <stddef.h>

typedef struct casus_text_token {
    size_t start; /* byte offset of the first byte */
    size_t end;   /* byte offset one past the last byte */
} casus_text_token;

/* Splits text[0..len) into tokens following the conventions of the English Web Treebank:
   clitics split off ("Iran" "'s", "do" "n't"), punctuation, quotes, dashes and hyphens between
   word parts are tokens of their own, currency signs come off numbers ("$" "50") while numbers
   keep their commas and points ("25,490", "3.5"), abbreviations and initials keep their full
   stop ("U.S.", "Gen.", "E.").  Tokens never overlap and never contain white space.  On success
   *out is a malloc'ed array owned by the caller (free it), *count its length; returns 0.  Returns
   -1 when memory runs out, leaving *out NULL and *count 0. */
int casus_text_tokens(const char *text, size_t len, casus_text_token **out, size_t *count);

/* Non-zero when the word text[0..len) (without its full stop) is a known abbreviation or an
   initial, after which a full stop belongs to the word. */
int casus_text_is_abbreviation(const char *word, size_t len);

#endif
