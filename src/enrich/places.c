/* places.c — where the event of a sentence happened, and the gazetteer it is looked up in.

   The gazetteer indexes libgeonames' city table (cities of 15,000 people or more: name, country,
   coordinates, population) by a folded key (lower case, accents stripped, "St." read as
   "Saint").  Countries (names, aliases, demonyms) and regions come from casus's own tables.

   Each place name in the sentence is scored by its context, best first:
     "the Iranian city of Kerman" (city/town/province ... of X)                    4
     "in Moscow", "in besieged Gaza", "in the Gaza Strip" (in/at/near/inside ...)  3.5
     "Moscow, Russia" (a city confirmed by its country)                            3
     a dateline ("ISLAMABAD:", "MANNHEIM, Germany --"), "to X"                     2
     a country or region named anywhere ("China has warned ...", "Darfur")         1.5
     a big city named anywhere (300,000 people or more: "Tokyo stocks")            1.25
     a demonym ("Libyan leader")                                                   1
   with a small bonus in the strong contexts for the more specific kind (city, then region,
   then country); ties go to the earlier name.  A name shared by several places ("St. Petersburg", "Moscow") is resolved by
   the country named with it ("the Russian city of"), then countries named elsewhere in the
   sentence, then the caller's hints, then countries over regions over cities, then population.
   Bare city names must make up a whole run of capitalised words, so "Marion Jones" is not Marion. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <geonames.h>

#include "enrich/enrich.h"

typedef struct gaz_city {
    const char *key;  /* into keys */
    const char *name; /* into names */
    char iso3[4];
    float lat, lon;
    unsigned pop;
} gaz_city;

struct casus_gazetteer {
    gaz_city *cities;
    size_t n;
    char *pool; /* keys and names */
    /* every country, region and demonym name, lower-cased, to the first table entry it names:
       the per-phrase lookups are then one probe instead of a scan of the tables */
    struct places_name {
        uint64_t hash;
        int country, region, demonym; /* table indexes, -1 for none */
    } *names;
    size_t nslots;
};

static uint64_t places_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
        h = (h ^ (unsigned char)c) * 1099511628211ull;
    }
    return h | 1; /* 0 marks an empty slot */
}

static struct places_name *places_slot(const casus_gazetteer *g, uint64_t h)
{
    size_t i = (size_t)(h >> 7) & (g->nslots - 1);
    while (g->names[i].hash && g->names[i].hash != h) i = (i + 1) & (g->nslots - 1);
    return &g->names[i];
}

/* Indexes every '|'-separated name of names under kind (0 country, 1 region, 2 demonym). */
static void places_index(casus_gazetteer *g, const char *names, int kind, int index)
{
    for (const char *p = names; p && *p;) {
        const char *e = p;
        while (*e && *e != '|') e++;
        if (e > p) {
            uint64_t h = places_hash(p, (size_t)(e - p));
            struct places_name *n = places_slot(g, h);
            if (!n->hash) {
                n->hash = h;
                n->country = n->region = n->demonym = -1;
            }
            int *at = kind == 0 ? &n->country : kind == 1 ? &n->region : &n->demonym;
            if (*at < 0 || index < *at) *at = index;
        }
        p = *e ? e + 1 : e;
    }
}

/* The index entry of a folded phrase, or NULL (also when there is no gazetteer). */
static const struct places_name *places_lookup(const casus_gazetteer *g, const char *folded)
{
    if (!g || !g->names) return NULL;
    const struct places_name *e = places_slot(g, places_hash(folded, strlen(folded)));
    return e->hash ? e : NULL;
}

/* Folds s[0..len) into out (size cap): lower case, accents stripped, runs of spaces as one,
   curly apostrophes as "'", a leading "st." or "st" word as "saint".  Returns the length. */
