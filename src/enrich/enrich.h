/* enrich.h — internals shared by the enrichment modules: a word tokenizer over one sentence,
   the country table, and the three analysers (dates, casualties, places). */
#ifndef CASUS_ENRICH_H
#define CASUS_ENRICH_H

#include <stddef.h>

#include "casus.h"

/* ---- words.c: a small tokenizer that keeps byte spans ---- */

enum { CASUS_WORD_ALPHA = 1, CASUS_WORD_NUM = 2, CASUS_WORD_PUNCT = 3 };

typedef struct casus_word {
    size_t start, end; /* byte span in the sentence */
    int kind;          /* CASUS_WORD_* */
    int cap;           /* first byte is an upper-case ASCII letter */
} casus_word;

#define CASUS_WORDS_MAX 512 /* words beyond this are not analysed */

typedef struct casus_words {
    const char *text;
    size_t len;
    size_t n;
    casus_word w[CASUS_WORDS_MAX];
} casus_words;

void casus_words_split(casus_words *ws, const char *text, size_t len);
/* Does word i equal s, ignoring ASCII case?  False when i is out of range. */
int casus_words_is(const casus_words *ws, size_t i, const char *s);
/* Does word i equal one of the '|'-separated alternatives of list, ignoring case? */
int casus_words_in(const casus_words *ws, size_t i, const char *list);
/* Copies word i, lower-cased, into buf (size n); returns buf. */
char *casus_words_lower(const casus_words *ws, size_t i, char *buf, size_t n);
/* Parses a number word sequence or digits at word i ("25,490", "fourteen", "twenty-five",
   "three hundred", "1.2 million").  Returns the count of words used (0 if none), value in *v. */
size_t casus_words_number(const casus_words *ws, size_t i, long *v);
/* A weekday name (full or abbreviated) at word i: 0 = Monday .. 6 = Sunday, or -1. */
int casus_words_weekday(const casus_words *ws, size_t i);
/* A month name (full or abbreviated) at word i: 1..12, or 0. */
int casus_words_month(const casus_words *ws, size_t i);

/* ---- countries.c: our country table ---- */

typedef struct casus_country {
    const char *iso3, *iso2;
    const char *name;      /* English short name */
    const char *aliases;   /* other names, '|'-separated ("" when none) */
    const char *demonyms;  /* adjectives / demonyms, '|'-separated; plural "+s" is implied */
    const char *capital;
    double lat, lon;       /* the capital */
} casus_country;

size_t casus_countries_count(void);
const casus_country *casus_countries_get(size_t index);
/* By ISO alpha-3 or alpha-2 code (case-insensitive); NULL if unknown. */
const casus_country *casus_countries_by_code(const char *code);

/* ---- regions.c: places that are not cities or countries (territories, provinces, states) ---- */

typedef struct casus_region {
    const char *name;    /* as written in news */
    const char *aliases; /* '|'-separated, "" when none */
    const char *iso3;
    double lat, lon;
} casus_region;

size_t casus_regions_count(void);
const casus_region *casus_regions_get(size_t index);

/* ---- the analysers ---- */

/* dates.c: fills out->date, out->date_span, out->has_date. */
void casus_dates_find(const casus_words *ws, int article_date, casus_enrichment *out);
/* Date arithmetic on YYYYMMDD values (0 stays 0). */
int casus_dates_add_days(int yyyymmdd, long days);
int casus_dates_weekday(int yyyymmdd); /* 0 = Monday */

/* casualties.c: fills out->counts. */
void casus_casualties_find(const casus_words *ws, casus_enrichment *out);

/* places.c: fills out->place. gaz may be NULL (countries and regions only). */
void casus_places_find(const casus_gazetteer *gaz, const casus_words *ws, const char *const *hints,
                       size_t nhints, casus_enrichment *out);

/* True when word i starts a person noun ("people", "soldiers", "Palestinians"); *plural set. */
int casus_casualties_person_noun(const casus_words *ws, size_t i, int *plural);

#endif
