#!/usr/bin/env python3
"""Sentence-splitting F1 on the raw text of a CoNLL-U file.

usage: sentsplit.py make GOLD.conllu > raw.txt      (the text: sentences of a paragraph joined by
                                                    a space, paragraphs and documents by a blank line)
       sentsplit.py score GOLD.conllu SYSTEM.conllu (SYSTEM from 'casus parse --in text raw.txt')

A sentence counts as found when its first and last non-blank characters are at the same offsets,
counting non-blank characters only, as the gold one (the CoNLL 2018 "Sentences" measure)."""
import sys


def gold_sentences(path):
    out = []  # (text, new paragraph or document before it)
    newpar = False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# newdoc") or line.startswith("# newpar"):
                newpar = True
            elif line.startswith("# text = "):
                out.append((line[9:].rstrip("\n"), newpar))
                newpar = False
    return out


def spans(texts):
    res, at = set(), 0
    for t in texts:
        n = sum(1 for c in t if not c.isspace())
        if n:
            res.add((at, at + n))
        at += n
    return res


def main():
    if sys.argv[1] == "make":
        first = True
        for text, par in gold_sentences(sys.argv[2]):
            if not first:
                sys.stdout.write("\n\n" if par else " ")
            sys.stdout.write(text)
            first = False
        sys.stdout.write("\n")
        return
    gold = spans(t for t, _ in gold_sentences(sys.argv[2]))
    system = spans(t for t, _ in gold_sentences(sys.argv[3]))
    right = len(gold & system)
    p = right / len(system) if system else 0.0
    r = right / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print("sentences: gold %d, system %d, right %d: precision %.2f recall %.2f F1 %.2f"
          % (len(gold), len(system), right, 100 * p, 100 * r, 100 * f))


main()
