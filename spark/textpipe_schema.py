"""The Parquet schema of textpipe output (output schema version 1), as Spark types.

One row per input article. Analysis rows leave ``error`` null; error rows
carry only ``id`` and ``error``. Offsets are Unicode code points unless the
job passed ``--run-option=--offsets=utf16`` or ``utf8``. See docs/spark.md.
"""

from pyspark.sql.types import (ArrayType, DoubleType, IntegerType, LongType, MapType, StringType, StructField,
                               StructType)


def _span(*extra):
    return StructType([StructField("start", IntegerType()), StructField("end", IntegerType())] + list(extra))


SENTENCE = _span()
ENTITY = _span(StructField("text", StringType()), StructField("label", StringType()), StructField("id", StringType()))
KEYWORD = StructType([StructField("text", StringType()), StructField("score", DoubleType())])
TOKEN = _span(StructField("kind", StringType()))
LABELLED_SPAN = _span(StructField("label", StringType()))
ERROR = StructType([
    StructField("stage", StringType()),
    StructField("kind", StringType()),
    StructField("message", StringType()),
    StructField("source", StringType()),
    StructField("line", LongType()),
])

OUTPUT = StructType([
    # String or number ids both become strings: a numeric id 42 is "42".
    StructField("id", StringType()),
    StructField("sentences", ArrayType(SENTENCE)),
    StructField("entities", ArrayType(ENTITY)),
    StructField("keywords", ArrayType(KEYWORD)),
    StructField("tokens", ArrayType(TOKEN)),
    StructField("spans", MapType(StringType(), ArrayType(LABELLED_SPAN))),
    # Each attribute value as its JSON text (stages choose its type).
    StructField("attributes", MapType(StringType(), StringType())),
    StructField("warnings", ArrayType(StringType())),
    StructField("error", ERROR),
])
