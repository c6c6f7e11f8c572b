/* casualties.c — killed, injured, missing and arrested counts of one sentence.

   A count is a quantity ("at least 84", "25,490", "fourteen", "scores", "a", "him") tied to a
   casualty word of one kind.  Active verbs ("killed", "killing", "shot dead", "injured") take
   the first quantity after them (up to ten words on, across commas, not past another casualty
   word or a clause opener); passive or intransitive ones ("were killed", "died", "left 10
   dead", "missing", "10 people injured in") take the nearest unclaimed quantity before them;
   "toll" takes the quantity after it, but only when no other word gave a killed count.  A
   quantity counts people only if the noun it counts is a person noun ("people", "soldiers",
   "Palestinians", "others") or there is no noun at all; dates, ages, years, money and units
   ("two explosions", "3 hours", "$5 million", "aged 77") never count.  Each quantity is used
   once, and the first count found for a kind is kept. */
#include <string.h>

#include "enrich/enrich.h"

enum { CAS_ACTIVE, CAS_PASSIVE, CAS_INTRANS, CAS_NOUN, CAS_TOLL };

typedef struct cas_trigger {
    int kind; /* casus_casualty_kind */
    int form; /* CAS_* */
    int ed;   /* an -ed form that may be a reduced relative ("10 people killed in ...") */
} cas_trigger;

/* Verb forms: -ing and base forms are active; -ed forms active unless passive by context. */
static const char *const cas_killed_ed =
    "killed|slain|slew|murdered|executed|beheaded|massacred|assassinated|slaughtered|lynched";
static const char *const cas_killed_act =
    "kill|kills|killing|slay|slays|slaying|murder|murders|murdering|execute|executes|executing|"
    "behead|beheads|beheading|massacre|massacring|assassinate|assassinating|slaughtering";
static const char *const cas_injured_ed = "injured|wounded|hurt|maimed";
static const char *const cas_injured_act =
    "injure|injures|injuring|wound|wounds|wounding|hurting|maiming";
static const char *const cas_arrested_ed = "arrested|detained|apprehended|jailed|imprisoned";
static const char *const cas_arrested_act =
    "arrest|arrests|arresting|detain|detains|detaining|apprehending|jailing";

static int cas_is_trigger(const casus_words *ws, size_t i, cas_trigger *t)
{
    if (i >= ws->n || ws->w[i].kind != CASUS_WORD_ALPHA) return 0;
    t->ed = 0;
    if (casus_words_in(ws, i, cas_killed_ed)) {
        t->kind = CASUS_KILLED, t->form = CAS_ACTIVE, t->ed = 1;
        return 1;
    }
    if (casus_words_in(ws, i, cas_killed_act)) {
        /* "the killing of", "the murder of" */
        t->kind = CASUS_KILLED;
        t->form = casus_words_is(ws, i + 1, "of") && i > 0 && casus_words_in(ws, i - 1, "the|a|his|her|their|its")
                      ? CAS_NOUN : CAS_ACTIVE;
        return 1;
    }
    if (casus_words_in(ws, i, "dead")) {
        t->kind = CASUS_KILLED;
        t->form = i > 0 && casus_words_in(ws, i - 1, "shot|shoot|shoots|shooting|stabbed|beat|beaten|hacked")
                      ? CAS_ACTIVE : CAS_INTRANS;
        return 1;
    }
    if (casus_words_in(ws, i, "died|die|dies|perished|deaths|fatalities")) {
        t->kind = CASUS_KILLED, t->form = CAS_INTRANS;
        return 1;
    }
    if (casus_words_in(ws, i, "death|assassination") && casus_words_is(ws, i + 1, "of")) {
        t->kind = CASUS_KILLED, t->form = CAS_NOUN;
        return 1;
    }
    if (casus_words_is(ws, i, "toll")) {
        t->kind = CASUS_KILLED, t->form = CAS_TOLL;
        return 1;
    }
    if (casus_words_in(ws, i, cas_injured_ed)) {
        t->kind = CASUS_INJURED, t->form = CAS_ACTIVE, t->ed = 1;
        return 1;
    }
    if (casus_words_in(ws, i, cas_injured_act)) {
        t->kind = CASUS_INJURED, t->form = CAS_ACTIVE;
        return 1;
    }
    if (casus_words_in(ws, i, "missing|unaccounted")) {
        t->kind = CASUS_MISSING, t->form = CAS_INTRANS;
        return 1;
    }
    if (casus_words_in(ws, i, cas_arrested_ed)) {
        t->kind = CASUS_ARRESTED, t->form = CAS_ACTIVE, t->ed = 1;
        return 1;
    }
    if (casus_words_in(ws, i, cas_arrested_act)) {
        t->kind = CASUS_ARRESTED;
        t->form = casus_words_is(ws, i + 1, "of") || (i > 0 && casus_words_in(ws, i - 1, "the|an|his|her|their"))
                      ? CAS_NOUN : CAS_ACTIVE;
        return 1;
    }
    return 0;
}

