/* parse.c — the 'casus parse' subcommand: English text or CoNLL-U in, tagged and parsed CoNLL-U out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "casus.h"
#include "cli.h"

#ifndef CASUS_MODEL_DIR
#define CASUS_MODEL_DIR "models"
#endif
#define MODEL_FILE "en_ewt.casus"

static void parse_usage(FILE *out)
{
    fprintf(out,
            "usage: casus parse [--in text|conllu] [--model FILE] [--stats] [FILE|-]\n"
            "\n"
            "Splits English text into sentences and tokens, tags (UPOS and Penn XPOS), lemmatises and\n"
            "parses it into labelled dependencies, and writes CoNLL-U to standard output.\n"
            "  --in text     the input is plain UTF-8 text (the default)\n"
            "  --in conllu   the input is CoNLL-U: its sentences and tokens are kept, its tags, lemmas\n"
            "                and heads ignored; comment lines are copied\n"
            "  --model FILE  the model file; by default $CASUS_MODELS/" MODEL_FILE " when CASUS_MODELS\n"
            "                is set, else " CASUS_MODEL_DIR "/" MODEL_FILE "\n"
            "  --stats       print tokens, seconds spent tagging and parsing, and tokens/s to stderr\n");
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            char *g = realloc(buf, cap * 2);
            if (!g) break;
            buf = g;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            *len = n;
            return buf;
        }
    }
    free(buf);
    return NULL;
}

typedef struct run {
    const casus_syntax *syn;
    double secs;
    size_t tokens;
} run;

/* Writes doc's CoNLL-U; with skip_text, without the "# text =" lines (the input's are kept). */
static int write_doc(const casus_syntax_doc *doc, int skip_text)
{
    char *out = NULL;
    size_t len = 0;
    if (casus_syntax_doc_conllu(doc, &out, &len) != CASUS_OK) return -1;
    const char *p = out;
    if (skip_text && !strncmp(p, "# text = ", 9)) {
        const char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : p + strlen(p);
    }
    fputs(p, stdout);
    free(out);
    return 0;
}

static int do_text(run *r, FILE *in)
{
    size_t len = 0;
    char *text = read_all(in, &len);
    if (!text) {
        fprintf(stderr, "casus parse: cannot read the input\n");
        return 1;
    }
    casus_syntax_doc *doc = NULL;
    double t0 = now();
    casus_status st = casus_syntax_parse_text(r->syn, text, len, &doc);
    r->secs += now() - t0;
    free(text);
    if (st != CASUS_OK) {
        fprintf(stderr, "casus parse: %s\n", casus_status_str(st));
        return 1;
    }
    r->tokens += casus_syntax_doc_token_count(doc);
    int rc = write_doc(doc, 0) < 0;
    casus_syntax_doc_free(doc);
    return rc;
}

typedef struct block {
    char **comments, **forms;
    size_t ncom, nforms, capc, capf;
} block;

static int push(char ***v, size_t *n, size_t *cap, const char *s, size_t len)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 32;
        char **g = realloc(*v, nc * sizeof *g);
        if (!g) return -1;
        *v = g;
        *cap = nc;
    }
    char *c = malloc(len + 1);
    if (!c) return -1;
    memcpy(c, s, len);
    c[len] = '\0';
    (*v)[(*n)++] = c;
    return 0;
}

static void block_clear(block *b)
{
    for (size_t i = 0; i < b->ncom; i++) free(b->comments[i]);
    for (size_t i = 0; i < b->nforms; i++) free(b->forms[i]);
    b->ncom = b->nforms = 0;
}

