#!/usr/bin/env python3
"""Coverage of the built-in dictionaries on a news corpus (issue 4): which sentences with two or
more actors get no event, which verbs and capitalised words the dictionaries miss, and a sample
of the events to check by reading.

usage: dictcov.py run CORPUS.jsonl OUT.jsonl [--date YYYY-MM-DD] [--jobs N] [--project FILE]
           codes each title and lead sentence with 'casus explain' (built-in dictionaries) and
           keeps, for each sentence, its tokens, the words' dictionary tags and the events
       dictcov.py report OUT.jsonl [--top N]
           share of sentences with 2+ actors that get an event; the most frequent verb lemmas
           in such sentences without an event and without a verbs entry; capitalised words that
           are not actors; frequent codes with their verbs
       dictcov.py sample OUT.jsonl [--n N] [--seed S] [--code PREFIX] [--verb WORD]
           a random sample of coded sentences with their events, to read

CORPUS.jsonl lines hold "title" and "text" (AG News world) or "text" alone."""
import json
import random
import re
import subprocess
import sys
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

CASUS = "build/casus"


def clean(s, lead=False):
    s = s.replace("#36;", "$").replace("#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
    s = s.replace("&amp;", "&").replace("\\$", "$").replace("quot;", "\"")
    s = re.sub(r"\s+'s\b", "'s", s)
    s = re.sub(r"\s*\((AP|Reuters|AFP|Canadian Press|CP)\)\s*$", "", s)
    s = re.sub(r"^(AP|Reuters|AFP|Canadian Press)\s+-\s+", "", s)
    # a lead's dateline ("BAGHDAD, Iraq (Reuters) - "), which 'casus explain' would read as words
    if lead:
        s = re.sub(r"^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)?"
                   r"(?: \([^)]*\))?(?: [A-Z][a-z]{2,4}\.? \d+(?:, \d{4})?)?\s*(?:-|--|:)\s+", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s


def split(text):
    # a plain splitter: end punctuation, a blank, an upper-case letter or a quote
    parts, cur = [], ""
    for piece in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", text):
        cur = cur + " " + piece if cur else piece
        last = cur.rsplit(" ", 1)[-1]
        if re.fullmatch(r"(Gov|Sen|Rep|Gen|Lt|Col|Maj|Capt|Sgt|Mr|Mrs|Ms|Dr|St|Adm|Cmdr|Prof|Rev|Jan|Feb|Aug|Sept|Oct|Nov|Dec|No|[A-Z]|([A-Z]\.)+[A-Z]?)\.", last):
            continue
        parts.append(cur)
        cur = ""
    if cur:
        parts.append(cur)
    out = []
    for p in parts:
        p = p.strip()
        if p.endswith("...") or len(p.split()) < 4:
            continue
        out.append(p)
    return out


def sentences(path):
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        if d.get("title"):
            t = clean(d["title"])
            if len(t.split()) >= 4:
                yield d["id"] + "-t", t
        for k, s in enumerate(split(clean(d.get("text", ""), lead=True))[:2]):
            yield "%s-%d" % (d["id"], k), s


def explain(sent, date, extra=()):
    r = subprocess.run([CASUS, "explain", *extra, "--date", date, sent], capture_output=True, text=True)
    toks, words, events, verbs = [], [], [], []
    part = None
    for line in r.stdout.splitlines():
        if line in ("tokens:", "words:", "verbs:", "events:"):
            part = line[:-1]
            continue
        if not line.startswith("  "):
            continue
        f = line.split()
        if part == "tokens" and len(f) >= 4:
            toks.append({"form": f[1], "upos": f[2], "xpos": f[3]})
        elif part == "words" and len(f) >= 3:
            m = re.search(r"\(([^)]*):(\d+)\)", line)
            code = re.search(r"-> (\S+)", line)
            words.append({"word": f[1], "tag": f[2], "entry": f[3] if len(f) > 3 and m else None,
                          "line": int(m.group(2)) if m else None,
                          "file": m.group(1).rsplit("/", 1)[-1] if m else None,
                          "code": code.group(1) if code else None})
        elif part == "verbs":
            verbs.append(line.strip())
        elif part == "events" and line.strip() != "none":
            events.append(line.strip())
    return {"toks": toks, "words": words, "verbs": verbs, "events": events}


def lemmas(sents):
    """form -> lemma, from 'casus parse' on all sentences"""
    text = "\n\n".join(s for _, s in sents) + "\n"
    r = subprocess.run([CASUS, "parse", "--in", "text"], input=text, capture_output=True, text=True)
    lem = {}
    for line in r.stdout.splitlines():
        f = line.split("\t")
        if len(f) == 10 and f[0].isdigit():
            lem[(f[1], f[3])] = f[2]
    return lem


def cmd_run(args):
    corpus, out = args[0], args[1]
    date = args[args.index("--date") + 1] if "--date" in args else "2004-10-01"
    jobs = int(args[args.index("--jobs") + 1]) if "--jobs" in args else 2
    extra = ["--project", args[args.index("--project") + 1]] if "--project" in args else []
    sents = list(sentences(corpus))
    lem = lemmas(sents)
    with ThreadPoolExecutor(jobs) as ex:
        res = list(ex.map(lambda s: explain(s[1], date, extra), sents))
    with open(out, "w", encoding="utf-8") as f:
        for (sid, s), r in zip(sents, res):
            for t in r["toks"]:
                t["lemma"] = lem.get((t["form"], t["upos"]), t["form"].lower())
            r.update({"id": sid, "text": s})
            f.write(json.dumps(r) + "\n")
    print("%d sentences -> %s" % (len(sents), out))


def load(path):
    return [json.loads(l) for l in open(path, encoding="utf-8")]


def nactors(r):
    return sum(1 for w in r["words"] if w["tag"] in ("actor", "agent"))


def ncountries(r):
    return sum(1 for w in r["words"] if w["tag"] == "actor")


def cmd_report(args):
    rs = load(args[0])
    top = int(args[args.index("--top") + 1]) if "--top" in args else 40
    n = len(rs)
    with_ev = sum(1 for r in rs if r["events"])
    two = [r for r in rs if ncountries(r) >= 1 and nactors(r) >= 2]
    two_ev = sum(1 for r in two if r["events"])
    nev = sum(len(r["events"]) for r in rs)
    print("sentences %d, with an event %d (%.1f%%), events %d" % (n, with_ev, 100.0 * with_ev / n, nev))
    print("2+ actors (one a named actor): %d, with an event %d (%.1f%%)" % (len(two), two_ev, 100.0 * two_ev / max(1, len(two))))
    # (a) verbs in 2+ actor sentences without an event and without a verbs entry
    miss = Counter()
    ex = {}
    for r in two:
        if r["events"]:
            continue
        words = {w["word"]: w for w in r["words"]}
        for t in r["toks"]:
            if t["upos"] != "VERB":
                continue
            w = words.get(t["form"])
            if w and w["tag"] in ("verb", "cancelled"):
                continue
            miss[t["lemma"].lower()] += 1
            ex.setdefault(t["lemma"].lower(), r["text"])
    print("\n(a) verb lemmas without an entry, in 2+ actor sentences without an event")
    for v, c in miss.most_common(top):
        print("%4d %-14s %s" % (c, v, ex[v][:110]))
    # (a') verbs that have an entry but fire nothing in 2+ actor sentences
    dead = Counter()
    for r in two:
        if r["events"]:
            continue
        for w in r["words"]:
            if w["tag"] == "verb":
                dead[w["entry"]] += 1
    print("\n(a') verb entries present in 2+ actor sentences without an event")
    print("  " + ", ".join("%s %d" % (v, c) for v, c in dead.most_common(top)))
    # (b) capitalised words that are not actors
    caps = Counter()
    cex = {}
    for r in rs:
        ws = r["words"]
        for i, w in enumerate(ws):
            if w["tag"] != "null" or not w["word"][:1].isupper() or i == 0:
                continue
            caps[w["word"]] += 1
            cex.setdefault(w["word"], r["text"])
    print("\n(b) capitalised words (not first) that are no dictionary word")
    for v, c in caps.most_common(top * 2):
        print("%4d %-16s %s" % (c, v, cex[v][:100]))
    low = Counter()
    for r in rs:
        for t, w in zip(r["toks"], r["words"]):
            pass
    for r in rs:
        for w in r["words"]:
            if w["tag"] == "null" and w["word"][:1].islower() and w["word"].endswith("s") and len(w["word"]) > 4:
                low[w["word"].lower()] += 1
    print("\n(b') frequent plural-looking lower-case words that are no dictionary word")
    print("  " + ", ".join("%s %d" % (v, c) for v, c in low.most_common(top * 2)))
    codes = Counter()
    for r in rs:
        for e in r["events"]:
            m = re.search(r" (\d{3,4}) \(", e)
            if m:
                codes[m.group(1)[:2]] += 1
    print("\nevents by root: " + ", ".join("%s %d" % kv for kv in sorted(codes.items())))


def cmd_sample(args):
    rs = load(args[0])
    n = int(args[args.index("--n") + 1]) if "--n" in args else 30
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 1
    code = args[args.index("--code") + 1] if "--code" in args else None
    verb = args[args.index("--verb") + 1].lower() if "--verb" in args else None
    pool = []
    for r in rs:
        evs = r["events"]
        if code:
            evs = [e for e in evs if re.search(r" %s\d* \(" % re.escape(code), e)]
        if verb:
            evs = [e for e in evs if re.search(r'verb "[^"]*%s' % re.escape(verb), e.lower())]
        if evs:
            pool.append((r, evs))
    random.seed(seed)
    for r, evs in random.sample(pool, min(n, len(pool))):
        print(r["id"], r["text"])
        for e in evs:
            print("    " + e)
    print("(%d of %d)" % (min(n, len(pool)), len(pool)))


if __name__ == "__main__":
    {"run": cmd_run, "report": cmd_report, "sample": cmd_sample}[sys.argv[1]](sys.argv[2:])