/* ---- person nouns ---- */

static const char *const cas_people_pl =
    "people|persons|men|women|children|kids|babies|others|civilians|soldiers|troops|policemen|"
    "policewomen|police|officers|guards|militants|fighters|rebels|insurgents|gunmen|attackers|"
    "bombers|terrorists|suspects|protesters|protestors|demonstrators|students|workers|passengers|"
    "pilgrims|worshippers|worshipers|residents|villagers|farmers|miners|journalists|reporters|"
    "hostages|prisoners|inmates|detainees|refugees|migrants|tourists|members|marines|commanders|"
    "leaders|officials|ministers|doctors|nurses|teachers|patients|victims|casualties|employees|"
    "drivers|bystanders|shoppers|commuters|tribesmen|settlers|guerrillas|extremists|jihadists|"
    "activists|opponents|supporters|colleagues|nationals|citizens|sailors|airmen|pilots|crew|"
    "personnel|staff|recruits|cadets|boys|girls|infants|teenagers|youths|adults|family|relatives|"
    "infantrymen|paratroopers|servicemen|policemen|gendarmes|peacekeepers|contractors|"
    "aid|volunteers|fishermen|sailors|crewmen|spectators|fans|mourners|guests|customers|"
    "laborers|labourers|traders|merchants|herders|monks|priests|clerics|lawmakers|politicians|"
    "militiamen|separatists|loyalists|combatants|jihadis|Marines|individuals|persons|Christians|"
    "Muslims|Jews|Hindus|Sikhs|Buddhists|Kurds|Shiites|Sunnis|Shias|Arabs|Tamils|Pashtuns|"
    "Uighurs|Uyghurs|Rohingya|Yazidis|Druze|Copts|Hutus|Tutsis";
static const char *const cas_people_sg =
    "person|man|woman|child|kid|baby|civilian|soldier|policeman|policewoman|officer|guard|"
    "militant|fighter|rebel|insurgent|gunman|attacker|bomber|terrorist|suspect|protester|"
    "protestor|demonstrator|student|worker|passenger|pilgrim|worshipper|resident|villager|"
    "farmer|miner|journalist|reporter|hostage|prisoner|inmate|detainee|refugee|migrant|tourist|"
    "member|marine|commander|leader|official|minister|doctor|nurse|teacher|patient|victim|"
    "employee|driver|bystander|shopper|commuter|tribesman|settler|guerrilla|extremist|"
    "jihadist|activist|opponent|supporter|colleague|national|citizen|sailor|airman|pilot|"
    "recruit|cadet|boy|girl|infant|teenager|youth|adult|schoolgirl|schoolboy|filmmaker|"
    "president|premier|governor|mayor|general|colonel|chief|cleric|priest|monk|lawmaker|"
    "politician|businessman|businesswoman|diplomat|envoy|ambassador|judge|lawyer|boss|"
    "militiaman|separatist|combatant|individual|serviceman|peacekeeper|contractor|volunteer|"
    "fisherman|crewman|spectator|fan|mourner|guest|trader|merchant|herder|Marine|mother|"
    "father|son|daughter|husband|wife|brother|sister|grandmother|grandfather|teen|toddler|"
    "girlfriend|boyfriend|priest|nun|bishop|imam|rabbi|photographer|cameraman|aide|guide";

