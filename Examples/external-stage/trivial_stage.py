#!/usr/bin/env python3
"""The smallest useful external stage: the article's length in code points.

Used to measure the fixed per-article cost of the external protocol
(see docs/plugins.md, "Cost of an external stage").
"""

import sys

from textpipe_stage import serve

if __name__ == "__main__":
    sys.exit(serve("trivial", lambda request: {"attributes": {"length": len(request["text"])}}))
