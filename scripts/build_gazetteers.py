"""Build the generated gazetteer lists in seeds/gazetteers/ from ../shared/data (beside the checkout).

Writes, as UTF-8 text with normalised keys (newsdiff.normalize.key):
  places.tsv      key, kind (country/region/city/subdivision), population (0 if unknown)
  given_names.txt Arabic given and family names, one key per line
  translit.tsv    key, summed count of foreign person-name tokens (a CRF feature only)
  common_words.txt words ANERcorp tags O at least 3 times and 9 times in 10 (never names)
  name_ngrams.tsv character n-grams (1 to 4) of words with the log ratio of how many foreign
                  person-name tokens (translit) and how many words ANERcorp tags O (more often
                  than not) contain them (newsdiff.tagging.namelike); first line: the ratio of an
                  n-gram seen fewer than twice
  ambiguous_places.txt single-word places that are also ordinary words: ANERcorp tags the
                  word O in at least a third of its uses, or the word without/with its article or
                  without a proclitic is a common word (بورصة "stock exchange", بوجه "in the face")
Single-word place names that ANERcorp's text mostly uses as ordinary words
(tagged O at least 3 times and more often than not, counted on the first five
sixths of train.conll, the part the tagger trains on) are left out.

Usage: python scripts/build_gazetteers.py [--data ../shared/data] [--out seeds/gazetteers]
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsdiff.conll import read_conll  # noqa: E402
from newsdiff.normalize import key  # noqa: E402
from newsdiff.tagging.namelike import grams  # noqa: E402

# Administrative words around a subdivision or city name ("محافظة الجيزة", "لفيف أوبلاست").
ADMIN_WORDS = {"محافظه", "ولايه", "اقليم", "مقاطعه", "منطقه", "اوبلاست", "كراي", "اوكروغ", "بلديه", "مدينه", "جمهوريه"}
BAD = re.compile(r"[0-9(),،\-/]|[a-z]")


def clean_name(name: str) -> str:
    """Key of a place label without administrative words; '' if unusable."""
    k = key(name)
    if not k or BAD.search(k):
        return ""
    words = [w for w in k.split() if w not in ADMIN_WORDS]
    if not words or len(words) > 4:
        return ""
    return " ".join(words)


def word_counts(train: Path) -> dict[str, Counter]:
    """Token key -> Counter of O / name tags over the first 5/6 of ANERcorp (the part the
    tagger trains on)."""
    sents = read_conll(train)
    counts: dict[str, Counter] = {}
    for sent in sents[: len(sents) - len(sents) // 6]:
        for tok, tag in sent:
            counts.setdefault(key(tok), Counter())["O" if tag == "O" else "name"] += 1
    return counts


def common_words(counts: dict[str, Counter], share: float = 0.5) -> set[str]:
    """Token keys tagged O >= 3 times and in > `share` of their uses (`word_counts`)."""
    return {k for k, c in counts.items() if c["O"] >= 3 and c["O"] > share * (c["O"] + c["name"])}


def ambiguous_places(names, counts: dict[str, Counter], common: set[str]) -> set[str]:
    """Single-word place keys that news text also uses as ordinary words."""
    out = set()
    for k in names:
        if " " in k:
            continue
        c = counts.get(k, Counter())
        variants = [k[2:] if k.startswith("ال") else "ال" + k]
        if k[0] in "وفبلك" and len(k) > 3:
            variants.append(k[1:])
        if (c["O"] and c["O"] * 3 >= c["O"] + c["name"]) or any(v in common for v in variants):
            out.add(k)
    return out


def places(gaz: Path) -> dict[str, tuple[str, int]]:
    """key -> (kind, population) from all place sources; the strongest kind wins."""
    rank = {"country": 0, "region": 1, "city": 2, "subdivision": 3}
    out: dict[str, tuple[str, int]] = {}

    def add(name: str, kind: str, pop: int = 0) -> None:
        k = clean_name(name)
        if not k:
            return
        old = out.get(k)
        if old is None or rank[kind] < rank[old[0]] or (kind == old[0] and pop > old[1]):
            out[k] = (kind, max(pop, old[1] if old else 0))

    for loc in ("ar", "ar_SA"):
        for name in json.loads((gaz / f"umpirsky-country-list/data/{loc}/country.json").read_text()).values():
            add(name, "country")
    terr = json.loads((gaz / "cldr-37/cldr-localenames-full/main/ar/territories.json").read_text())
    for code, name in terr["main"]["ar"]["localeDisplayNames"]["territories"].items():
        # not places: the euro zone ("منطقة اليورو" would leave اليورو, the currency), the
        # United Nations, "outlying Oceania"
        if "-alt-" not in code and code not in ("EZ", "UN", "QO"):
            add(name, "region" if code.isdigit() or code == "EU" else "country")
    tz = json.loads((gaz / "cldr-37/cldr-dates-modern/main/ar/timeZoneNames.json").read_text())

    def walk(node: dict) -> None:
        for val in node.values():
            if isinstance(val, dict):
                if "exemplarCity" in val:
                    add(val["exemplarCity"], "city", 1_000_000)
                walk(val)

    walk(tz["main"]["ar"]["dates"]["timeZoneNames"]["zone"])
    with open(gaz / "world-cities-translations/world-cities.csv", encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            add(row["CityNameAr"], "city", int(row["Population"] or 0))
            add(row["CountryNameAr"], "country")
    for path in sorted((gaz / "countries-gem/subdivisions").glob("*.yaml")):
        for entry in (yaml.safe_load(path.read_text()) or {}).values():
            name = ((entry or {}).get("translations") or {}).get("ar")
            if name:
                add(name, "subdivision")
    return out


def given_names(gaz: Path) -> set[str]:
    names = set()
    for path in sorted((gaz / "akhateeb-arabic-names").glob("*.txt")):
        names.update(k for k in (key(line) for line in path.read_text().splitlines()) if k)
    return names


def translit(gaz: Path) -> Counter:
    counts: Counter = Counter()
    path = gaz / "netransliteration-wikidata/wd_arabic.normalized.aligned.tokens"
    for line in path.read_text().splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            k = key(parts[1].replace(" ", ""))
            if len(k) > 1:
                counts[k] += int(parts[2])
    return counts


def name_ngrams(foreign: set[str], common: set[str], min_count: int = 2) -> tuple[float, dict[str, float]]:
    """(log ratio of an unlisted n-gram, n-gram -> log ratio) of the foreign-name and common
    word sets, add-one smoothed; n-grams found fewer than `min_count` times are left out."""
    foreign = foreign - common
    in_foreign: Counter = Counter(g for w in foreign for g in grams(w))
    in_common: Counter = Counter(g for w in common for g in grams(w))
    f, c = len(foreign) + 2, len(common) + 2

    def ratio(g: str) -> float:
        return round(math.log((in_foreign[g] + 1) / f) - math.log((in_common[g] + 1) / c), 2)

    table = {g: ratio(g) for g in in_foreign.keys() | in_common.keys() if in_foreign[g] + in_common[g] >= min_count}
    return ratio(""), table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "seeds/gazetteers")
    args = ap.parse_args()
    gaz = args.data / "gazetteers"
    args.out.mkdir(parents=True, exist_ok=True)
    counts = word_counts(args.data / "anercorp/train.conll")
    common = common_words(counts)
    pl = {k: v for k, v in places(gaz).items() if " " in k or k not in common}
    with open(args.out / "places.tsv", "w", encoding="utf-8") as fh:
        for k in sorted(pl):
            fh.write(f"{k}\t{pl[k][0]}\t{pl[k][1]}\n")
    names = given_names(gaz)
    (args.out / "given_names.txt").write_text("".join(f"{k}\n" for k in sorted(names)), encoding="utf-8")
    strict = common_words(counts, 0.9)
    (args.out / "common_words.txt").write_text("".join(f"{k}\n" for k in sorted(strict)), encoding="utf-8")
    amb = ambiguous_places(pl, counts, strict)
    (args.out / "ambiguous_places.txt").write_text("".join(f"{k}\n" for k in sorted(amb)), encoding="utf-8")
    tl = translit(gaz)
    with open(args.out / "translit.tsv", "w", encoding="utf-8") as fh:
        for k in sorted(tl):
            fh.write(f"{k}\t{tl[k]}\n")
    mostly_o = {k for k, c in counts.items() if c["O"] > c["name"] and k[:1] >= "\u0621"}
    default, table = name_ngrams({k for k in tl if k[:1] >= "\u0621"}, mostly_o)
    with open(args.out / "name_ngrams.tsv", "w", encoding="utf-8") as fh:
        fh.write(f"\t{default}\n")
        for g in sorted(table):
            fh.write(f"{g}\t{table[g]}\n")
    kinds = Counter(v[0] for v in pl.values())
    print(f"places {len(pl)} {dict(kinds)}; given names {len(names)}; translit {len(tl)}; "
          f"common words {len(common)} (strict {len(strict)}); ambiguous places {len(amb)}; "
          f"name n-grams {len(table)}")


if __name__ == "__main__":
    main()