/* A demonym at word i ("Palestinian", "Iraqis"): 1 singular, 2 plural, 0 none. */
static int cas_demonym(const casus_words *ws, size_t i)
{
    if (i >= ws->n || !ws->w[i].cap || ws->w[i].kind != CASUS_WORD_ALPHA) return 0;
    size_t n = ws->w[i].end - ws->w[i].start;
    const char *t = ws->text + ws->w[i].start;
    for (size_t c = 0; c < casus_countries_count(); c++) {
        const char *p = casus_countries_get(c)->demonyms;
        while (*p) {
            const char *q = strchr(p, '|');
            size_t m = q ? (size_t)(q - p) : strlen(p);
            if (m && !memchr(p, ' ', m) && !memchr(p, '.', m) && m <= n) {
                if (m == n && !strncmp(t, p, m)) return 1;
                if (m + 1 == n && !strncmp(t, p, m) && t[m] == 's') return 2;
            }
            if (!q) break;
            p = q + 1;
        }
    }
    return 0;
}

/* A plural noun that names people by its ending ("Islamists", "Christians", "workers"). */
static int cas_person_suffix(const casus_words *ws, size_t i)
{
    static const char *const ends[] = {"ists", "ians", "ers", "ors", "ees", "men", "ants"};
    size_t n = ws->w[i].end - ws->w[i].start;
    const char *t = ws->text + ws->w[i].start;
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
        size_t m = strlen(ends[k]);
        if (n > m + 2 && !strncmp(t + n - m, ends[k], m)) return 1;
    }
    return 0;
}

int casus_casualties_person_noun(const casus_words *ws, size_t i, int *plural)
{
    if (i >= ws->n || ws->w[i].kind != CASUS_WORD_ALPHA) return 0;
    if (casus_words_in(ws, i, cas_people_pl)) {
        *plural = 1;
        return 1;
    }
    if (casus_words_in(ws, i, cas_people_sg)) {
        *plural = 0;
        return 1;
    }
    int d = cas_demonym(ws, i);
    if (d) {
        *plural = d == 2;
        return 1;
    }
    if (cas_person_suffix(ws, i)) {
        *plural = 1;
        return 1;
    }
    return 0;
}

/* ---- quantities ---- */

typedef struct cas_qty {
    long n;
    int has_n;
    casus_qual qual;
    size_t first, num, last; /* qualifier start, number word, last word of the quantity */
    size_t next;             /* the word after it, where its noun starts */
} cas_qty;

static int cas_punct(const casus_words *ws, size_t i, const char *chars)
{
    return i < ws->n && ws->w[i].kind == CASUS_WORD_PUNCT && strchr(chars, ws->text[ws->w[i].start]);
}

/* Words after which a quantity has no noun of its own ("killed 14 and", "12 were"). */
static const char *const cas_no_noun =
    "and|or|in|on|at|near|when|as|after|during|including|while|were|was|are|is|have|has|had|"
    "been|who|from|across|since|by|with|but|mostly|among|overnight|so|last|this|earlier|"
    "yesterday|today|according|inside|outside|around|people|more|others|altogether|"
    "instantly|too|also|each|all|later|before|following|amid|there|reportedly|then|dead|"
    "alive|missing|so|far";

/* Lower-case words that may stand between a number and its noun. */
static const char *const cas_adjectives =
    "suspected|alleged|armed|unarmed|innocent|young|old|elderly|foreign|local|other|civilian|"
    "senior|top|security|police|army|military|government|rebel|militant|opposition|pro-government|"
    "radical|unidentified|unknown|injured|wounded|more|additional|fellow|off-duty|female|male|"
    "little|small|teenage|school|border|Islamist|UN|U.N.|NATO|special|coalition|paramilitary|"
    "peacekeeping|aid|rescue|Shiite|Sunni|Muslim|Christian|Jewish|tribal|ethnic|religious|"
    "unarmed|peaceful|anti-government|pro-democracy|student|medical|hospital|service|"
    "construction|oil|mine|factory|farm|party|camp|village|private|first|last|further|"
    "supposed|presumed|possible|several|many|his|her|their|its|the|country|'s|s|most|wanted|"
    "prominent|leading|well-known|famous|former|retired|veteran|regional|provincial|district";

static int cas_is_unit(const casus_words *ws, size_t i)
{
    return casus_words_in(ws, i,
                          "percent|per|pct|pm|am|p.m|a.m|o'clock|years|year|yrs|months|month|weeks|week|"
                          "days|day|hours|hour|minutes|minute|seconds|km|kilometres|kilometers|"
                          "miles|mile|metres|meters|m|feet|foot|ft|tons|tonnes|kg|kilograms|pounds|"
                          "dollars|euros|yuan|rupees|shekels|cents|times|degrees|acres|hectares|"
                          "billion|trillion|votes|seats|points|goals|runs|laps|mph|kph|storeys|"
                          "floors|rounds|shells|rockets|missiles|bombs|explosions|blasts|attacks|"
                          "houses|homes|buildings|vehicles|cars|trucks|buses|shops|villages|towns|"
                          "cities|countries|states|nations|districts|provinces|documents|agreements|"
                          "deals|planes|aircraft|helicopters|tanks|ships|boats|barrels|items|"
                          "cases|counts|charges|incidents|raids|strikes|airstrikes|sorties|"
                          "million|thousand|hundred|dozen|year-old|years-old");
}

