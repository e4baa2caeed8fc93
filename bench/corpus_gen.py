"""Synthetic articles of the genre, written from templates over the reference data.

Deterministic for a seed; never uses sentences of the seed articles. Used by the benchmarks.

    python bench/corpus_gen.py OUT_DIR --count 200 --seed 1
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from coopgraph.gazetteer import load
from coopgraph.names import first_name_table

SURNAME_PARTS = ("Bel", "Kor", "Vol", "Sok", "Mar", "Dub", "Lis", "Zhur", "Kras", "Tar",
                 "Pol", "Sav", "Gor", "Kuz", "Nov", "Rom", "Fil", "Bog", "Mel", "Yer")
SURNAME_ENDS = ("ov", "ev", "in", "sky", "enko", "ovich", "ikov", "anov", "yuk", "ets")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
TOPICS = ("agricultural machinery", "road construction", "microelectronics", "dairy exports",
          "timber processing", "tourism", "medical equipment", "public transport", "education",
          "pharmaceuticals", "logistics", "machine tools")

TEMPLATES = (
    "The Governor of the {region}, {person}, met with {host_title} {host} in {city} on "
    "{day} {month} {year}.",
    "A delegation from the {region} visited {by_city} to discuss {topic}.",
    "Cooperation between the {region} and the Republic of Belarus covers {topic} and {topic2}.",
    "Trade between the {region} and Belarus reached ${amount} million in {year}.",
    "{person}, an analyst at the Institute of Regional Studies, said that {topic} would grow.",
    "Belarus cooperates most actively with the {r1}, {r2} and {r3} regions.",
    "The {roman} Forum of Regions of Belarus and Russia was held in {city} in {month} {year}.",
    "The programme for the development of {topic} was approved by the Council of Ministers of "
    "the Union State.",
    "According to {person}, enterprises of the {region} buy tractors and buses made in "
    "{by_city}.",
    "Officials agreed to prepare a roadmap on {topic} and to meet again next year.",
)


def _roman(n: int) -> str:
    out = ""
    for v, s in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += s
            n -= v
    return out


def articles(count: int, seed: int = 1):
    """Yield (name, text) for `count` synthetic articles."""
    rnd = random.Random(seed)
    gaz = load()
    ru_regions = sorted(r.label for r in gaz.refs.values()
                        if r.type == "Region" and r.parent == "ru")
    ru_short = sorted({r.label.removesuffix(" Region") for r in gaz.refs.values()
                       if r.type == "Region" and r.parent == "ru" and r.label.endswith(" Region")})
    by_cities = sorted(r.label for r in gaz.refs.values() if r.type == "City" and (
        r.extra.get("country") == "by" or r.parent.startswith("by")))
    ru_cities = sorted(r.label for r in gaz.refs.values() if r.type == "City" and (
        r.extra.get("country") == "ru" or r.parent.startswith("ru")))
    firsts = sorted({v.capitalize() for v in first_name_table().values()})
    people = [f"{rnd.choice(firsts)} {rnd.choice(SURNAME_PARTS)}{rnd.choice(SURNAME_ENDS)}"
              for _ in range(max(50, count // 2))]
    for n in range(count):
        year = rnd.randint(2015, 2025)
        body = [rnd.choice(TEMPLATES).format(**_fill(rnd, year, ru_regions, ru_short, by_cities,
                                                    ru_cities, people))
                for _ in range(rnd.randint(8, 14))]
        title = f"Regional cooperation news {n + 1}"
        posted = f"{rnd.randint(1, 28):02d}.{rnd.randint(1, 12):02d}.{year}"
        yield f"synthetic_{n:06d}.txt", f"{title}\nPosted: {posted}\n\n" + "\n".join(body) + "\n"


def _fill(rnd, year, ru_regions, ru_short, by_cities, ru_cities, people) -> dict:
    return {
        "region": rnd.choice(ru_regions), "person": rnd.choice(people),
        "host": rnd.choice(people), "host_title": "Belarusian Prime Minister",
        "city": rnd.choice(by_cities + ru_cities), "by_city": rnd.choice(by_cities),
        "day": rnd.randint(1, 28), "month": rnd.choice(MONTHS), "year": year,
        "topic": rnd.choice(TOPICS), "topic2": rnd.choice(TOPICS),
        "amount": rnd.randint(50, 3000), "roman": _roman(year - 2013),
        "r1": rnd.choice(ru_short), "r2": rnd.choice(ru_short), "r3": rnd.choice(ru_short),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    for name, text in articles(a.count, a.seed):
        (a.out / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
