#!/usr/bin/env python3
"""Lists the public symbols of the given modules that have no doc comment.

usage: docs-coverage.py SYMBOLGRAPH_DIR MODULE...

Reads MODULE.symbols.json and MODULE@*.symbols.json (as written by
`swift package dump-symbol-graph --minimum-access-level public`). Exits 1
when a symbol lacks documentation, after listing each by file and line.
Not required to have a doc comment (DocC shows the protocol's own):
symbols the compiler synthesised, and members that implement a requirement
of a standard-library protocol (Equatable, Hashable, Collection,
IteratorProtocol, RawRepresentable, CustomStringConvertible, Error...).
"""
import collections
import glob
import json
import os
import sys

# Requirements of standard-library protocols; a member with one of these names
# implements the protocol and inherits its documentation.
STANDARD_REQUIREMENTS = {
    "==(_:_:)", "!=(_:_:)", "<(_:_:)", "hash(into:)", "hashValue",
    "description", "debugDescription", "errorDescription",
    "startIndex", "endIndex", "index(after:)", "index(before:)", "subscript(_:)",
    "makeIterator()", "next()", "makeAsyncIterator()",
    "init(rawValue:)", "rawValue", "allCases",
    "encode(to:)", "init(from:)",
    "Element", "Index", "Indices", "Iterator", "AsyncIterator", "SubSequence", "RawValue", "AllCases", "Failure",
}


def symbols(directory, module):
    found = {}
    for path in glob.glob(os.path.join(directory, f"{module}.symbols.json")) + glob.glob(
        os.path.join(directory, f"{module}@*.symbols.json")
    ):
        with open(path) as handle:
            graph = json.load(handle)
        for symbol in graph["symbols"]:
            if symbol["accessLevel"] not in ("public", "open"):
                continue
            found[symbol["identifier"]["precise"]] = symbol
    return found.values()


def missing(symbol):
    if symbol.get("docComment"):
        return False
    if "::SYNTHESIZED::" in symbol["identifier"]["precise"]:
        return False
    if symbol["pathComponents"][-1] in STANDARD_REQUIREMENTS or symbol["pathComponents"][-1].startswith("$"):
        return False
    return True


def stage_api(uri, symbol):
    """Whether the symbol belongs to the Stage API: its files, and each stage's
    id/options/factory declarations, which the Stage API rework replaces."""
    if "/Stage/" in uri:
        return True
    kind = symbol["kind"]["identifier"]
    return kind == "swift.type.property" and symbol["pathComponents"][-1] in ("id", "options", "factory")


def main():
    directory, modules = sys.argv[1], sys.argv[2:]
    total_missing = 0
    for module in modules:
        all_symbols = list(symbols(directory, module))
        undocumented = [s for s in all_symbols if missing(s)]
        total_missing += len(undocumented)
        print(f"docs-coverage: {module}: {len(all_symbols)} public symbols, {len(undocumented)} without a doc comment")
        by_file = collections.defaultdict(list)
        stage_count = 0
        for symbol in undocumented:
            location = symbol.get("location", {})
            uri = location.get("uri", "?").replace("file://", "")
            uri = os.path.relpath(uri) if uri.startswith("/") else uri
            line = location.get("position", {}).get("line", -1) + 1
            owner = stage_api(uri, symbol)
            stage_count += owner
            by_file[uri].append((line, ".".join(symbol["pathComponents"]) + ("  (Stage API)" if owner else "")))
        for uri in sorted(by_file):
            print(f"  {uri}")
            for line, name in sorted(by_file[uri]):
                print(f"    {line}: {name}")
        if undocumented:
            print(f"docs-coverage: {module}: {stage_count} of the {len(undocumented)} belong to the Stage API")
    if total_missing:
        print(f"docs-coverage: FAILED: {total_missing} public symbols have no doc comment", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