/* Does the quantity ending before word k count people?  one: the count is 1 (a singular noun
   is then expected). */
static int cas_counts_people(const casus_words *ws, size_t k, int one)
{
    cas_trigger t;
    while (k < ws->n && casus_words_in(ws, k, "more|of|other"))
        k++;
    if (k >= ws->n) return 1;
    if (ws->w[k].kind == CASUS_WORD_PUNCT) return !cas_punct(ws, k, "-%$/");
    if (ws->w[k].kind == CASUS_WORD_NUM) return 0;
    if ((!ws->w[k].cap && cas_is_unit(ws, k)) || casus_words_month(ws, k)) return 0;
    for (size_t p = k; p < ws->n && p < k + 5; p++) {
        int plural;
        if (ws->w[p].kind == CASUS_WORD_PUNCT) return p > k ? 0 : 1;
        if (casus_casualties_person_noun(ws, p, &plural) && (plural || one)) {
            /* the person noun must head the phrase: "terrorist hideouts" does not count */
            size_t q = p + 1;
            if (q >= ws->n || ws->w[q].kind != CASUS_WORD_ALPHA || ws->w[q].cap ||
                casus_words_in(ws, q, cas_no_noun) || cas_is_trigger(ws, q, &t))
                return 1;
            int pl2;
            if (casus_casualties_person_noun(ws, q, &pl2)) continue;
            size_t ql = ws->w[q].end - ws->w[q].start;
            if (cas_is_unit(ws, q) || (ql > 3 && ws->text[ws->w[q].end - 1] == 's' &&
                                       !casus_words_in(ws, q, "across|towards|besides|was|has|its|this|thus|plus|his|whereas")))
                return 0; /* a person noun used as a modifier: "terrorist hideouts" */
            return 1;
        }
        if (p == k && (casus_words_in(ws, p, cas_no_noun) || cas_is_trigger(ws, p, &t))) return 1;
        if (ws->w[p].cap || casus_words_in(ws, p, cas_adjectives)) continue;
        if (cas_is_unit(ws, p)) return 0;
        size_t n = ws->w[p].end - ws->w[p].start;
        const char *s = ws->text + ws->w[p].start;
        if (n > 3 && (!strncmp(s + n - 2, "ed", 2) || !strncmp(s + n - 3, "ing", 3) ||
                      !strncmp(s + n - 2, "al", 2)))
            continue;
        return 0;
    }
    return 0;
}

