/* options.h — the coding options of a TABARI .options file, as one plain struct. */
#ifndef CASUS_DICT_OPTIONS_H
#define CASUS_DICT_OPTIONS_H

enum casus_code_by { CASUS_CODE_BY_CLAUSE, CASUS_CODE_BY_SENTENCE, CASUS_CODE_ALL };

/* COMPLEX: conditions that make a text too complex to code. */
enum {
    CASUS_CPLX_NOACTPRIOR = 1u << 0,
    CASUS_CPLX_NOACTAFTER = 1u << 1,
    CASUS_CPLX_NOVERB = 1u << 2,
    CASUS_CPLX_NOSOURCE = 1u << 3,
    CASUS_CPLX_NOTARGET = 1u << 4,
    CASUS_CPLX_NOEVENT = 1u << 5,
};

typedef struct casus_options {
    int code_by;
    int cplx_verbs, cplx_actors, cplx_pronouns, cplx_conj, cplx_comma, cplx_lateverb;
    unsigned cplx_flags;
    int default_source, default_target; /* is a default set? */
    int default_prior, default_after;
    char default_source_code[32], default_target_code[32];
    int comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax;
    int min_words;
    int time_shift;     /* -1: on when the verbs file has <TIME> phrases */
    int convert_agents; /* 1: a lone agent becomes an actor with its agent code (TABARI);
                           2: ... joined to the country of the nearest actor in the text */
    int four_digit_years;
    int locative;       /* casus: after IN, a capital is its country, not its government */
    char speech[480];    /* SPEECH: verb roots that report what was said (" SAY_ TELL_ "): those
                            REPORTED SPEECH splits at; empty: any verb that codes nothing */
    char stative[480];   /* STATIVE: verb roots whose participle after BE is a state, not a passive
                            ("is concerned", "was prepared to") */
    int passives;        /* casus: "X was accused", "X has been arrested": X is the target and,
                            with no BY, the source is not named */
    int reduced_passives; /* casus: "14 militants killed in Gaza": a participle right after the
                             actor it happened to, with no BE, is passive too */
    char intransitive[480]; /* INTRANSITIVE: verb roots whose past tense takes no object
                               ("rebels retreated from", "protesters rallied in") */
    int english_endings; /* casus: a verb's regular ES only after S X Z H O ("planes" is no PLAN_) */
    int subordinate_clauses; /* casus: "... if rebels withdraw": a subject after a subordinating
                                conjunction; "the envoy, who urged": a relative's antecedent */
    int agent_replaces_role; /* casus: a country's role gives way to an agent (ESPGOV + ~REB: ESPREB) */
    int plural_pronouns; /* casus: THEY, THEM, THEIR stand for the first plural actor before them */
    int mutual_compounds; /* casus: a compound with no target acts on itself only in mutual acts */
    int pronoun_agents;  /* casus: a pronoun takes its referent's agent ("the Moldovan president
                            met ..., who urged him": MDAGOV, not MDA) */
    int modal;           /* casus: "vowed to attack", "threat to strike": the act is threatened or intended */
    char intent[480];    /* INTENT: verb roots that say what their subject will do ("vowed to") */
    char threat[480];    /* THREAT: verb roots that threaten what follows ("threatened to") */
    char appeal[480];    /* APPEAL: verb roots that ask their object to act ("urged X to") */
    char demand[480];    /* DEMAND: verb roots that require their object to act ("demanded X to") */
    int targets_before;  /* with no target after the verb, one is sought before it (TABARI) */
    int verb_boundary;   /* casus: a pattern's skip after its verb stops at the next verb */
    int reported_speech; /* casus: after "X said", sources are sought in what was said */
    int titled_compounds; /* casus: compounds of titled members ("French President Jacques Chirac and ...") */
    int shared_subject; /* casus: "X shot and killed Y": a clause that opens with its verb shares X */
    int incidents;      /* casus: violence without a named perpetrator is an event with an empty source */
    int same_actors;    /* keep events whose source and target codes are equal */
    int nonevents;      /* 0 false, 1 true, 2 only */
    char forward[32];   /* FORWARD: record-id layout ("*****NNN*SSS"), "" when off */
} casus_options;

void casus_options_default(casus_options *options);

/* Applies one options line.  Returns NULL, or a static reason when the line is not understood
 * (the options are then unchanged).  LABEL lines are not handled here (they name codes of a
 * dictionary): *is_label is set and nothing changes.  Comments (# or //) and blank lines are
 * accepted and ignored. */
const char *casus_options_apply(casus_options *options, const char *line, int *is_label);

/* Does an options line list verb roots (SPEECH:, STATIVE:, INTRANSITIVE:, INTENT:, THREAT:)?
 * Their roots are checked against the dictionaries by the lint. */
int casus_options_lists_roots(const char *line);

#endif
