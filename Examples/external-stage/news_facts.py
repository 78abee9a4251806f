#!/usr/bin/env python3
"""news-facts: an external TextPipeline stage written in Python (stdlib only).

Writes two span layers and one document attribute:
  spans.quotes   text between straight or curly double quotes
  spans.tickers  stock tickers as Reuters writes them: <CAT>, <PPW.N>
  attributes.facts  {"words", "sentences", "quotes", "words_per_sentence"}
It asks for the tokens and sentences layers to count words and sentences.
"""

import re
import sys

from textpipe_stage import serve

QUOTE = re.compile(r'"([^"\n]{1,2000})"|\u201c([^\u201d\n]{1,2000})\u201d')
TICKER = re.compile(r"<([A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?)>")


def analyse(request):
    text = request["text"]
    layers = request.get("layers", {})
    quotes = [{"start": m.start(), "end": m.end(), "label": "QUOTE"} for m in QUOTE.finditer(text)]
    tickers = [{"start": m.start(1), "end": m.end(1), "label": "TICKER"} for m in TICKER.finditer(text)]
    words = sum(1 for token in layers.get("tokens", []) if token["kind"] == "word")
    sentences = len(layers.get("sentences", []))
    facts = {
        "words": words,
        "sentences": sentences,
        "quotes": len(quotes),
        "words_per_sentence": round(words / sentences, 2) if sentences else 0,
    }
    return {"spans": {"quotes": quotes, "tickers": tickers}, "attributes": {"facts": facts}}


if __name__ == "__main__":
    sys.exit(serve("news-facts", analyse))