/* Sets q->qual and q->first from the words before the number word q->num. */
static void cas_qualifier(const casus_words *ws, cas_qty *q)
{
    size_t i = q->num;
    q->first = i;
    if (!q->has_n) return;
    if (i >= 2) {
        size_t a = i - 2, b = i - 1;
        casus_qual qual = CASUS_QUAL_EXACT;
        int hit = 1;
        if (casus_words_is(ws, a, "at") && casus_words_is(ws, b, "least")) qual = CASUS_QUAL_AT_LEAST;
        else if (casus_words_is(ws, a, "more") && casus_words_is(ws, b, "than")) qual = CASUS_QUAL_MORE_THAN;
        else if (casus_words_is(ws, a, "upwards") && casus_words_is(ws, b, "of")) qual = CASUS_QUAL_MORE_THAN;
        else if (casus_words_is(ws, a, "up") && casus_words_is(ws, b, "to")) qual = CASUS_QUAL_UP_TO;
        else if (casus_words_is(ws, a, "at") && casus_words_is(ws, b, "most")) qual = CASUS_QUAL_UP_TO;
        else if (casus_words_in(ws, a, "less|fewer") && casus_words_is(ws, b, "than"))
            qual = i >= 3 && casus_words_is(ws, i - 3, "no") ? CASUS_QUAL_AT_LEAST : CASUS_QUAL_UP_TO;
        else if (casus_words_is(ws, a, "close") && casus_words_is(ws, b, "to")) qual = CASUS_QUAL_ALMOST;
        else if (casus_words_is(ws, a, "an") && casus_words_is(ws, b, "estimated")) qual = CASUS_QUAL_ABOUT;
        else if (casus_words_is(ws, a, "as") && casus_words_is(ws, b, "many") && casus_words_is(ws, i, "as"))
            qual = CASUS_QUAL_UP_TO;
        else hit = 0;
        if (hit) {
            q->qual = qual;
            q->first = i >= 3 && casus_words_is(ws, i - 3, "no") && qual == CASUS_QUAL_AT_LEAST ? i - 3 : a;
            return;
        }
        if (i >= 3 && casus_words_is(ws, i - 3, "as") && casus_words_is(ws, i - 2, "many") &&
            casus_words_is(ws, i - 1, "as")) {
            q->qual = CASUS_QUAL_UP_TO;
            q->first = i - 3;
            return;
        }
    }
    if (i >= 1) {
        size_t b = i - 1;
        if (casus_words_in(ws, b, "about|around|some|approximately|roughly|estimated|approx")) {
            q->qual = CASUS_QUAL_ABOUT;
            q->first = b;
        } else if (casus_words_in(ws, b, "nearly|almost")) {
            q->qual = CASUS_QUAL_ALMOST;
            q->first = b;
        } else if (casus_words_is(ws, b, "over")) {
            q->qual = CASUS_QUAL_MORE_THAN;
            q->first = b;
        }
    }
    /* "20 or more" */
    if (q->qual == CASUS_QUAL_EXACT && casus_words_is(ws, q->last + 1, "or") &&
        casus_words_is(ws, q->last + 2, "more")) {
        q->qual = CASUS_QUAL_AT_LEAST;
        q->last += 2;
        q->next = q->last + 1;
    }
}

/* A quantity whose number word is at i; 1 and *q filled when it counts people. */
static int cas_quantity(const casus_words *ws, size_t i, cas_qty *q)
{
    memset(q, 0, sizeof *q);
    q->num = i;
    q->qual = CASUS_QUAL_EXACT;
    if (i >= ws->n) return 0;
    long v;
    size_t used;
    if (casus_words_in(ws, i, "dozens|scores|hundreds|thousands|tens|millions")) {
        q->last = q->first = i;
        if (casus_words_in(ws, i, "dozens|scores")) q->qual = CASUS_QUAL_DOZENS;
        else if (casus_words_is(ws, i, "hundreds")) q->qual = CASUS_QUAL_HUNDREDS;
        else q->qual = CASUS_QUAL_THOUSANDS;
        if (casus_words_in(ws, i, "tens|hundreds") && casus_words_is(ws, i + 1, "of") &&
            casus_words_in(ws, i + 2, "thousands|millions")) {
            q->qual = CASUS_QUAL_THOUSANDS;
            q->last = i + 2;
        } else if (casus_words_is(ws, i, "tens")) {
            return 0;
        }
        q->next = q->last + 1;
        return cas_counts_people(ws, q->next, 0);
    }
    if (casus_words_in(ws, i, "a|an") && casus_words_is(ws, i + 1, "dozen")) {
        q->n = 12, q->has_n = 1, q->qual = CASUS_QUAL_ABOUT, q->last = i + 1, q->next = i + 2;
        q->first = i;
        return cas_counts_people(ws, q->next, 0);
    }
    if (!(used = casus_words_number(ws, i, &v))) return 0;
    /* money, numbers, dates, ages */
    if (i > 0 && (cas_punct(ws, i - 1, "$#") || casus_words_in(ws, i - 1, "No|number|aged|age|Nos") ||
                  casus_words_month(ws, i - 1) || (ws->w[i - 1].kind == CASUS_WORD_PUNCT &&
                                                    (unsigned char)ws->text[ws->w[i - 1].start] >= 0x80)))
        return 0;
    if (i > 1 && cas_punct(ws, i - 1, ",") && ws->w[i - 2].cap && cas_punct(ws, i + used, ","))
        return 0; /* "Tyna Webb, 77," */
    if (ws->w[i].kind == CASUS_WORD_NUM && ws->w[i].end - ws->w[i].start == 4 && v >= 1900 && v <= 2100) {
        int plural;
        if (!casus_casualties_person_noun(ws, i + used, &plural)) return 0; /* a year */
    }
    if (cas_punct(ws, i + used, "-") && cas_is_unit(ws, i + used + 1)) return 0;
    if (cas_punct(ws, i + used, ":/.") && casus_words_number(ws, i + used + 1, &v)) return 0;
    q->n = v;
    q->has_n = 1;
    q->last = i + used - 1;
    q->next = i + used;
    if (casus_words_is(ws, q->next, "dozen")) {
        q->n = v * 12;
        q->qual = CASUS_QUAL_ABOUT;
        q->last = q->next;
        q->next++;
    }
    cas_qualifier(ws, q);
    return cas_counts_people(ws, q->next, v == 1);
}