static size_t places_fold(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    int space = 0;
    if (cap == 0) return 0;
    while (i < len && o + 8 < cap) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t got = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (got <= 0) {
            i++;
            continue;
        }
        i += (size_t)got;
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
            space = o > 0;
            continue;
        }
        if (space) out[o++] = ' ';
        space = 0;
        if (cp == 0x2019 || cp == 0x2018) cp = '\'';
        if (cp < 0x80) {
            out[o++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
            continue;
        }
        utf8proc_int32_t dec[8];
        int last = 0;
        utf8proc_ssize_t nd = utf8proc_decompose_char(cp, dec, 8,
                                                      UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, &last);
        if (nd <= 0 || nd > 8) continue;
        for (utf8proc_ssize_t k = 0; k < nd && o + 5 < cap; k++)
            o += (size_t)utf8proc_encode_char(dec[k], (utf8proc_uint8_t *)out + o);
    }
    out[o] = '\0';
    if ((o >= 4 && !strncmp(out, "st. ", 4)) || (o >= 3 && !strncmp(out, "st ", 3))) {
        size_t skip = out[2] == '.' ? 4 : 3;
        if (o - skip + 6 < cap) {
            memmove(out + 6, out + skip, o - skip + 1);
            memcpy(out, "saint ", 6);
            o = o - skip + 6;
        }
    }
    return o;
}

static int places_city_cmp(const void *a, const void *b)
{
    const gaz_city *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    return x->pop < y->pop ? 1 : x->pop > y->pop ? -1 : 0;
}

static const casus_country *places_country_iso2(const char *iso2)
{
    if (!strcmp(iso2, "HK") || !strcmp(iso2, "MO")) return casus_countries_by_code("CHN");
    return casus_countries_by_code(iso2);
}

casus_status casus_gazetteer_open(casus_gazetteer **out)
{
    *out = NULL;
    casus_gazetteer *g = calloc(1, sizeof *g);
    if (!g) return CASUS_ENOMEM;
    g->nslots = 1;
    while (g->nslots < 16 * (casus_countries_count() + casus_regions_count()) * 4) g->nslots *= 2;
    g->names = calloc(g->nslots, sizeof *g->names);
    if (!g->names) {
        free(g);
        return CASUS_ENOMEM;
    }
    for (size_t i = 0; i < casus_countries_count(); i++) {
        const casus_country *c = casus_countries_get(i);
        places_index(g, c->name, 0, (int)i);
        places_index(g, c->aliases, 0, (int)i);
        places_index(g, c->demonyms, 2, (int)i);
    }
    for (size_t i = 0; i < casus_regions_count(); i++) {
        const casus_region *r = casus_regions_get(i);
        places_index(g, r->name, 1, (int)i);
        places_index(g, r->aliases, 1, (int)i);
    }
    int total = geonames_get_n_cities();
    size_t n = total > 0 ? (size_t)total : 0, cap = 1 << 20, used = 0;
    g->cities = n ? malloc(n * sizeof *g->cities) : NULL;
    char *pool = malloc(cap);
    /* offsets first; pointers are fixed once the pool stops moving */
    size_t *koff = n ? malloc(n * 2 * sizeof *koff) : NULL;
    if ((n && (!g->cities || !koff)) || !pool) goto fail;
    for (size_t i = 0; i < n; i++) {
        GeonamesCity *c = geonames_get_city((gint)i);
        if (!c) continue;
        const char *name = geonames_city_get_name(c);
        const char *cc = geonames_city_get_country_code(c);
        const casus_country *country = cc ? places_country_iso2(cc) : NULL;
        if (!name || !country) {
            geonames_city_free(c);
            continue;
        }
        size_t nl = strlen(name);
        if (used + 2 * nl + 64 > cap) {
            char *grown = realloc(pool, cap * 2);
            if (!grown) {
                geonames_city_free(c);
                goto fail;
            }
            pool = grown;
            cap *= 2;
        }
        gaz_city *e = &g->cities[g->n];
        koff[2 * g->n] = used;
        used += places_fold(name, nl, pool + used, nl * 2 + 32) + 1;
        koff[2 * g->n + 1] = used;
        memcpy(pool + used, name, nl + 1);
        used += nl + 1;
        memcpy(e->iso3, country->iso3, 4);
        e->lat = (float)geonames_city_get_latitude(c);
        e->lon = (float)geonames_city_get_longitude(c);
        e->pop = geonames_city_get_population(c);
        g->n++;
        geonames_city_free(c);
    }
    g->pool = pool;
    for (size_t i = 0; i < g->n; i++) {
        g->cities[i].key = pool + koff[2 * i];
        g->cities[i].name = pool + koff[2 * i + 1];
    }
    free(koff);
    if (g->n) qsort(g->cities, g->n, sizeof *g->cities, places_city_cmp);
    *out = g;
    return CASUS_OK;
fail:
    free(koff);
    free(pool);
    free(g->cities);
    free(g);
    return CASUS_ENOMEM;
}

