#!/usr/bin/env python3
"""Run a textpipe pipeline over JSON lines on Apache Spark, as a batch job or a stream.

    spark-submit spark/textpipe_spark.py --bundle textpipe-bundle.tar.gz \\
        --input hdfs:///news/2024/ --output hdfs:///out/news-2024 --format parquet

Spark distributes, ``textpipe run`` analyses: every partition is piped through
the bundle's binary over stdin/stdout (spark/textpipe_pipe.py). One output
record per non-blank input line, nothing dropped or repeated, under retries,
speculation and (with --stream) restarts. Options, schema and set-ups:
docs/spark.md.
"""

import argparse
import os
import signal
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from pyspark.sql import Observation, SparkSession  # noqa: E402
from pyspark.sql import functions as F  # noqa: E402

import textpipe_pipe  # noqa: E402
import textpipe_schema  # noqa: E402

ERROR_MARK = ',"error":{"stage":'


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="textpipe_spark.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", required=True,
                        help="textpipe bundle: a .tar.gz from `textpipe bundle` (shipped to the executors), "
                             "an unpacked folder present on every node, or the alias of --archives FILE#ALIAS")
    parser.add_argument("--input", required=True, help="JSON lines (plain or .gz): a file, folder, glob or URL; "
                                                       "with --stream, the folder to watch")
    parser.add_argument("--output", required=True, help="output folder")
    parser.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl", help="output format (default jsonl)")
    parser.add_argument("--partitions", type=int, default=0,
                        help="input partitions (default: Spark's; more than the input splits adds a shuffle)")
    parser.add_argument("--workers", type=int, default=1, help="threads of each textpipe process (default 1)")
    parser.add_argument("--run-option", action="append", default=[], metavar="OPTION",
                        help="extra option for `textpipe run`, e.g. --run-option=--offsets=utf16 (repeatable)")
    parser.add_argument("--overwrite", action="store_true", help="batch: replace an existing output folder")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="batch benchmark: run the job N times in the same JVM (the first pays the JIT warm-up)")
    parser.add_argument("--stream", action="store_true", help="watch --input for new files (Structured Streaming)")
    parser.add_argument("--checkpoint", help="stream: checkpoint folder (default: OUTPUT-checkpoint)")
    parser.add_argument("--once", action="store_true", help="stream: analyse the files present, then stop")
    parser.add_argument("--idle-stop", type=float, default=0, metavar="SECONDS",
                        help="stream: stop after SECONDS without new articles (default: run until stopped)")
    parser.add_argument("--max-files-per-trigger", type=int, default=0, help="stream: files per micro-batch")
    parser.add_argument("--master", help="Spark master when not started by spark-submit, e.g. local[2]")
    arguments = parser.parse_args(argv)
    if arguments.workers < 1 or arguments.partitions < 0 or arguments.repeat < 1:
        parser.error("--workers and --repeat must be at least 1, --partitions at least 0")
    return arguments


def log(message):
    print("textpipe-spark: " + message, file=sys.stderr, flush=True)