/* ---- attaching quantities to casualty words ---- */

typedef struct cas_state {
    const casus_words *ws;
    unsigned char claimed[CASUS_WORDS_MAX];
    casus_enrichment *out;
} cas_state;

static void cas_set(cas_state *st, int kind, const cas_qty *q)
{
    casus_count *c = &st->out->counts[kind];
    if (c->found) return;
    c->found = 1;
    c->has_n = q->has_n;
    c->n = q->has_n ? q->n : 0;
    c->qual = q->qual;
    c->span.start = st->ws->w[q->first].start;
    c->span.end = st->ws->w[q->last].end;
    for (size_t k = q->num; k <= q->last && k < CASUS_WORDS_MAX; k++) st->claimed[k] = 1;
}

static void cas_set_one(cas_state *st, int kind, size_t first, size_t last, long n)
{
    cas_qty q = {n, 1, CASUS_QUAL_EXACT, first, first, last, last + 1};
    cas_set(st, kind, &q);
}

/* A single person after an article or a bare title: "a Palestinian", "an elderly woman",
   "the gunman", "British hostage X"; 2 for "a couple".  Returns the last word, or 0. */
static size_t cas_single(const casus_words *ws, size_t i, int article, long *n)
{
    *n = 1;
    for (size_t p = i; p < ws->n && p < i + 5; p++) {
        int plural;
        if (ws->w[p].kind == CASUS_WORD_PUNCT && !cas_punct(ws, p, "'\xe2")) return 0;
        if (article && casus_words_is(ws, p, "couple") && !casus_words_is(ws, p + 1, "of")) {
            *n = 2;
            return p;
        }
        if (casus_casualties_person_noun(ws, p, &plural)) {
            if (plural) return 0;
            /* a demonym followed by a noun is an adjective: "a Palestinian mortar" */
            size_t q = p + 1;
            if (q < ws->n && ws->w[q].kind == CASUS_WORD_ALPHA && !ws->w[q].cap &&
                !casus_words_in(ws, q, cas_no_noun)) {
                int pl2;
                cas_trigger t;
                if ((casus_casualties_person_noun(ws, q, &pl2) && !pl2) ||
                    (article && casus_words_is(ws, q, "couple")))
                    continue;
                if (!cas_is_trigger(ws, q, &t) && !casus_words_in(ws, q, "as|who|whose|near|for|to|of"))
                    return 0;
            }
            return p;
        }
        if (casus_words_in(ws, p, "of|and|or|in|on|at|with|number|lot|few|group|series|total")) return 0;
        if (!article && !ws->w[p].cap) return 0;
    }
    return 0;
}

static int cas_stop_word(const casus_words *ws, size_t j)
{
    return casus_words_in(ws, j, "when|after|before|since|while|because|but|although|as|who|which|"
                                 "that|where|said|says|if|whose");
}

/* Active: the first quantity after the casualty word. */
static int cas_forward(cas_state *st, size_t t, int kind, size_t window)
{
    const casus_words *ws = st->ws;
    cas_trigger other;
    for (size_t j = t + 1; j < ws->n && j <= t + window; j++) {
        if (cas_punct(ws, j, ";:()\".!?")) return 0;
        if (ws->w[j].kind == CASUS_WORD_PUNCT) continue;
        if (j == t + 1 && casus_words_in(ws, j, "him|her|himself|herself")) {
            cas_set_one(st, kind, j, j, 1);
            return 1;
        }
        if (cas_is_trigger(ws, j, &other) || cas_stop_word(ws, j)) return 0;
        if (casus_words_is(ws, j, "according")) { /* "killed, according to the mayor, 11 people" */
            while (j + 1 < ws->n && !cas_punct(ws, j + 1, ",;.")) {
                j++;
                window++;
            }
            continue;
        }
        cas_qty q;
        if (!st->claimed[j] && cas_quantity(ws, j, &q)) {
            cas_set(st, kind, &q);
            return 1;
        }
        if (q.has_n || q.last > j) { /* a number that counts something else: skip it */
            j = q.last > j ? q.last : j;
            continue;
        }
        long n;
        size_t last;
        if (casus_words_in(ws, j, "a|an|the|one") && (last = cas_single(ws, j + 1, 1, &n))) {
            cas_set_one(st, kind, j, last, n);
            return 1;
        }
        if (ws->w[j].cap && j <= t + 2 && (last = cas_single(ws, j, 0, &n))) {
            cas_set_one(st, kind, j, last, n);
            return 1;
        }
        int plural;
        if (casus_casualties_person_noun(ws, j, &plural) && plural && !ws->w[j].cap) return 0;
    }
    return 0;
}

