#!/usr/bin/env python3
"""Labelled name pairs from the OFAC SDN list, for fitting the match scorer.

    python3 bench/match/make_ofac_pairs.py ../shared/data/sanctions/us_ofac_sdn/sdn.csv \
        > bench/match/ofac_alias_pairs.csv

Output: `schema,name1,name2,is_match` (the eval-pairs format).
Positives: an entry's primary name against one of its `a.k.a.` aliases (at most
two per entry). Nicknames and kunyas of people (one word, or starting with "the", "el",
"abu"...), short acronyms of organisations, and aliases sharing no word with the
name and less than half its letters are left out: no name comparator can or should link "BNC" to "BANCO NACIONAL DE
CUBA"; that link is the list's own alias, not a similarity.
Negatives (about two per positive of each schema): the primary names of two different entries of the same type that share
a word (one pair picked at random, one the most similar spelling among up to 60
sharers): the hard cases a screening scorer meets. Identical names of different
entries stay negatives: a name alone does not make two people one.
Deterministic (fixed seed). Python standard library only.
"""
import csv
import difflib
import random
import re
import sys
from collections import defaultdict

AKA = re.compile(r"a\.k\.a\. '(.+?)'(?=[;.]|\s*$)")
WORD = re.compile(r"[A-Za-z0-9]+")


def schema_of(sdn_type):
    t = sdn_type.strip().lower()
    if t == "individual":
        return "Person"
    if t == "vessel":
        return "Vessel"
    if t == "aircraft":
        return None
    return "Organization"


def words(name):
    return [w.lower() for w in WORD.findall(name)]


NICKNAME_START = {"the", "el", "la", "al", "abu", "umm", "doctor", "dr", "mr", "haji", "mullah", "commander"}


def keep_alias(schema, name, alias):
    """An alias a name comparator can be asked to link: a spelling, a reordering,
    a transliteration or a legal-form variant of the name, not a nickname, a kunya
    or the name of a sub-unit. Kept when it shares a word of 3+ letters with the
    name or its letters are at least half alike."""
    w = words(alias)
    if schema == "Person" and (len(w) < 2 or w[0] in NICKNAME_START):
        return False
    if schema != "Person" and len(alias.replace(" ", "")) < 5:
        return False
    shared = {x for x in w if len(x) >= 3} & {x for x in words(name) if len(x) >= 3}
    ratio = difflib.SequenceMatcher(None, "".join(sorted(words(name))), "".join(sorted(w))).ratio()
    return bool(shared) or ratio >= 0.5


def main():
    path = sys.argv[1]
    rng = random.Random(20240503)
    entries = []  # (schema, name, aliases)
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        for row in csv.reader(f):
            if len(row) < 12:
                continue
            schema = schema_of(row[2])
            if schema is None:
                continue
            name = row[1].strip()
            remarks = row[11]
            aliases = [a.strip() for a in AKA.findall(remarks)]
            aliases = [a for a in aliases if a and a.lower() != name.lower() and keep_alias(schema, name, a)]
            entries.append((schema, name, aliases))

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["schema", "name1", "name2", "is_match"])
    positives = 0
    for schema, name, aliases in entries:
        for alias in aliases[:2]:
            out.writerow([schema, name, alias, 1])
            positives += 1

    by_word = defaultdict(list)
    for i, (schema, name, _) in enumerate(entries):
        for w in set(words(name)):
            if len(w) >= 3:
                by_word[(schema, w)].append(i)
    negatives = 0
    seen = set()
    # About two negatives per positive of each schema: every entry is a candidate
    # anchor, in a seeded random order, until the schema has its share.
    wanted = defaultdict(int)
    for schema, _, aliases in entries:
        wanted[schema] += 2 * len(aliases[:2])
    order = list(range(len(entries)))
    rng.shuffle(order)
    for i in order:
        schema, name, _ = entries[i]
        if wanted[schema] <= 0:
            continue
        sharers = set()
        for w in set(words(name)):
            if len(w) >= 3:
                sharers.update(by_word[(schema, w)])
        sharers.discard(i)
        if not sharers:
            continue
        sharers = sorted(sharers)
        picks = [rng.choice(sharers)]
        sample = sharers if len(sharers) <= 60 else rng.sample(sharers, 60)
        closest = max(sample, key=lambda j: (difflib.SequenceMatcher(None, name.lower(), entries[j][1].lower()).ratio(), -j))
        picks.append(closest)
        for j in picks:
            key = (min(i, j), max(i, j))
            if key in seen:
                continue
            seen.add(key)
            out.writerow([schema, name, entries[j][1], 0])
            negatives += 1
            wanted[schema] -= 1
    print(f"{positives} positives, {negatives} negatives", file=sys.stderr)


if __name__ == "__main__":
    main()
