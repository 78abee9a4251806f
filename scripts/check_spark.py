#!/usr/bin/env python3
"""Checks spark/textpipe_spark.py against `textpipe run` (called by scripts/check-spark).

    check_spark.py --bundle B.tar.gz --textpipe BUILD/textpipe --corpus news.jsonl --work DIR [--articles 2000]

batch:  the first N corpus articles, split into a plain file and a .gz file,
        with records written for this check (no id, invalid JSON, invalid
        UTF-8, a BOM, blank and CRLF lines) placed inside both, through the
        driver in local[2]: JSON lines with 4 partitions (a file read in
        several splits: lines numbered by the counting pass) and with whole
        files (numbered in Python), and Parquet with 3 partitions. The JSON lines must be the same
        multiset as `textpipe run` gives for the same files (source names
        compared without Spark's file:// prefix), every id once; the Parquet
        rows must hold the same ids and entity counts.
stream: files dropped one by one into a watched folder; the driver is killed
        (SIGKILL) after its first batch, files keep arriving, a restarted
        driver finishes; every article must be in the output exactly once and
        the lines must equal `textpipe run` over the same files.
"""

import argparse
import collections
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DRIVER = os.path.join(HERE, "..", "spark", "textpipe_spark.py")

def edge_records(tag):
    """Records written for this check; explicit ids carry `tag` so each id stays unique."""
    return [
        b'{"text":"No id: Kim Jong Un spoke in Pyongyang."}',
        b'{"id":"%s-invalid","text":' % tag,
        b'{"id":"%s-utf8","text":"caf\xe9 broken"}' % tag,
        b"",
        b"  \t",
        b'{"id":"%s-crlf","text":"A CRLF line about Geneva."}\r' % tag,
        b'{"text":"Another without an id, about Beijing."}',
        b'{"id":"%s-number","text":42}' % tag,
        b'{"id":%d,"text":"A numeric id about London."}' % (9000000 + sum(tag)),
    ]


