"""Loads textpipe's spaCy JSON lines with Doc(Vocab()).from_json and compares
them with the JSON lines of the same run: text, entities, sentences, ids.

Usage: check_spacy_output.py INPUT.jsonl OUT.jsonl OUT.spacy.jsonl
Exits 1 with the first differences when anything does not match.
"""
import json
import sys

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab


def main(input_path, jsonl_path, spacy_path):
    texts = []
    with open(input_path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                texts.append(json.loads(line).get("text"))
            except json.JSONDecodeError:
                texts.append(None)
    ours = [json.loads(line) for line in open(jsonl_path, encoding="utf-8")]
    lines = open(spacy_path, encoding="utf-8").read().splitlines()
    problems = []
    if not (len(ours) == len(lines) == len(texts)):
        problems.append(f"record counts differ: input {len(texts)}, jsonl {len(ours)}, spacy {len(lines)}")
    entities = sentences = 0
    for number, (record, line, text) in enumerate(zip(ours, lines, texts), 1):
        obj = json.loads(line)
        Doc(Vocab()).from_json(obj, validate=True)  # the schema check
        doc = Doc(Vocab()).from_json(obj)
        if obj["textpipe"]["id"] != record["id"]:
            problems.append(f"record {number}: id {obj['textpipe']['id']!r}, jsonl has {record['id']!r}")
        if "error" in record:
            if obj["textpipe"].get("error", {}).get("kind") != record["error"]["kind"] or len(doc) != 0:
                problems.append(f"record {number}: error record not carried over")
            continue
        if doc.text != text:
            problems.append(f"record {number}: Doc.text differs from the input text")
        theirs = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        expected = [(e["start"], e["end"], e["label"]) for e in record.get("entities", [])]
        if theirs != expected:
            problems.append(f"record {number}: entities {theirs} != {expected}")
        starts = [s.start_char for s in doc.sents if s.text.strip()]
        expected_starts = [s["start"] for s in record.get("sentences", [])]
        if expected_starts and starts != expected_starts:
            problems.append(f"record {number}: sentence starts {starts} != {expected_starts}")
        # A spaCy sentence runs on over the text up to the next one; ours end at their last
        # token, so text that no sentence covers (white space, a stray U+FEFF) trails theirs.
        texts_ok = [s.text for s in doc.sents if s.text.strip()]
        expected_texts = [text[s["start"]:s["end"]] for s in record.get("sentences", [])]
        if expected_texts and (len(texts_ok) != len(expected_texts)
                               or any(not a.startswith(b) for a, b in zip(texts_ok, expected_texts))):
            problems.append(f"record {number}: sentence texts differ")
        entities += len(theirs)
        sentences += len(starts)
    if problems:
        print("\n".join(problems[:20]))
        sys.exit(1)
    print(f"ok: {len(lines)} records, {entities} entities and {sentences} sentences match (spaCy {spacy.__version__})")


if __name__ == "__main__":
    main(*sys.argv[1:])