void casus_gazetteer_free(casus_gazetteer *gaz)
{
    if (!gaz) return;
    free(gaz->cities);
    free(gaz->pool);
    free(gaz->names);
    free(gaz);
}

size_t casus_gazetteer_size(const casus_gazetteer *gaz)
{
    return (gaz ? gaz->n : 0) + casus_countries_count() + casus_regions_count();
}

/* The first city whose key is key, or n. */
static size_t places_city_first(const casus_gazetteer *g, const char *key)
{
    size_t lo = 0, hi = g->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(g->cities[mid].key, key) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo < g->n && !strcmp(g->cities[lo].key, key) ? lo : g->n;
}

/* ---- finding place names in a sentence ---- */

enum { PL_COUNTRY, PL_REGION, PL_CITY, PL_DEMONYM };

typedef struct pl_cand {
    size_t first, last; /* words */
    double score;
    int kind;
    const casus_country *country; /* PL_COUNTRY, PL_DEMONYM */
    const casus_region *region;   /* PL_REGION */
    size_t city;                  /* PL_CITY: first index of the key in the gazetteer */
    const casus_country *of_adj;  /* "the Iranian city of": the country named with it */
    int incidental;               /* a country named with no word that makes it a place */
} pl_cand;

#define PL_MAX 48

/* Does the folded phrase equal one of the '|'-separated names?  Names written all in capitals
   ("US", "UK") only match text written the same way. */
/* Is folded (lower case) one of the '|'-separated names?  Names in capitals ("US") must also
   stand in capitals in the text unless they are long.  Called for every candidate phrase against
   every table entry, so it compares a first letter before anything else. */
static int places_names_match(const char *names, const char *folded, const char *raw, size_t rawlen)
{
    char first = folded[0];
    if (!first) return 0;
    const char *p = names;
    while (*p) {
        char c0 = *p >= 'A' && *p <= 'Z' ? (char)(*p + 32) : *p;
        if (c0 == first) {
            size_t k = 0;
            int upper = 1;
            while (p[k] && p[k] != '|') {
                char c = p[k], f = folded[k];
                if (c >= 'a' && c <= 'z') upper = 0;
                if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != f) break;
                k++;
            }
            if ((!p[k] || p[k] == '|') && !folded[k] && (!upper || k > 5 || (rawlen == k && !strncmp(raw, p, k))))
                return 1;
        }
        while (*p && *p != '|') p++;
        if (*p == '|') p++;
    }
    return 0;
}

static const casus_country *places_country_named(const casus_gazetteer *g, const char *folded, const char *raw,
                                                  size_t rawlen)
{
    const struct places_name *e = places_lookup(g, folded);
    if (g && e && e->country >= 0) {
        const casus_country *c = casus_countries_get((size_t)e->country);
        if (places_names_match(c->name, folded, raw, rawlen) || places_names_match(c->aliases, folded, raw, rawlen))
            return c;
    }
    if (!g || (e && e->country >= 0)) /* no index, or the indexed name failed its case rule: scan */
        for (size_t i = 0; i < casus_countries_count(); i++) {
            const casus_country *c = casus_countries_get(i);
            if (places_names_match(c->name, folded, raw, rawlen) || places_names_match(c->aliases, folded, raw, rawlen))
                return c;
        }
    /* "the Netherlands", "the Bahamas" */
    if (!strncmp(folded, "the ", 4)) return places_country_named(g, folded + 4, raw + 4, rawlen > 4 ? rawlen - 4 : 0);
    return NULL;
}

