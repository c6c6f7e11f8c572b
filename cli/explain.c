/* explain.c — 'casus explain "SENTENCE"': how casus reads and codes one sentence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *f)
{
    fprintf(f, "usage: casus explain [dictionary options as for 'casus code'] [--date YYYY-MM-DD]\n"
               "                     [--model FILE] [--syntax | --no-syntax] \"SENTENCE\"\n"
               "Shows the sentence's tokens and tags, each word as the coder sees it with the dictionary\n"
               "entry (file:line) it matched, the verb pattern that fired, and the events.\n");
}

/* The tokens and tags of casus's own tagger and parser, when the coder reads with them. */
static void show_syntax(const casus_syntax *syntax, const char *text)
{
    casus_syntax_doc *doc = NULL;
    if (!syntax) {
        printf("tokens: (coded without the tagger)\n");
        return;
    }
    if (casus_syntax_parse_text(syntax, text, strlen(text), &doc) == CASUS_OK) {
        printf("tokens:\n");
        for (size_t i = 0; i < casus_syntax_doc_token_count(doc); i++) {
            const casus_syntax_token *t = casus_syntax_doc_token(doc, i);
            printf("  %3zu  %-18s %-6s %-5s %-10s head %d\n", i + 1, t->form, t->upos, t->xpos, t->deprel, t->head);
        }
    }
    casus_syntax_doc_free(doc);
}

int cli_explain(int argc, char **argv)
{
    cli_dicts dicts;
    memset(&dicts, 0, sizeof dicts);
    const char *sentence = NULL, *model = NULL;
    int date = 0, asked = -1;
    for (int i = 1; i < argc; i++) {
        int r = cli_dict_option(&dicts, argc, argv, &i);
        if (r < 0) return 2;
        if (r > 0) continue;
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(argv[i], "--date") && val) {
            int y, m, d;
            char extra;
            if (sscanf(val, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || m < 1 || m > 12 || d < 1 || d > 31) {
                fprintf(stderr, "casus explain: --date takes YYYY-MM-DD\n");
                return 2;
            }
            date = y * 10000 + m * 100 + d;
            i++;
        } else if (!strcmp(argv[i], "--syntax") || !strcmp(argv[i], "--no-syntax")) {
            asked = !strcmp(argv[i], "--syntax");
        } else if (!strcmp(argv[i], "--model") && val) {
            model = val;
            i++;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "casus explain: unknown option %s\n", argv[i]);
            usage(stderr);
            return 2;
        } else {
            sentence = argv[i];
        }
    }
    if (!sentence) {
        usage(stderr);
        return 2;
    }
    if (!date) date = 20240101;
    size_t problems;
    casus_dict *dict = cli_load_dicts(&dicts, 1, &problems);
    if (!dict) return 2;
    casus_syntax *syntax = NULL;
    if (cli_load_syntax("explain", &dicts, asked, model, &syntax)) {
        casus_dict_free(dict);
        return 2;
    }
    casus_coder *coder = casus_coder_new(dict);
    if (coder) casus_coder_set_syntax(coder, syntax);
    char *text = NULL;
    int rc = 2;
    size_t skip = casus_dateline_length(sentence, strlen(sentence)); /* as casus code reads it */
    if (skip) printf("dateline: %.*s(not coded)\n", (int)skip, sentence);
    sentence += skip;
    if (coder && casus_coder_code(coder, sentence, strlen(sentence), date) == CASUS_OK &&
        casus_coder_explain(coder, &text) == CASUS_OK) {
        show_syntax(syntax, sentence);
        fputs(text, stdout);
        rc = 0;
    } else {
        fprintf(stderr, "casus explain: out of memory\n");
    }
    free(text);
    casus_coder_free(coder);
    casus_syntax_free(syntax);
    casus_dict_free(dict);
    return rc;
}
