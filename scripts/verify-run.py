#!/usr/bin/env python3
"""Checks a `textpipe run` output against its JSON-lines input.

usage: scripts/verify-run.py INPUT.jsonl OUTPUT.jsonl

Checks that there is exactly one output line per non-blank input line, that
ids come back in input order, and that every token, sentence and entity span
lies inside its text (code-point offsets), is non-empty and sorted. Prints a
summary and exits 1 on the first kind of violation found.
"""
import json
import sys


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    problems = 0
    errors = 0
    counted = 0
    with open(sys.argv[1], "rb") as source, open(sys.argv[2], encoding="utf-8") as output:
        for number, raw in enumerate(source, 1):
            if not raw.strip():
                continue
            line = output.readline()
            if not line:
                print(f"missing output for input line {number}")
                return 1
            counted += 1
            record = json.loads(line)
            try:
                article = json.loads(raw)
                expected_id = article.get("id", f"{sys.argv[1]}:{number}")
                text = article["text"]
            except (ValueError, KeyError, TypeError):
                expected_id, text = None, None
            if expected_id is not None and record["id"] != expected_id:
                print(f"line {number}: id {record['id']!r}, expected {expected_id!r}")
                return 1
            if "error" in record:
                errors += 1
                continue
            for layer in ("tokens", "sentences", "entities"):
                previous_end = 0
                for span in record.get(layer, []):
                    start, end = span["start"], span["end"]
                    if not (0 <= start < end <= len(text)) or start < previous_end:
                        problems += 1
                        if problems < 10:
                            print(f"line {number}: {layer} span {start}..{end} outside or unsorted (text length {len(text)})")
                    previous_end = end if layer != "entities" else start
        if output.readline():
            print("more output lines than input records")
            return 1
    print(f"{counted} records, {errors} error records, {problems} span problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