def fail(message):
    print("check-spark: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def corpus_lines(path, count):
    lines = []
    with open(path, "rb") as handle:
        for line in handle:
            lines.append(line.rstrip(b"\n"))
            if len(lines) == count:
                break
    return lines


def write_inputs(folder, lines):
    """A plain file (BOM, edge records in the middle and at the end) and a .gz file."""
    os.makedirs(folder)
    half = len(lines) // 2
    plain = [b"\xef\xbb\xbf" + lines[0]] + lines[1:half // 2] + edge_records(b"a1") + lines[half // 2:half] + edge_records(b"a2")
    with open(os.path.join(folder, "part-a.jsonl"), "wb") as handle:
        handle.write(b"\n".join(plain) + b"\n")
    with gzip.open(os.path.join(folder, "part-b.jsonl.gz"), "wb") as handle:
        handle.write(b"\n".join(lines[half:] + edge_records(b"b")) + b"\n")
    return [os.path.join(folder, name) for name in sorted(os.listdir(folder))]


def textpipe_lines(textpipe, files, work):
    output = os.path.join(work, "direct.jsonl")
    environment = dict(os.environ, TEXTPIPE_CACHE=os.path.join(work, "cache"))
    subprocess.run([textpipe, "run", "--workers", "2", "-o", output] + files, check=True, env=environment,
                   stderr=subprocess.DEVNULL)
    with open(output, encoding="utf-8") as handle:
        return handle.read().splitlines()


def spark_lines(folder):
    lines = []
    for root, _, names in os.walk(folder):
        if "/_incoming" in root:
            continue
        for name in sorted(names):
            if name.startswith("part-"):
                with open(os.path.join(root, name), encoding="utf-8") as handle:
                    lines += handle.read().splitlines()
    return lines


def normalise(lines):
    """Spark names sources file:///path; textpipe run names them /path."""
    return [line.replace('"file://', '"').replace('"file:', '"') for line in lines]


def local_name(text):
    """file:///path:3 or file:/path:3 → /path:3, as in normalise."""
    for prefix in ("file://", "file:"):
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


def ids(lines):
    return collections.Counter(json.dumps(json.loads(line)["id"]) for line in lines)


def compare(spark, direct, what):
    spark = normalise(spark)
    if collections.Counter(spark) != collections.Counter(direct):
        missing = collections.Counter(direct) - collections.Counter(spark)
        extra = collections.Counter(spark) - collections.Counter(direct)
        fail("%s: %d lines differ from textpipe run; missing e.g. %s; extra e.g. %s"
             % (what, sum(missing.values()) + sum(extra.values()), list(missing)[:1], list(extra)[:1]))
    expected = ids(direct)
    repeated = [key for key, count in ids(spark).items() if count != expected[key] or count != 1]
    if repeated:
        fail("%s: ids not present exactly once: %s" % (what, repeated[:5]))
    print("check-spark: %s: %d lines, same multiset as textpipe run, every id once" % (what, len(spark)))


def driver(arguments, *options, wait=True):
    command = [sys.executable, DRIVER, "--master", "local[2]", "--bundle", arguments.bundle] + list(options)
    if wait:
        result = subprocess.run(command, stderr=subprocess.PIPE, text=True)
        summary = [line for line in result.stderr.splitlines() if line.startswith("textpipe-spark:")]
        print("\n".join(summary))
        if result.returncode != 0:
            fail("driver %s exited with %d:\n%s" % (" ".join(options), result.returncode, result.stderr[-3000:]))
        return summary
    log = open(os.path.join(arguments.work, "stream-%d.log" % time.monotonic_ns()), "w")
    return subprocess.Popen(command, stderr=log, stdout=log, start_new_session=True)


def check_batch(arguments, lines):
    files = write_inputs(os.path.join(arguments.work, "batch-input"), lines)
    direct = textpipe_lines(arguments.textpipe, files, arguments.work)
    output = os.path.join(arguments.work, "batch-jsonl")
    driver(arguments, "--input", os.path.dirname(files[0]), "--output", output, "--partitions", "4", "--workers", "1")
    compare(spark_lines(output), direct, "batch local[2] jsonl, 4 partitions (files read in several splits)")
    whole = os.path.join(arguments.work, "batch-whole")
    driver(arguments, "--input", os.path.dirname(files[0]), "--output", whole, "--workers", "2")
    compare(spark_lines(whole), direct, "batch local[2] jsonl, whole files (numbered in Python)")
    parquet = os.path.join(arguments.work, "batch-parquet")
    driver(arguments, "--input", os.path.dirname(files[0]), "--output", parquet, "--format", "parquet", "--partitions", "3")
    check_parquet(parquet, direct)


def check_parquet(folder, direct):
    import pyarrow.parquet as pq  # installed with pyspark[sql]

    table = pq.read_table(folder).to_pylist()
    expected = {}
    for line in direct:
        record = json.loads(line)
        expected[str(record["id"])] = (len(record.get("entities", [])), (record.get("error") or {}).get("kind"))
    found = {local_name(row["id"]): (len(row["entities"] or []), (row["error"] or {}).get("kind")) for row in table}
    if len(table) != len(direct) or found != expected:
        fail("parquet: %d rows for %d records, or ids/entities/errors differ" % (len(table), len(direct)))
    print("check-spark: batch local[2] parquet: %d rows, same ids, entity counts and error kinds" % len(table))


def wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(1)
    fail("timed out waiting for " + what)


def batches(output):
    return sorted(name for name in os.listdir(output) if name.startswith("batch=")) if os.path.isdir(output) else []


def check_stream(arguments, lines):
    inbox = os.path.join(arguments.work, "inbox")
    staging = os.path.join(arguments.work, "staging")
    output = os.path.join(arguments.work, "stream-out")
    os.makedirs(inbox)
    os.makedirs(staging)
    chunks = [lines[index::6] for index in range(6)]
    chunks[2] = chunks[2] + edge_records(b"s")
    dropped = []

    def drop(index):
        path = os.path.join(staging, "drop-%d.jsonl" % index)
        with open(path, "wb") as handle:
            handle.write(b"\n".join(chunks[index]) + b"\n")
        os.rename(path, os.path.join(inbox, os.path.basename(path)))  # atomic: the query never sees half a file
        dropped.append(os.path.join(inbox, os.path.basename(path)))

    options = ["--stream", "--input", inbox, "--output", output, "--max-files-per-trigger", "1", "--idle-stop", "30"]
    first = driver(arguments, *options, wait=False)
    drop(0)
    drop(1)
    drop(2)
    wait_for(lambda: batches(output), 900, "the first streaming batch")
    time.sleep(2)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    checkpoint = output + "-checkpoint"
    planned, committed = (sorted(int(name) for name in os.listdir(os.path.join(checkpoint, sub)) if name.isdigit())
                          for sub in ("offsets", "commits"))
    print("check-spark: stream: killed the query (SIGKILL) with %s written, batches planned %s, committed %s; %d files dropped"
          % (batches(output), planned, committed, len(dropped)))
    drop(3)
    second = driver(arguments, *options, wait=False)
    drop(4)
    time.sleep(5)
    drop(5)
    status = second.wait(timeout=1800)
    if status != 0:
        fail("restarted streaming driver exited with %d (see %s)" % (status, arguments.work))
    direct = textpipe_lines(arguments.textpipe, dropped, arguments.work)
    compare(spark_lines(output), direct, "stream killed and restarted (%d batches)" % len(batches(output)))


def main():
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", required=True)
    parser.add_argument("--textpipe", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--only", choices=["batch", "stream"])
    arguments = parser.parse_args()
    lines = corpus_lines(arguments.corpus, arguments.articles)
    if arguments.only != "stream":
        check_batch(arguments, lines)
    if arguments.only != "batch":
        check_stream(arguments, lines)
    print("check-spark: ok")


if __name__ == "__main__":
    main()
