#!/bin/sh
# Scores every keyword stage on the 500N-KPCrowd dev set and prints a Markdown table.
#
#   scripts/keywords/evaluate.sh            (from the repository root)
#
# Builds textpipe in release mode, builds a document-frequency table from
# ../shared/data/corpus/news.jsonl into out/ (never committed), runs each
# pipeline and scores it with ../shared/eval/keyphrase.py.
set -eu
cd "$(dirname "$0")/../.."
GOLD=../shared/data/keyphrase/500N-KPCrowd.dev.jsonl
swift build -c release --product textpipe >/dev/null
mkdir -p out
[ -f out/news-df.tpdf ] || .build/release/textpipe df build ../shared/data/corpus/news.jsonl -o out/news-df.tpdf
echo "| set-up | P@5 | P@10 | F1@10 |"
echo "|---|---:|---:|---:|"
for pipeline in scripts/keywords/yake.yaml scripts/keywords/tfidf.yaml scripts/keywords/rake.yaml scripts/keywords/textrank.yaml Pipelines/news-en.yaml; do
  name=$(basename "$pipeline" .yaml)
  .build/release/textpipe run "$GOLD" --pipeline "$pipeline" -o "out/keywords-$name.jsonl" 2>/dev/null
  python3 ../shared/eval/keyphrase.py score "$GOLD" "out/keywords-$name.jsonl" --json | python3 -c '
import json, sys
r = json.load(sys.stdin)
print("| %s | %.2f | %.2f | %.2f |" % (sys.argv[1], 100 * r["@5"]["p"], 100 * r["@10"]["p"], 100 * r["@10"]["f1"]))' "$pipeline"
done
