"""Tests for the news-facts example stage: python3 -m unittest discover -s Examples/external-stage"""

import io
import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import news_facts  # noqa: E402
import textpipe_stage  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


class AnalyseTests(unittest.TestCase):
    def test_quotes_and_tickers_use_code_point_offsets(self):
        text = 'Café owner said "we grew" and Caterpillar <CAT> rose.'
        result = news_facts.analyse({"text": text, "layers": {}})
        quote = result["spans"]["quotes"][0]
        ticker = result["spans"]["tickers"][0]
        self.assertEqual(text[quote["start"]:quote["end"]], '"we grew"')
        self.assertEqual(text[ticker["start"]:ticker["end"]], "CAT")

    def test_facts_count_words_and_sentences_from_layers(self):
        layers = {
            "tokens": [{"start": 0, "end": 2, "kind": "word"}, {"start": 2, "end": 3, "kind": "punctuation"},
                       {"start": 4, "end": 6, "kind": "word"}, {"start": 7, "end": 9, "kind": "word"}],
            "sentences": [{"start": 0, "end": 3}, {"start": 4, "end": 9}],
        }
        facts = news_facts.analyse({"text": "Hi. Yo yo", "layers": layers})["attributes"]["facts"]
        self.assertEqual(facts, {"words": 3, "sentences": 2, "quotes": 0, "words_per_sentence": 1.5})


class ProtocolTests(unittest.TestCase):
    def exchange(self, messages):
        stdin = io.BytesIO("".join(json.dumps(m) + "\n" for m in messages).encode())
        stdout = io.BytesIO()
        status = textpipe_stage.serve("news-facts", news_facts.analyse, stdin, stdout)
        return status, [json.loads(line) for line in stdout.getvalue().splitlines()]

    def test_handshake_then_result_with_seq(self):
        status, replies = self.exchange([
            {"type": "hello", "protocol": 1, "stage": "news-facts", "layers": []},
            {"type": "analyse", "seq": 1, "id": "a", "text": "<IBM>", "layers": {}},
        ])
        self.assertEqual(status, 0)
        self.assertEqual(replies[0], {"type": "hello", "protocol": 1, "stage": "news-facts"})
        self.assertEqual(replies[1]["type"], "result")
        self.assertEqual(replies[1]["seq"], 1)
        self.assertEqual(replies[1]["spans"]["tickers"], [{"start": 1, "end": 4, "label": "TICKER"}])

    def test_an_exception_becomes_an_error_reply_and_the_stage_goes_on(self):
        _, replies = self.exchange([
            {"type": "analyse", "seq": 1, "id": "a"},
            {"type": "analyse", "seq": 2, "id": "b", "text": "ok", "layers": {}},
        ])
        self.assertEqual(replies[0]["type"], "error")
        self.assertIn("KeyError", replies[0]["message"])
        self.assertEqual(replies[1]["type"], "result")

    def test_unknown_protocol_version_stops_the_stage(self):
        status, replies = self.exchange([{"type": "hello", "protocol": 99, "stage": "news-facts"}])
        self.assertEqual(status, 2)
        self.assertEqual(replies, [])

    def test_runs_as_a_process(self):
        messages = [{"type": "hello", "protocol": 1, "stage": "news-facts", "layers": []},
                    {"type": "analyse", "seq": 1, "id": 7, "text": "\u201cYes\u201d, he said.", "layers": {}}]
        done = subprocess.run([sys.executable, os.path.join(HERE, "news_facts.py")], input="".join(json.dumps(m) + "\n" for m in messages),
                              capture_output=True, text=True, timeout=30, check=True)
        replies = [json.loads(line) for line in done.stdout.splitlines()]
        self.assertEqual(replies[1]["spans"]["quotes"], [{"start": 0, "end": 5, "label": "QUOTE"}])


if __name__ == "__main__":
    unittest.main()
