#!/usr/bin/env python3
"""Scores a system CoNLL-U file against a gold one with the same tokenization.

usage: conllu_score.py GOLD.conllu SYSTEM.conllu

Independent of casus: reads both files, skips multiword-token and empty-node lines, checks that
the word forms line up, and prints UPOS, XPOS, lemma accuracy, UAS and LAS over all words.  LAS is
given twice: with the full relation ("nmod:poss" must match exactly) and, as in the CoNLL 2018
shared task's evaluation, with the universal part only (before the colon)."""
import sys


def words(path):
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10 or "-" in cols[0] or "." in cols[0]:
                continue
            cur.append(cols)
    if cur:
        sents.append(cur)
    return sents


def main():
    gold, system = words(sys.argv[1]), words(sys.argv[2])
    if len(gold) != len(system):
        sys.exit("sentence counts differ: gold %d, system %d" % (len(gold), len(system)))
    n = upos = xpos = lemma = uas = las = ulas = 0
    for gs, ss in zip(gold, system):
        if len(gs) != len(ss):
            sys.exit("word counts differ in a sentence: %s" % " ".join(w[1] for w in gs))
        for g, s in zip(gs, ss):
            if g[1] != s[1]:
                sys.exit("forms differ: gold %r, system %r" % (g[1], s[1]))
            n += 1
            upos += g[3] == s[3]
            xpos += g[4] == s[4]
            lemma += g[2] == s[2]
            if g[6] == s[6]:
                uas += 1
                las += g[7] == s[7]
                ulas += g[7].split(":")[0] == s[7].split(":")[0]
    pct = lambda k: 100.0 * k / n
    print("words  %d" % n)
    print("UPOS   %.2f" % pct(upos))
    print("XPOS   %.2f" % pct(xpos))
    print("lemma  %.2f" % pct(lemma))
    print("UAS    %.2f" % pct(uas))
    print("LAS    %.2f   (full relations)" % pct(las))
    print("LAS    %.2f   (universal part of relations, as CoNLL 2018)" % pct(ulas))


main()