static const casus_country *places_demonym(const casus_gazetteer *g, const char *folded, const char *raw, size_t rawlen)
{
    size_t n = strlen(folded);
    char tmp[64];
    int plural = n > 2 && folded[n - 1] == 's' && n - 1 < sizeof tmp;
    if (plural) {
        memcpy(tmp, folded, n - 1);
        tmp[n - 1] = '\0';
    }
    if (g) { /* only entries the index names can match */
        const struct places_name *e1 = places_lookup(g, folded), *e2 = plural ? places_lookup(g, tmp) : NULL;
        int i1 = e1 ? e1->demonym : -1, i2 = e2 ? e2->demonym : -1;
        if (i1 < 0 && i2 < 0) return NULL;
    }
    for (size_t i = 0; i < casus_countries_count(); i++) {
        const casus_country *c = casus_countries_get(i);
        if (places_names_match(c->demonyms, folded, raw, rawlen)) return c;
        if (plural && places_names_match(c->demonyms, tmp, raw, rawlen - 1)) return c;
    }
    return NULL;
}

static const casus_region *places_region_named(const casus_gazetteer *g, const char *folded, const char *raw,
                                               size_t rawlen)
{
    if (g) {
        const struct places_name *e = places_lookup(g, folded);
        if (!e || e->region < 0) return NULL;
    }
    for (size_t i = 0; i < casus_regions_count(); i++) {
        const casus_region *r = casus_regions_get(i);
        if (places_names_match(r->name, folded, raw, rawlen) || places_names_match(r->aliases, folded, raw, rawlen))
            return r;
    }
    return NULL;
}

static int places_is(const casus_words *ws, size_t i, char c)
{
    return i < ws->n && ws->w[i].kind == CASUS_WORD_PUNCT && ws->text[ws->w[i].start] == c;
}

/* May word i continue a capitalised name ("Bosnia and Herzegovina", "St. Petersburg")? */
static int places_name_word(const casus_words *ws, size_t i, size_t first)
{
    if (i >= ws->n) return 0;
    if (ws->w[i].kind == CASUS_WORD_ALPHA && ws->w[i].cap)
        return casus_words_weekday(ws, i) < 0 && casus_words_month(ws, i) == 0 &&
               !casus_words_in(ws, i, "the|a|an|in|on|at|for|and|but|during|after|before|when|while|"
                                      "his|her|its|their|this|that|these|those|it|he|she|they|we|i|"
                                      "of|to|from|with|by|as|if|so|some|many|most|all|officials|police");
    if (i > first && places_is(ws, i, '.') && ws->w[i].start == ws->w[i - 1].end) return 1;
    if (i > first && casus_words_in(ws, i, "of|and|the|al|de|du|la|le|el|au"))
        return places_name_word(ws, i + 1, first) && ws->w[i + 1].kind == CASUS_WORD_ALPHA;
    return 0;
}

/* The words before a name that make it the place of the event. */
static double places_context(const casus_gazetteer *g, const casus_words *ws, size_t i, const casus_country **of_adj)
{
    *of_adj = NULL;
    if (i == 0) return 0;
    size_t k = i - 1;
    /* "the Iranian city of Kerman", "the northern town of X", "Kerman province" handled as name */
    if (casus_words_is(ws, k, "of") && k > 0 &&
        casus_words_in(ws, k - 1, "city|town|village|capital|port|province|region|district|state|"
                                  "governorate|county|island|suburb|outskirts|area|neighbourhood|"
                                  "neighborhood|enclave|territory|border|camp|streets|heart|centre|center|isle|islands")) {
        if (k >= 2 && ws->w[k - 2].cap) {
            char buf[64], raw[64];
            size_t rl = ws->w[k - 2].end - ws->w[k - 2].start;
            if (rl < sizeof raw) {
                memcpy(raw, ws->text + ws->w[k - 2].start, rl);
                raw[rl] = '\0';
                places_fold(raw, rl, buf, sizeof buf);
                *of_adj = places_demonym(g, buf, raw, rl);
                if (!*of_adj) *of_adj = places_country_named(g, buf, raw, rl);
            }
        }
        return 4;
    }
    size_t skipped = 0;
    while (k > 0 && skipped < 3) {
        size_t wl = ws->w[k].end - ws->w[k].start;
        const char *t = ws->text + ws->w[k].start;
        int adj = ws->w[k].kind == CASUS_WORD_ALPHA && !ws->w[k].cap &&
                  (casus_words_in(ws, k, "the|a|southern|northern|eastern|western|central|north|south|east|"
                                         "west|northeast|northwest|southeast|southwest|besieged|occupied|"
                                         "war-torn|troubled|restive|neighbouring|neighboring|remote|rural|"
                                         "downtown|mainland|rebel-held|volatile|strife-torn|impoverished|"
                                         "violence-wracked|capital|coastal|far|deep|northernmost|southernmost") ||
                   (wl > 5 && (!strncmp(t + wl - 5, "-held", 5) || !strncmp(t + wl - 5, "-torn", 5))));
        if (!adj) break;
        k--;
        skipped++;
    }
    if (casus_words_in(ws, k, "in|at|near|inside|outside|into|across|throughout|within|around|"
                              "outskirts|off|over|onto|towards|toward"))
        return 3.5;
    if (casus_words_in(ws, k, "to")) return 2;
    if (casus_words_in(ws, k, "from")) return 1.6;
    return 0;
}

