#!/usr/bin/env python3
"""Scores every judged question set in one pass: one portaria-search process per set, fed the
questions through --queries-from, scored as ../shared/eval/run_eval.py scores them (S@1 and
MRR@10; a result longer than --max-chars counts as not relevant where the set asks for it).
The same numbers as run_eval.py in seconds instead of a minute, for trying a ranking change.

usage: scripts/eval.py --seed DB --br DB --all DB [--misses] [SET...]

  --seed DB  an index of corpus/ only                       (sets dev, seed-blind)
  --br DB    corpus/ and ../shared/corpus/br-akn/           (sets br-dev, br-final, br-late)
  --all DB   corpus/, ../shared/corpus/pt-dr/ and br-akn/   (pt-dev, tests/eval/pt-*, dev-big)
  --misses   also list the ids of the questions whose first result does not answer them
  SET        dev br-dev pt-dev pt-own pt-heldout pt-test pt-fresh pt-blind pt-new pt-next pt-final
             pt-late pt-dec pt-short seed-blind br-final br-late dev-big
             (default: every set whose index was given)

Keep the held-out sets held out: look at their scores, not at their misses (README, Quality).
"""
import json
import os
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared", "eval")
OWN = os.path.join(ROOT, "tests", "eval")
SEARCH = os.environ.get("PORTARIA_SEARCH", os.path.join(ROOT, "build", "bin", "portaria-search"))

# set -> (questions file, index option, --max-chars)
SETS = {
    "dev": (os.path.join(SHARED, "questions.jsonl"), "seed", 0),
    "br-dev": (os.path.join(SHARED, "questions.jsonl"), "br", 0),
    "pt-dev": (os.path.join(SHARED, "questions-pt.jsonl"), "all", 2000),
    "dev-big": (os.path.join(SHARED, "questions.jsonl"), "all", 0),
}
for name in ("own", "heldout", "test", "fresh", "blind", "new", "next", "final", "late", "dec",
             "short", "short2", "short3", "short4", "short5"):
    SETS["pt-" + name] = (os.path.join(OWN, f"pt-{name}.jsonl"), "all", 2000)
SETS["seed-blind"] = (os.path.join(OWN, "seed-blind.jsonl"), "seed", 0)
SETS["br-final"] = (os.path.join(OWN, "br-final.jsonl"), "br", 0)
SETS["br-late"] = (os.path.join(OWN, "br-late.jsonl"), "br", 0)


def nfc(s):
    return unicodedata.normalize("NFC", s)


def questions_of(name):
    """The judged questions of set `name`, in file order."""
    path = SETS[name][0]
    judged = "dev" if name == "dev-big" else name
    with open(path, encoding="utf-8") as f:
        return [q for q in map(json.loads, filter(str.strip, f)) if q["set"] == judged]


def portaria_answers(db, questions):
    """One list of results (dicts with "text") per question, from one portaria-search process."""
    lines = "".join(q["q"].replace("\n", " ") + "\n" for q in questions)
    run = subprocess.run([SEARCH, "--db", db, "--json", "--limit", "10", "--queries-from", "-"],
                         input=lines, capture_output=True, text=True, check=True)
    return [json.loads(line)["results"] for line in run.stdout.splitlines()]


def grade(name, questions, answers, show_misses):
    """Prints set `name`'s S@1 and MRR@10 for `answers` (one result list per question)."""
    max_chars = SETS[name][2]
    if len(answers) != len(questions):
        sys.exit(f"{name}: {len(answers)} answers for {len(questions)} questions")
    s1 = mrr = 0.0
    misses = []
    for q, results in zip(questions, answers):
        gains = []
        for r in results[:10]:
            text = nfc(r.get("text", ""))
            too_long = max_chars and len(r.get("text", "")) > max_chars
            gains.append(0 if too_long else max([g for k, g in q["rel"].items() if nfc(k) in text]
                                                or [0]))
        if gains and gains[0] == 2:
            s1 += 1
        else:
            misses.append(q["id"])
        first = next((i for i, g in enumerate(gains) if g == 2), None)
        if first is not None:
            mrr += 1 / (first + 1)
    n = len(questions)
    line = f"{name:<11} questions={n} S@1={s1 / n:.3f} MRR@10={mrr / n:.3f}"
    if show_misses:
        line += "  misses: " + " ".join(misses)
    print(line, flush=True)


def score(name, db, show_misses):
    questions = questions_of(name)
    grade(name, questions, portaria_answers(db, questions), show_misses)


def main():
    args = sys.argv[1:]
    dbs, names, show_misses = {}, [], False
    while args:
        a = args.pop(0)
        if a in ("--seed", "--br", "--all") and args:
            dbs[a[2:]] = args.pop(0)
        elif a == "--misses":
            show_misses = True
        elif a in SETS:
            names.append(a)
        else:
            sys.exit(__doc__)
    if not dbs:
        sys.exit(__doc__)
    names = names or [n for n in SETS if SETS[n][1] in dbs]
    for name in names:
        if SETS[name][1] not in dbs:
            sys.exit(f"{name} needs --{SETS[name][1]} DB")
        score(name, dbs[SETS[name][1]], show_misses)


if __name__ == "__main__":
    main()
