"""Executor side of the Spark driver: one ``textpipe run`` process per partition.

``analyse_partition`` receives the rows of one partition, each
``(source, line, value)`` where ``value`` is the raw bytes of one input line,
``source`` the file it came from and ``line`` its 1-based line number in that
file. It writes the non-blank lines to the bundle's ``textpipe run`` over
standard input and yields one output JSON line per article, in input order.

Contracts (see docs/spark.md):

- Exactly one output line per non-blank input line; a process that exits
  non-zero or returns a different number of lines fails the task (Spark then
  retries it), it never drops or invents records.
- Deterministic: the output depends only on the rows, so a retried or
  speculated task yields the same lines.
- Ids: textpipe names a record without an id ``"<stdin>:N"`` and error records
  carry ``"source":"<stdin>","line":N``; both are rewritten to the file and
  its line, exactly as ``textpipe run FILE`` would name them, so they do not
  depend on partitioning or retries.
"""

import collections
import json
import os
import shutil
import subprocess
import tempfile
import threading

BOM = b"\xef\xbb\xbf"


def is_blank(value, line):
    """textpipe's rule: after the BOM of a file's first line and one trailing CR, only spaces and tabs."""
    if value.endswith(b"\r"):
        value = value[:-1]
    if line == 1 and value.startswith(BOM):
        value = value[3:]
    return not value.strip(b" \t")


def json_string(text):
    """A JSON string as textpipe writes it (UTF-8, not \\u-escaped)."""
    return json.dumps(text, ensure_ascii=False)


class IdRewriter:
    """Rewrites ``<stdin>`` names in one output line to the input's file and line."""

    ERROR_HEAD = ',"error":{"stage":'

    def __init__(self, stdin_line, source, line, own_id):
        self.stdin_line = stdin_line
        self.source = source
        self.line = line
        self.own_id = own_id

    def apply(self, output):
        if "<stdin>" not in output:
            return output
        generated = '{"id":"<stdin>:%d"' % self.stdin_line
        rest = output
        head = ""
        if output.startswith(generated) and not self.own_id:
            head = '{"id":' + json_string("%s:%d" % (self.source, self.line))
            rest = output[len(generated):]
        elif output.startswith('{"id":'):
            end = id_end(output)
            head, rest = output[:end], output[end:]
        tail = ',"source":"<stdin>","line":%d}}' % self.stdin_line
        if rest.startswith(self.ERROR_HEAD) and rest.endswith(tail):
            rest = rest[: -len(tail)] + ',"source":%s,"line":%d}}' % (json_string(self.source), self.line)
        return head + rest


def id_end(output):
    """The index just past the id value of ``{"id":<value>,...``."""
    decoder = json.JSONDecoder()
    _, end = decoder.raw_decode(output, len('{"id":'))
    return end


def bundle_folder(name):
    """The unpacked bundle: a folder shipped with --archives / addArchive, or a local path."""
    if os.path.isdir(name):
        return name
    from pyspark import SparkFiles

    folder = SparkFiles.get(name)
    if not os.path.isdir(folder):
        raise RuntimeError("textpipe bundle %r was not shipped to this executor (expected folder %s)" % (name, folder))
    return folder


def textpipe_command(folder, workers, run_options):
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as handle:
        manifest = json.load(handle)
    binary = os.path.join(folder, manifest["binary"])
    pipeline = os.path.join(folder, manifest["pipeline"])
    return [binary, "run", "--pipeline", pipeline, "--workers", str(workers)] + list(run_options)


def feed(rows, stdin, pending, failure):
    """Writes the rows to textpipe's stdin (one blank first line, so no article sits at the stream start)."""
    try:
        stdin.write(b"\n")
        stdin_line = 1
        for source, line, value in rows:
            value = bytes(value)
            if is_blank(value, line):
                continue
            if line == 1 and value.startswith(BOM):
                value = value[3:]
            stdin_line += 1
            own_id = b"<stdin>:" in value and (b'"<stdin>:%d"' % stdin_line) in value
            pending.append(IdRewriter(stdin_line, source, line, own_id))
            stdin.write(value)
            stdin.write(b"\n")
    except BaseException as error:  # reported by the reading side
        failure.append(error)
    finally:
        try:
            stdin.close()
        except OSError as error:
            failure.append(error)


def analyse_partition(rows, bundle, workers, run_options):
    """Pipes ``rows`` through the bundle's textpipe; yields one JSON line (str) per article."""
    folder = bundle_folder(bundle)
    scratch = tempfile.mkdtemp(prefix="textpipe-task-")
    environment = {"PATH": "/usr/bin:/bin", "HOME": scratch, "TEXTPIPE_CACHE": os.path.join(scratch, "cache"), "LC_ALL": "C"}
    errors = tempfile.TemporaryFile(dir=scratch)
    process = subprocess.Popen(textpipe_command(folder, workers, run_options), stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=errors, env=environment, cwd=scratch)
    pending = collections.deque()
    failure = []
    writer = threading.Thread(target=feed, args=(rows, process.stdin, pending, failure), daemon=True)
    writer.start()
    produced = 0
    try:
        for raw in process.stdout:
            if not pending:  # each rewriter is queued before its line is written
                raise RuntimeError("textpipe wrote more lines than it was given (%d so far)" % (produced + 1))
            produced += 1
            yield pending.popleft().apply(raw.decode("utf-8").rstrip("\n"))
        writer.join()
        status = process.wait()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        errors.seek(0)
        stderr = errors.read()[-2000:].decode("utf-8", "replace")
        errors.close()
        shutil.rmtree(scratch, ignore_errors=True)
    if failure:
        raise RuntimeError("feeding textpipe failed: %r" % failure[0])
    if status != 0:
        raise RuntimeError("textpipe exited with status %d: %s" % (status, stderr))
    if pending:
        raise RuntimeError("textpipe wrote %d lines for %d articles" % (produced, produced + len(pending)))
