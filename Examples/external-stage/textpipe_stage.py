"""Helper for writing TextPipeline external stages in Python (stdlib only).

Implements version 1 of the protocol in docs/external-protocol.md: JSON lines
over stdin/stdout, a handshake, then one request and one reply per article.
Offsets are code points, which is how Python indexes str.

    from textpipe_stage import serve

    def analyse(request):
        text = request["text"]
        return {"spans": {"shouting": [{"start": 0, "end": 5}]}}

    serve("my-stage", analyse)
"""

import json
import sys

PROTOCOL_VERSION = 1


def _write(stream, message):
    stream.write(json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
    stream.flush()


def handle(name, analyse, message):
    """Returns the reply to one decoded message, or None when none is due."""
    kind = message.get("type")
    if kind == "hello":
        return {"type": "hello", "protocol": PROTOCOL_VERSION, "stage": name}
    if kind == "analyse":
        seq = message.get("seq")
        try:
            result = analyse(message) or {}
        except Exception as error:  # one bad article must not stop the stage
            return {"type": "error", "seq": seq, "message": f"{type(error).__name__}: {error}"}
        reply = {"type": "result", "seq": seq}
        reply.update({key: value for key, value in result.items() if key in ("entities", "spans", "attributes")})
        return reply
    return None


def serve(name, analyse, stdin=None, stdout=None):
    """Answers requests until stdin closes.

    `analyse(request)` receives the request (with "text", "id", "layers")
    and returns a dict with any of "entities", "spans" and "attributes".
    An exception it raises becomes an error reply for that article only.
    """
    stdin = stdin or sys.stdin.buffer
    stdout = stdout or sys.stdout.buffer
    for line in stdin:
        message = json.loads(line)
        if message.get("type") == "hello" and message.get("protocol") != PROTOCOL_VERSION:
            sys.stderr.write(f"{name}: textpipe speaks protocol {message.get('protocol')}, this stage speaks {PROTOCOL_VERSION}\n")
            return 2
        reply = handle(name, analyse, message)
        if reply is not None:
            _write(stdout, reply)
    return 0