static int places_hinted(const char *iso3, const char *const *hints, size_t nhints)
{
    for (size_t k = 0; k < nhints; k++)
        if (hints[k] && !strcmp(hints[k], iso3)) return 1;
    return 0;
}

void casus_places_find(const casus_gazetteer *gaz, const casus_words *ws, const char *const *hints,
                       size_t nhints, casus_enrichment *out)
{
    memset(&out->place, 0, sizeof out->place);
    pl_cand cands[PL_MAX];
    size_t nc = 0;
    char raw[160], folded[320];
    for (size_t i = 0; i < ws->n && nc < PL_MAX; i++) {
        if (!places_name_word(ws, i, i)) continue;
        /* the run of capitalised words starting here */
        size_t run_end = i;
        while (run_end + 1 < ws->n && run_end < i + 6 && places_name_word(ws, run_end + 1, i)) run_end++;
        int run_start = i == 0 || !places_name_word(ws, i - 1, i - 1) || places_is(ws, i - 1, '.');
        pl_cand best = {0, 0, 0, -1, NULL, NULL, 0, NULL, 0};
        for (size_t j = run_end + 1; j-- > i;) {
            size_t rl = ws->w[j].end - ws->w[i].start;
            if (rl >= sizeof raw) continue;
            memcpy(raw, ws->text + ws->w[i].start, rl);
            raw[rl] = '\0';
            places_fold(raw, rl, folded, sizeof folded);
            pl_cand c = {i, j, 0, -1, NULL, NULL, 0, NULL, 0};
            if ((c.country = places_country_named(gaz, folded, raw, rl))) c.kind = PL_COUNTRY;
            else if ((c.region = places_region_named(gaz, folded, raw, rl))) c.kind = PL_REGION;
            else if (gaz && (c.city = places_city_first(gaz, folded)) < gaz->n) c.kind = PL_CITY;
            else if (j == i && (c.country = places_demonym(gaz, folded, raw, rl))) c.kind = PL_DEMONYM;
            if (c.kind < 0) continue;
            /* "the Tel Aviv regime", "Kabul authorities": a government named by its seat */
            if (casus_words_in(ws, j + 1, "regime|government|authorities|administration|leadership|officials|cabinet"))
                break;
            const casus_country *adj;
            double ctx = places_context(gaz, ws, i, &adj);
            c.of_adj = adj;
            int whole = run_start && j == run_end;
            int dateline = i == 0 && (places_is(ws, j + 1, ',') || places_is(ws, j + 1, ':') ||
                                      places_is(ws, j + 1, '(') || places_is(ws, j + 1, '-'));
            c.incidental = (c.kind == PL_DEMONYM || c.kind == PL_COUNTRY) && ctx <= 0 && !dateline;
            if (c.kind == PL_DEMONYM) {
                c.score = 1;
            } else {
                double spec = c.kind == PL_CITY ? 0.1 : c.kind == PL_REGION ? 0.05 : 0;
                double base = c.kind == PL_COUNTRY || c.kind == PL_REGION ? 1.5 : 0;
                if (c.kind == PL_CITY && whole && gaz->cities[c.city].pop >= 300000) base = 1.25;
                if (dateline && base < 2) base = 2;
                if (c.kind == PL_CITY && places_is(ws, j + 1, ',')) {
                    /* "Baghdad, Iraq": keep the city of that country */
                    size_t rl2 = 0;
                    size_t k = j + 2;
                    if (k < ws->n && ws->w[k].cap) {
                        size_t ke = k;
                        while (ke + 1 < ws->n && places_name_word(ws, ke + 1, k)) ke++;
                        rl2 = ws->w[ke].end - ws->w[k].start;
                        char r2[96], f2[192];
                        if (rl2 < sizeof r2) {
                            memcpy(r2, ws->text + ws->w[k].start, rl2);
                            r2[rl2] = '\0';
                            places_fold(r2, rl2, f2, sizeof f2);
                            const casus_country *cc = places_country_named(gaz, f2, r2, rl2);
                            const casus_region *rr = cc ? NULL : places_region_named(gaz, f2, r2, rl2);
                            const char *iso = cc ? cc->iso3 : rr ? rr->iso3 : NULL;
                            for (size_t x = c.city; iso && x < gaz->n && !strcmp(gaz->cities[x].key, folded); x++)
                                if (!strcmp(gaz->cities[x].iso3, iso)) {
                                    c.of_adj = cc ? cc : casus_countries_by_code(iso);
                                    if (base < 3) base = 3;
                                    break;
                                }
                        }
                    }
                }
                if (ctx > 0 && (c.kind != PL_CITY || ctx >= 2 || base > 0)) base = ctx > base ? ctx : base;
                if (base <= 0) continue; /* a small city named in passing: too often a person */
                c.score = base + (base >= 2 ? spec : 0);
            }
            best = c;
            break; /* the longest name starting here */
        }
        if (best.kind < 0) continue;
        cands[nc++] = best;
        i = best.last;
    }
    if (!nc) return;
    /* countries the sentence names, for resolving shared names */
    const char *named[PL_MAX];
    size_t nnamed = 0;
    for (size_t k = 0; k < nc; k++) {
        if (cands[k].country) named[nnamed++] = cands[k].country->iso3;
        else if (cands[k].region) named[nnamed++] = cands[k].region->iso3;
    }
    size_t bi = 0;
    for (size_t k = 1; k < nc; k++)
        if (cands[k].score > cands[bi].score) bi = k;
    const pl_cand *b = &cands[bi];
    casus_place *p = &out->place;
    p->found = 1;
    p->span.start = ws->w[b->first].start;
    p->span.end = ws->w[b->last].end;
    const char *name = NULL, *iso = NULL;
    double lat = 0, lon = 0;
    p->incidental = b->incidental;
    if (b->kind == PL_COUNTRY || b->kind == PL_DEMONYM) {
        name = b->country->name, iso = b->country->iso3, lat = b->country->lat, lon = b->country->lon;
    } else if (b->kind == PL_REGION) {
        name = b->region->name, iso = b->region->iso3, lat = b->region->lat, lon = b->region->lon;
    } else {
        size_t pick = b->city;
        long best_rank = -1;
        for (size_t x = b->city; x < gaz->n && !strcmp(gaz->cities[x].key, gaz->cities[b->city].key); x++) {
            const gaz_city *e = &gaz->cities[x];
            long rank = 0;
            if (b->of_adj && !strcmp(b->of_adj->iso3, e->iso3)) rank += 8;
            if (places_hinted(e->iso3, named, nnamed)) rank += 4;
            if (places_hinted(e->iso3, hints, nhints)) rank += 2;
            if (rank > best_rank) {
                best_rank = rank;
                pick = x;
            }
        }
        const gaz_city *e = &gaz->cities[pick];
        name = e->name, iso = e->iso3, lat = e->lat, lon = e->lon;
    }
    size_t nl = strlen(name);
    if (nl >= sizeof p->name) nl = sizeof p->name - 1;
    memcpy(p->name, name, nl);
    p->name[nl] = '\0';
    memcpy(p->country, iso, 4);
    p->lat = lat;
    p->lon = lon;
}
