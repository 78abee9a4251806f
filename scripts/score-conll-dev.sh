#!/bin/sh
# Scores Pipelines/conll2003.yaml on CoNLL-2003 dev (eng.testa). Needs scripts/build-conll-gazetteer first.
set -e
cd "$(dirname "$0")/.."
mkdir -p out
python3 ../shared/eval/conll.py to-jsonl ../shared/data/ner/conll2003/eng.testa > out/testa.jsonl
.build/release/textpipe run out/testa.jsonl --pipeline "${1:-Pipelines/conll2003.yaml}" -o out/testa.out.jsonl
python3 ../shared/eval/conll.py score ../shared/data/ner/conll2003/eng.testa out/testa.out.jsonl
