#!/usr/bin/env python3
"""Scores the judged question sets with the out-of-the-box baseline the issues compare portaria
with: plain Xapian over article-sized chunks. It tells how hard a set is: a set on which the
baseline scores low asks in words the law does not use, and a score of portaria's means more
there than on a set the baseline already answers.

The chunks are the paragraphs portaria-read makes of the inputs, joined back into one chunk per
article (an alínea keeps its letter, "a) …"); paragraphs outside articles (preambles, pages,
recitals) stay one chunk each. They are indexed and searched by ../shared/bench/baseline's
xapian_tool (TermGenerator and QueryParser with Snowball's Portuguese stemmer, BM25, as Xapian
documents them), built into WORK if it is not there. Sets and scoring are scripts/eval.py's.

usage: scripts/baseline.py [--work DIR] [SET...]     (default WORK /tmp/portaria-baseline)

Indexes of the three kinds eval.py uses are made once in WORK: corpus/ (seed), corpus/ and
../shared/corpus/br-akn/ (br), and those and ../shared/corpus/pt-dr/ (all).
"""
import json
import os
import re
import subprocess
import sys

import eval as judged

ROOT = judged.ROOT
SHARED = os.path.join(ROOT, "..", "shared")
READ = os.path.join(ROOT, "build", "bin", "portaria-read")
INPUTS = {
    "seed": ["corpus"],
    "br": ["corpus", "../shared/corpus/br-akn"],
    "all": ["corpus", "../shared/corpus/pt-dr", "../shared/corpus/br-akn"],
}
# "diploma:…#art30/n1" and "/akn/br/…#art_667__para_1": the part that names the article.
ARTICLE = re.compile(r"(.*?#art_?[^/_]+)")


def files_under(paths):
    out = []
    for p in paths:
        p = os.path.join(ROOT, p)
        for base, _, names in sorted(os.walk(p)) if os.path.isdir(p) else [("", [], [p])]:
            out += [os.path.join(base, n) for n in sorted(names)]
    return out


def tsv_field(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def build(kind, work, tool):
    db = os.path.join(work, kind + ".db")
    if os.path.isdir(db):
        return db
    records = subprocess.run([READ] + files_under(INPUTS[kind]), capture_output=True, text=True,
                             check=True).stdout.splitlines()
    chunks = {}  # article (or paragraph) id -> [section, source, texts]; insertion-ordered
    for line in records:
        r = json.loads(line)
        m = ARTICLE.match(r["id"]) if r.get("article") else None
        chunk = chunks.setdefault(m.group(1) if m else r["id"],
                                  [r.get("section", ""), r.get("source", ""), []])
        letter = r.get("letter", "")
        chunk[2].append((letter + ") " if letter else "") + r["text"])
    tsv = os.path.join(work, kind + ".tsv")
    with open(tsv, "w", encoding="utf-8") as f:
        for key, (section, source, texts) in chunks.items():
            # xapian_tool's columns: id, section, unit, letter, source, text.
            f.write("\t".join(map(tsv_field, [key, section, "", "", source, " ".join(texts)])))
            f.write("\n")
    subprocess.run([tool, "index", tsv, db], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return db


def main():
    args = sys.argv[1:]
    work = "/tmp/portaria-baseline"
    names = []
    while args:
        a = args.pop(0)
        if a == "--work" and args:
            work = args.pop(0)
        elif a in judged.SETS:
            names.append(a)
        else:
            sys.exit(__doc__)
    os.makedirs(work, exist_ok=True)
    tool = os.path.join(work, "xapian_tool")
    if not os.access(tool, os.X_OK):
        subprocess.run(["make", "-s", "-C", os.path.join(SHARED, "bench", "baseline"),
                        "OUT=" + work], check=True, stdout=subprocess.DEVNULL)
    dbs = {}
    for name in names or list(judged.SETS):
        kind = judged.SETS[name][1]
        if kind not in dbs:
            dbs[kind] = build(kind, work, tool)
        questions = judged.questions_of(name)
        answers = []
        for q in questions:
            out = subprocess.run([tool, "search", dbs[kind], q["q"].replace("\n", " ")],
                                 capture_output=True, text=True, check=True).stdout
            answers.append(json.loads(out)["results"])
        judged.grade(name, questions, answers, False)


if __name__ == "__main__":
    main()
