#!/usr/bin/env python3
"""An external stage for tests that misbehaves on request, by article text:
CRASH exits with status 3, HANG sleeps, GARBAGE writes a non-JSON line,
PARTIAL writes half a line then sleeps, HUGE writes a 2 MB line, UNDECLARED
writes an undeclared span layer, REFUSE answers with an error message, PID reports the process id,
TWICE replies twice, EXIT_AFTER replies then exits,
ENTITY marks itself as an entity, SPLIT proposes an entity inside a token.
Any other article gets {"attributes": {"length": <code points>}}.
The optional argument is the name to announce in the handshake."""

import json
import os
import sys
import time

NAME = sys.argv[1] if len(sys.argv) > 1 else "misbehaving"


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


for line in sys.stdin:
    request = json.loads(line)
    if request["type"] == "hello":
        send({"type": "hello", "protocol": 1, "stage": NAME})
        continue
    text, seq = request["text"], request["seq"]
    if "CRASH" in text:
        os._exit(3)
    elif "HANG" in text:
        time.sleep(3600)
    elif "GARBAGE" in text:
        sys.stdout.write("this is not json\n")
        sys.stdout.flush()
    elif "PARTIAL" in text:
        sys.stdout.write('{"type": "result", "se')
        sys.stdout.flush()
        time.sleep(3600)
    elif "HUGE" in text:
        send({"type": "result", "seq": seq, "attributes": {"length": "x" * 2_000_000}})
    elif "UNDECLARED" in text:
        send({"type": "result", "seq": seq, "spans": {"other": [{"start": 0, "end": 1}]}})
    elif "TWICE" in text:
        send({"type": "result", "seq": seq, "attributes": {"length": len(text)}})
        send({"type": "result", "seq": seq, "attributes": {"length": len(text)}})
    elif "EXIT_AFTER" in text:
        send({"type": "result", "seq": seq, "attributes": {"length": len(text)}})
        sys.exit(0)
    elif "PID" in text:
        send({"type": "result", "seq": seq, "attributes": {"length": os.getpid()}})
    elif "ENTITY" in text:
        start = text.index("ENTITY")
        send({"type": "result", "seq": seq, "entities": [{"start": start, "end": start + 6, "label": "MISC", "id": "t:1"}]})
    elif "SPLIT" in text:
        send({"type": "result", "seq": seq, "entities": [{"start": 1, "end": 3, "label": "MISC"}]})
    elif "REFUSE" in text:
        send({"type": "error", "seq": seq, "message": "refused on purpose"})
    else:
        send({"type": "result", "seq": seq, "attributes": {"length": len(text)}})