/* Passive or intransitive: the nearest unclaimed quantity before the casualty word. */
static int cas_backward(cas_state *st, size_t t, int kind)
{
    const casus_words *ws = st->ws;
    cas_trigger other;
    size_t lo = t > 15 ? t - 15 : 0;
    for (size_t j = t; j-- > lo;) {
        if (cas_punct(ws, j, ";:()\".!?")) return 0;
        if (ws->w[j].kind == CASUS_WORD_PUNCT) continue;
        if (cas_is_trigger(ws, j, &other) && j + 1 != t) return 0;
        cas_qty q;
        if (!st->claimed[j] && cas_quantity(ws, j, &q) && q.last < t) {
            /* "including two officers", "most of them children": a part, not the count */
            if (q.first > 0 && casus_words_in(ws, q.first - 1, "including|among|of|mostly|them|excluding"))
                continue;
            cas_set(st, kind, &q);
            return 1;
        }
    }
    return 0;
}

static int cas_passive_context(const casus_words *ws, size_t t)
{
    for (size_t k = t, steps = 0; k-- > 0 && steps < 4; steps++) {
        if (casus_words_in(ws, k, "was|were|been|being|is|are|be|got|get|gets|getting|remain|remained|remains"))
            return 1;
        if (!casus_words_in(ws, k, "also|reportedly|allegedly|all|later|subsequently|not|never|just|"
                                   "already|both|mostly|apparently|critically|seriously|severely|"
                                   "slightly|badly|fatally|lightly|fatally|mortally|being|either"))
            return 0;
    }
    return 0;
}

/* Words after an -ed form that show it has no object ("10 people killed in", "killed ,"). */
static int cas_no_object(const casus_words *ws, size_t t)
{
    size_t k = t + 1;
    if (k >= ws->n || ws->w[k].kind == CASUS_WORD_PUNCT) return 1;
    if (casus_words_weekday(ws, k) >= 0) return 1;
    return casus_words_in(ws, k, "in|on|at|by|during|when|after|as|and|since|near|while|overnight|"
                                 "yesterday|today|recently|so|last|this|earlier|including|"
                                 "from|outside|inside|across|early|late|or|were|was");
}

void casus_casualties_find(const casus_words *ws, casus_enrichment *out)
{
    cas_state st;
    memset(&st, 0, sizeof st);
    st.ws = ws;
    st.out = out;
    memset(out->counts, 0, sizeof out->counts);
    size_t tolls[CASUS_WORDS_MAX];
    size_t ntolls = 0;
    for (size_t i = 0; i < ws->n; i++) {
        cas_trigger t;
        if (!cas_is_trigger(ws, i, &t)) continue;
        if (out->counts[t.kind].found) continue;
        switch (t.form) {
        case CAS_TOLL:
            tolls[ntolls++] = i;
            break;
        case CAS_NOUN:
            cas_forward(&st, i, t.kind, 10);
            break;
        case CAS_INTRANS:
            cas_backward(&st, i, t.kind);
            break;
        case CAS_ACTIVE:
            if (t.ed && cas_passive_context(ws, i)) {
                cas_backward(&st, i, t.kind);
                break;
            }
            if (cas_forward(&st, i, t.kind, 10)) break;
            if (t.ed && cas_no_object(ws, i)) cas_backward(&st, i, t.kind);
            break;
        }
    }
    for (size_t k = 0; k < ntolls && !out->counts[CASUS_KILLED].found; k++)
        cas_forward(&st, tolls[k], CASUS_KILLED, 8);
}