static int flush_block(run *r, block *b)
{
    if (b->nforms == 0 && b->ncom == 0) return 0;
    for (size_t i = 0; i < b->ncom; i++) printf("%s\n", b->comments[i]);
    int rc = 0;
    if (b->nforms) {
        casus_syntax_doc *doc = NULL;
        double t0 = now();
        casus_status st = casus_syntax_parse_tokens(r->syn, (const char *const *)b->forms, b->nforms, &doc);
        r->secs += now() - t0;
        if (st != CASUS_OK) {
            fprintf(stderr, "casus parse: %s\n", casus_status_str(st));
            rc = -1;
        } else {
            r->tokens += b->nforms;
            rc = write_doc(doc, 1);
        }
        casus_syntax_doc_free(doc);
    } else {
        printf("\n");
    }
    block_clear(b);
    return rc;
}

static int do_conllu(run *r, FILE *in, const char *name)
{
    block b = {0};
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t got;
    int rc = 0;
    while ((got = getline(&line, &cap, in)) >= 0) {
        lineno++;
        size_t len = (size_t)got;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        if (len == 0) {
            if (flush_block(r, &b) < 0) { rc = 1; break; }
            continue;
        }
        if (line[0] == '#') {
            if (push(&b.comments, &b.ncom, &b.capc, line, len) < 0) { rc = 1; break; }
            continue;
        }
        char *tab1 = strchr(line, '\t');
        if (!tab1) {
            fprintf(stderr, "casus parse: %s:%zu: not a CoNLL-U token line\n", name, lineno);
            rc = 1;
            break;
        }
        *tab1 = '\0';
        if (strchr(line, '-') || strchr(line, '.')) continue; /* multiword tokens, empty nodes */
        char *form = tab1 + 1, *tab2 = strchr(form, '\t');
        size_t flen = tab2 ? (size_t)(tab2 - form) : strlen(form);
        if (push(&b.forms, &b.nforms, &b.capf, form, flen) < 0) { rc = 1; break; }
    }
    if (rc == 0 && flush_block(r, &b) < 0) rc = 1;
    block_clear(&b);
    free(b.comments);
    free(b.forms);
    free(line);
    return rc;
}

int cli_parse(int argc, char **argv)
{
    const char *in_kind = "text", *model = NULL, *path = "-";
    int stats = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            parse_usage(stdout);
            return 0;
        } else if (!strcmp(argv[i], "--in") && i + 1 < argc) {
            in_kind = argv[++i];
        } else if (!strcmp(argv[i], "--model") && i + 1 < argc) {
            model = argv[++i];
        } else if (!strcmp(argv[i], "--stats")) {
            stats = 1;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "casus parse: unknown option '%s'\n", argv[i]);
            parse_usage(stderr);
            return 2;
        } else {
            path = argv[i];
        }
    }
    if (strcmp(in_kind, "text") && strcmp(in_kind, "conllu")) {
        fprintf(stderr, "casus parse: --in takes 'text' or 'conllu', not '%s'\n", in_kind);
        return 2;
    }
    char buf[4096];
    model = cli_model_path(model, buf, sizeof buf);
    char err[1024];
    casus_syntax *syn = NULL;
    double t0 = now();
    if (casus_syntax_load(model, &syn, err, sizeof err) != CASUS_OK) {
        fprintf(stderr, "casus parse: %s\n", err);
        return 1;
    }
    double load = now() - t0;
    FILE *in = stdin;
    if (strcmp(path, "-")) {
        in = fopen(path, "rb");
        if (!in) {
            perror(path);
            casus_syntax_free(syn);
            return 1;
        }
    }
    run r = {syn, 0, 0};
    int rc = !strcmp(in_kind, "text") ? do_text(&r, in) : do_conllu(&r, in, path);
    if (in != stdin) fclose(in);
    if (fflush(stdout) != 0) rc = 1;
    if (stats)
        fprintf(stderr, "casus parse: model loaded in %.0f ms; %zu tokens in %.3f s: %.0f tokens/s\n",
                load * 1000, r.tokens, r.secs, r.secs > 0 ? r.tokens / r.secs : 0.0);
    casus_syntax_free(syn);
    return rc;
}
