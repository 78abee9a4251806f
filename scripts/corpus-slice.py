#!/usr/bin/env python3
"""Write the first N MB of ../shared/data/corpus/news.jsonl (whole lines until N x 10^6 characters of text).

Usage: python3 scripts/corpus-slice.py N OUT.jsonl
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    limit, total = float(sys.argv[1]) * 1_000_000, 0
    with open(os.path.join(ROOT, "..", "shared", "data", "corpus", "news.jsonl"), encoding="utf-8") as source, \
            open(sys.argv[2], "w", encoding="utf-8") as out:
        for line in source:
            if total >= limit:
                break
            total += len(json.loads(line).get("text", ""))
            out.write(line)


if __name__ == "__main__":
    main()
