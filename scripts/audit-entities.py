#!/usr/bin/env python3
"""Audit the entities (and keywords) a pipeline shows users on a news corpus.

Lists the most frequent (text, label) entity pairs with a few contexts each, so
that a person can judge them, and computes the frequency-weighted precision of
the top pairs from a judged list kept outside the repository (the corpus is
research-only: neither its text nor judgements quoting it belong in git).

Usage:
  scripts/audit-entities.py run   [--pipeline P] [--corpus C] [--out O]
      runs `.build/release/textpipe run C --pipeline P -o O`
      (defaults: Pipelines/news-en.yaml, ../shared/data/corpus/news.jsonl, out/audit.out.jsonl)
  scripts/audit-entities.py list  [--out O] [--corpus C] [--top N] [--contexts K] [--judged J]
      prints the top N pairs (count, label, text) with K contexts each; with --judged,
      pairs already judged are marked and only unjudged ones get contexts
  scripts/audit-entities.py score [--out O] [--top N] --judged J
      frequency-weighted precision of the top N pairs (default 300); pairs the
      judged list lacks are listed and counted as unjudged (not as correct)
  scripts/audit-entities.py keywords [--out O] [--top N]
      the most frequent keywords

The judged list is TSV: `verdict<TAB>label<TAB>text`, verdict `ok` or `bad`
(anything else, e.g. `?`, counts as unjudged); lines starting with `#` are comments;
line breaks and tabs inside a text are written `\\n` and `\\t` (as `list` prints them).
A pair is `ok` when, in the contexts read, the string is a name with that label
most of the time (the weight is the pair's frequency, so a pair that is right
in most of its occurrences but wrong in some is still judged as one).
"""
import argparse
import collections
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(ROOT, "..", "shared", "data", "corpus", "news.jsonl")
DEFAULT_OUT = os.path.join(ROOT, "out", "audit.out.jsonl")


def run(args):
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    binary = os.path.join(ROOT, ".build", "release", "textpipe")
    subprocess.run([binary, "run", args.corpus, "--pipeline", args.pipeline, "-o", args.out], check=True)


def records(path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def escaped(text):
    """An entity's text on one TSV line: line breaks and tabs as `\\n` and `\\t`."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def pair_counts(out_path):
    counts = collections.Counter()
    for record in records(out_path):
        for entity in record.get("entities", []):
            counts[(entity["label"], escaped(entity["text"]))] += 1
    return counts


def read_judged(path):
    judged = {}
    if not path or not os.path.exists(path):
        return judged
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                sys.exit(f"{path}:{number}: expected verdict<TAB>label<TAB>text")
            judged[(parts[1], parts[2])] = parts[0]
    return judged


def contexts(corpus, out_path, wanted, per_pair):
    """Up to `per_pair` contexts (60 characters each side) of each wanted pair, from the first articles."""
    found = collections.defaultdict(list)
    with open(corpus, encoding="utf-8") as source, open(out_path, encoding="utf-8") as output:
        for article_line, out_line in zip(source, output):
            record = json.loads(out_line)
            entities = [e for e in record.get("entities", []) if (e["label"], escaped(e["text"])) in wanted
                        and len(found[(e["label"], escaped(e["text"]))]) < per_pair]
            if not entities:
                continue
            text = json.loads(article_line)["text"]
            for entity in entities:
                key = (entity["label"], escaped(entity["text"]))
                if len(found[key]) >= per_pair:
                    continue
                start, end = entity["start"], entity["end"]
                left = text[max(0, start - 60):start].replace("\n", "⏎")
                right = text[end:end + 60].replace("\n", "⏎")
                found[key].append(f"{left}[[{text[start:end]}]]{right}")
    return found


def list_pairs(args):
    counts = pair_counts(args.out)
    judged = read_judged(args.judged)
    top = counts.most_common(args.top)
    wanted = {pair for pair, _ in top if pair not in judged}
    found = contexts(args.corpus, args.out, wanted, args.contexts) if args.contexts else {}
    for rank, ((label, text), count) in enumerate(top, 1):
        verdict = judged.get((label, text), "")
        print(f"{rank}\t{count}\t{label}\t{text}\t{verdict}")
        for context in found.get((label, text), []):
            print(f"\t\t{context}")


def score(args):
    counts = pair_counts(args.out)
    judged = read_judged(args.judged)
    top = counts.most_common(args.top)
    ok = bad = unjudged = 0
    missing = []
    for pair, count in top:
        verdict = judged.get(pair)
        if verdict == "ok":
            ok += count
        elif verdict == "bad":
            bad += count
        else:
            unjudged += count
            missing.append((pair, count))
    total = ok + bad + unjudged
    print(f"top {len(top)} pairs, {total} occurrences: ok {ok}, bad {bad}, unjudged {unjudged}")
    if ok + bad:
        print(f"frequency-weighted precision (judged): {100 * ok / (ok + bad):.2f}%")
    print(f"frequency-weighted precision (unjudged counted wrong): {100 * ok / total:.2f}%")
    print(f"pair precision (unweighted, judged): {sum(1 for p, _ in top if judged.get(p) == 'ok')}/"
          f"{sum(1 for p, _ in top if judged.get(p) in ('ok', 'bad'))}")
    for (label, text), count in missing:
        print(f"unjudged\t{count}\t{label}\t{text}")
    worst = sorted(((c, p) for p, c in top if judged.get(p) == "bad"), reverse=True)[:args.worst]
    for count, (label, text) in worst:
        print(f"bad\t{count}\t{label}\t{text}")


def keywords(args):
    counts = collections.Counter()
    for record in records(args.out):
        for keyword in record.get("keywords", []):
            counts[keyword["text"]] += 1
    for text, count in counts.most_common(args.top):
        print(f"{count}\t{text}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["run", "list", "score", "keywords"])
    parser.add_argument("--pipeline", default=os.path.join(ROOT, "Pipelines", "news-en.yaml"))
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--top", type=int, default=300)
    parser.add_argument("--contexts", type=int, default=3)
    parser.add_argument("--judged")
    parser.add_argument("--worst", type=int, default=30, help="score: how many of the worst bad pairs to list")
    args = parser.parse_args()
    if args.command == "score" and not args.judged:
        sys.exit("score needs --judged FILE (kept outside the repository)")
    {"run": run, "list": list_pairs, "score": score, "keywords": keywords}[args.command](args)


if __name__ == "__main__":
    main()