def start_spark(arguments):
    builder = SparkSession.builder.appName("textpipe").config("spark.ui.showConsoleProgress", "false")
    if arguments.master:
        builder = builder.master(arguments.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    if arguments.partitions:
        spark.conf.set("spark.sql.files.minPartitionNum", str(arguments.partitions))
    return spark


def ship_bundle(spark, bundle):
    """Ships an archive with the job; returns the name executors find it by."""
    if os.path.isfile(bundle) or "://" in bundle:
        spark.sparkContext.addArchive(bundle)
        return os.path.basename(bundle)
    return os.path.abspath(bundle) if os.path.isdir(bundle) else bundle


def file_lines(frame):
    """(source, block, value): each input line's file, split and raw bytes."""
    return frame.select(F.col("_metadata.file_path").alias("source"),
                        F.col("_metadata.file_block_start").alias("block"),
                        F.col("value").cast("binary").alias("value"))


def split_plan(lines):
    """(start offsets of the input splits, number of partitions), read from the physical plan, or None."""
    try:
        leaves = lines._jdf.queryExecution().executedPlan().collectLeaves()
        starts, partitions = [], 0
        for index in range(leaves.size()):
            leaf = leaves.apply(index)
            if leaf.getClass().getSimpleName() != "FileSourceScanExec":
                return None
            for partition in leaf.inputRDD().partitions():
                partitions += 1
                starts += [split.start() for split in partition.files()]
        return starts, partitions
    except Exception:  # another Spark's internals: count instead
        return None


def whole_files(lines, wanted_partitions):
    """Whether every file is one split starting at byte 0 and no shuffle is needed:
    then a file's lines are consecutive rows of one partition and Python numbers them."""
    plan = split_plan(lines)
    return plan is not None and not any(plan[0]) and plan[1] >= wanted_partitions


def number_lines(spark, lines):
    """(source, line, value) with each line's 1-based number in its file.

    One counting pass (JVM only, the line bytes are not copied) gives each
    split its line count and first row id; the first line of a split is one
    more than the lines of the splits before it in the same file. Row ids are
    the same in both passes (same files, same splits), so numbers are stable
    under retries and whatever the partitioning.
    """
    rows = lines.withColumn("_row", F.monotonically_increasing_id())
    splits = rows.select("source", "block", "_row").groupBy("source", "block").agg(
        F.count(F.lit(1)).alias("lines"), F.min("_row").alias("first_row")).collect()
    deltas, seen = [], {}
    for split in sorted(splits, key=lambda row: (row["source"], row["block"])):
        first_line = seen.get(split["source"], 0) + 1
        seen[split["source"]] = first_line - 1 + split["lines"]
        deltas.append((split["source"], split["block"], first_line - split["first_row"]))
    table = spark.createDataFrame(deltas, "source string, block long, delta long")
    return rows.join(F.broadcast(table), ["source", "block"]).select(
        "source", (F.col("_row") + F.col("delta")).alias("line"), "value")


def arrow_rows(batches):
    """(source, line, value) tuples from Arrow batches of ``number_lines``."""
    for batch in batches:
        columns = batch.to_pydict()
        yield from zip(columns["source"], columns["line"], columns["value"])


def arrow_rows_numbered(batches):
    """(source, line, value) from Arrow batches of ``file_lines`` when each file is one split:
    its rows are consecutive and start with line 1."""
    source, line = None, 0
    for batch in batches:
        columns = batch.to_pydict()
        for row_source, value in zip(columns["source"], columns["value"]):
            if row_source != source:
                source, line = row_source, 0
            line += 1
            yield row_source, line, value


def analyse(frame, arguments, bundle, rows=arrow_rows):
    """One output JSON line per article, as a DataFrame with one string column ``line``.

    Rows travel to and from Python as Arrow batches (``mapInArrow``).
    """
    if rows is arrow_rows and arguments.partitions and frame.rdd.getNumPartitions() < arguments.partitions:
        frame = frame.repartition(arguments.partitions, "source", "line").sortWithinPartitions("source", "line")
    workers, options = arguments.workers, list(arguments.run_option)

    def run(batches):
        import pyarrow

        lines = []
        for line in textpipe_pipe.analyse_partition(rows(batches), bundle, workers, options):
            lines.append(line)
            if len(lines) == 512:
                yield pyarrow.RecordBatch.from_arrays([pyarrow.array(lines, pyarrow.string())], ["line"])
                lines = []
        if lines:
            yield pyarrow.RecordBatch.from_arrays([pyarrow.array(lines, pyarrow.string())], ["line"])

    return frame.mapInArrow(run, "line string")


def write(frame, path, arguments, bundle, mode, rows=arrow_rows):
    """Analyses and writes the lines (jsonl) or the parsed records (parquet); returns (articles, errors, bytes)."""
    read = Observation("textpipe input")
    written = Observation("textpipe output")
    frame = frame.observe(read, F.coalesce(F.sum(F.octet_length("value")), F.lit(0)).alias("bytes"))
    kind = F.when(F.col("line").contains(ERROR_MARK), F.get_json_object("line", "$.error.kind"))
    output = analyse(frame, arguments, bundle, rows).observe(
        written, F.count(F.lit(1)).alias("articles"), F.count(kind).alias("errors"))
    if arguments.format == "parquet":
        records = output.select(F.from_json("line", textpipe_schema.OUTPUT).alias("r")).select("r.*")
        records.write.mode(mode).parquet(path)
    else:
        output.write.mode(mode).text(path)
    return written.get.get("articles", 0), written.get.get("errors", 0), read.get.get("bytes", 0)


def report_errors(spark, path, arguments, limit=5):
    """Error counts by kind and the first error records, read back from the output."""
    if arguments.format == "parquet":
        errors = spark.read.parquet(path).where(F.col("error").isNotNull())
        kinds = errors.groupBy(F.col("error.kind").alias("kind")).count().collect()
        sample = [str(row.asDict(recursive=True)) for row in errors.select("id", "error").limit(limit).collect()]
    else:
        errors = spark.read.text(path).where(F.col("value").contains(ERROR_MARK))
        kinds = errors.groupBy(F.get_json_object("value", "$.error.kind").alias("kind")).count().collect()
        sample = [row["value"] for row in errors.limit(limit).collect()]
    log("errors by kind: " + ", ".join("%s %d" % (row["kind"], row["count"]) for row in sorted(kinds, key=lambda r: r["kind"] or "")))
    for record in sample:
        log("  " + record)


def analyse_to(spark, lines, path, arguments, bundle, mode):
    """Numbers, analyses and writes one batch of ``file_lines``; returns (articles, errors, bytes)."""
    started = time.monotonic()
    if whole_files(lines, arguments.partitions):
        frame, rows, numbering = lines, arrow_rows_numbered, "no line-numbering pass (whole files)"
    else:
        frame, rows = number_lines(spark, lines), arrow_rows
        numbering = "line-numbering pass %.2f s" % (time.monotonic() - started)
    counted = time.monotonic()
    articles, errors, total_bytes = write(frame, path, arguments, bundle, mode, rows)
    log("%s, analysis and writing %.2f s" % (numbering, time.monotonic() - counted))
    if errors:
        report_errors(spark, path, arguments)
    return articles, errors, total_bytes


def summary(articles, errors, total_bytes, seconds, what):
    megabytes = total_bytes / 1e6
    log("%d articles, %d errors, %.1f MB in %.2f s (%.2f MB/s) %s"
        % (articles, errors, megabytes, seconds, megabytes / seconds if seconds > 0 else 0.0, what))


def text_reader(spark):
    # Lines end at \n only (as textpipe reads them); a trailing \r is textpipe's to drop.
    return spark.read.option("lineSep", "\n")


def run_batch(spark, arguments, bundle):
    for run in range(1, arguments.repeat + 1):
        started = time.monotonic()
        lines = file_lines(text_reader(spark).text(arguments.input))
        mode = "overwrite" if arguments.overwrite or run > 1 else "errorifexists"
        articles, errors, total_bytes = analyse_to(spark, lines, arguments.output, arguments, bundle, mode)
        what = "(analysis and writing, without Spark start-up%s)" % ("; run %d of %d" % (run, arguments.repeat) if arguments.repeat > 1 else "")
        summary(articles, errors, total_bytes, time.monotonic() - started, what)


class BatchWriter:
    """foreachBatch: writes micro-batch N to OUTPUT/batch=N exactly once.

    The file source logs the files of batch N in the checkpoint before the
    batch runs, so a restarted query re-runs N over the same files. The output
    goes to OUTPUT/_incoming/batch=N, then is renamed to OUTPUT/batch=N; a
    batch whose folder exists is complete and skipped. On file systems whose
    rename is not atomic (object stores), read only folders with _SUCCESS.
    """

    def __init__(self, spark, arguments, bundle):
        self.spark, self.arguments, self.bundle = spark, arguments, bundle
        self.totals = [0, 0, 0]
        self.seconds = 0.0
        self.last_articles = time.monotonic()
        jvm = spark._jvm
        self.path = jvm.org.apache.hadoop.fs.Path
        self.fs = self.path(arguments.output).getFileSystem(spark._jsc.hadoopConfiguration())

    def __call__(self, lines, batch_id):
        final = "%s/batch=%d" % (self.arguments.output.rstrip("/"), batch_id)
        if self.fs.exists(self.path(final)):
            log("batch %d: already written, skipped" % batch_id)
            return
        incoming = "%s/_incoming/batch=%d" % (self.arguments.output.rstrip("/"), batch_id)
        started = time.monotonic()
        articles, errors, total_bytes = analyse_to(self.spark, lines, incoming, self.arguments, self.bundle, "overwrite")
        self.fs.mkdirs(self.path(self.arguments.output))
        if not self.fs.rename(self.path(incoming), self.path(final)):
            raise RuntimeError("cannot rename %s to %s" % (incoming, final))
        seconds = time.monotonic() - started
        for index, value in enumerate((articles, errors, total_bytes)):
            self.totals[index] += value
        self.seconds += seconds
        if articles:
            self.last_articles = time.monotonic()
        summary(articles, errors, total_bytes, seconds, "in batch %d" % batch_id)


def idle(query, writer, seconds):
    """No articles for ``seconds``, at least one trigger done, and nothing waiting or running."""
    status = query.status
    return (time.monotonic() - writer.last_articles > seconds and query.lastProgress is not None
            and not status["isDataAvailable"] and not status["isTriggerActive"])


def run_stream(spark, arguments, bundle):
    reader = spark.readStream.option("lineSep", "\n")
    if arguments.max_files_per_trigger:
        reader = reader.option("maxFilesPerTrigger", arguments.max_files_per_trigger)
    lines = file_lines(reader.format("text").load(arguments.input))
    writer = BatchWriter(spark, arguments, bundle)
    checkpoint = arguments.checkpoint or arguments.output.rstrip("/") + "-checkpoint"
    stream = lines.writeStream.foreachBatch(writer).option("checkpointLocation", checkpoint)
    stream = stream.trigger(availableNow=True) if arguments.once else stream
    query = stream.start()
    signal.signal(signal.SIGTERM, lambda *_: query.stop())
    while query.isActive:
        query.awaitTermination(1)
        if arguments.idle_stop and idle(query, writer, arguments.idle_stop):
            query.stop()
    if query.exception():
        raise RuntimeError(str(query.exception()))
    articles, errors, total_bytes = writer.totals
    summary(articles, errors, total_bytes, writer.seconds, "in all batches of this run")


def main(argv=None):
    arguments = parse_arguments(argv)
    started = time.monotonic()
    spark = start_spark(arguments)
    spark.sparkContext.addPyFile(os.path.join(HERE, "textpipe_pipe.py"))
    bundle = ship_bundle(spark, arguments.bundle)
    log("Spark started in %.1f s (%s, default parallelism %d)"
        % (time.monotonic() - started, spark.sparkContext.master, spark.sparkContext.defaultParallelism))
    try:
        (run_stream if arguments.stream else run_batch)(spark, arguments, bundle)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
