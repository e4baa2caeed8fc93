"""Reference data: countries, regions, cities, bodies and event series, with their aliases.

The data lives in plain TSV files beside this module (see `data/README.md`), so it can be
reviewed and extended without touching code. Lookups are by normalized name (`normalize`).
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from unidecode import unidecode

FILES = ("countries", "regions", "cities", "organizations")
_COMMON = ("key", "type", "label", "aliases", "wikidata", "iso", "parent", "note")


def normalize(name: str) -> str:
    """Case-, accent- and punctuation-free form for lookups (St. Petersburg = Saint Petersburg)."""
    t = unidecode(name).lower().replace("`", "'")
    t = re.sub(r"'s\b", "", t)
    t = re.sub(r"[^\w\s-]", " ", t)
    t = re.sub(r"\s*-\s*", "-", t)
    t = re.sub(r"\s+", " ", t).strip()
    t = re.sub(r"^the ", "", t)
    t = re.sub(r"\bst\b", "saint", t)
    return t


@dataclass(frozen=True)
class Ref:
    """One real-world thing the reference data knows."""

    key: str
    type: str
    label: str
    aliases: tuple[str, ...]
    wikidata: str
    iso: str
    parent: str
    note: str
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def disputed(self) -> bool:
        return "disputed" in self.note.lower()

    @property
    def acronyms(self) -> tuple[str, ...]:
        return tuple(a for a in self.extra.get("acronyms", "").split("|") if a)

    @property
    def adjectives(self) -> tuple[str, ...]:
        return tuple(a for a in self.extra.get("adjectives", "").split("|") if a)


@dataclass(frozen=True)
class Series:
    """A recurring event (forum) whose editions are numbered from its first year."""

    key: str
    label: str
    aliases: tuple[str, ...]
    wikidata: str
    first_year: int | None
    frequency: int | None

    def edition_for_year(self, year: int) -> int | None:
        if not self.first_year or not self.frequency or year < self.first_year:
            return None
        if (year - self.first_year) % self.frequency:
            return None
        return (year - self.first_year) // self.frequency + 1

    def year_for_edition(self, edition: int) -> int | None:
        if not self.first_year or not self.frequency:
            return None
        return self.first_year + (edition - 1) * self.frequency


class Gazetteer:
    """All reference data, indexed by key, normalized alias, acronym and adjective."""

    def __init__(self, refs: list[Ref], series: list[Series]) -> None:
        self.refs: dict[str, Ref] = {}
        self.by_name: dict[str, list[str]] = {}
        self.by_acronym: dict[str, list[str]] = {}
        self.by_adjective: dict[str, str] = {}
        self.series = series
        for ref in refs:
            if ref.key in self.refs:
                raise ValueError(f"gazetteer: duplicate key {ref.key!r}")
            self.refs[ref.key] = ref
        for ref in refs:
            for name in (ref.label, *ref.aliases):
                keys = self.by_name.setdefault(normalize(name), [])
                if ref.key not in keys:
                    keys.append(ref.key)
            for acr in ref.acronyms:
                keys = self.by_acronym.setdefault(acr, [])
                if ref.key not in keys:
                    keys.append(ref.key)
            for adj in ref.adjectives:
                self.by_adjective.setdefault(adj.lower(), ref.key)
        self.series_by_name = {normalize(n): s for s in series for n in (s.label, *s.aliases)}

    def lookup(self, name: str) -> list[Ref]:
        """Things this name can denote: the acronym table first (case-sensitive), then names."""
        keys = self.by_acronym.get(name.strip()) or self.by_name.get(normalize(name), [])
        return [self.refs[k] for k in keys]

    def one(self, name: str, types: tuple[str, ...] | None = None) -> Ref | None:
        """The single thing a name denotes (optionally of these types), or None if none or many."""
        hits = [r for r in self.lookup(name) if types is None or r.type in types]
        return hits[0] if len(hits) == 1 else None

    def country_of(self, key: str) -> str | None:
        """The country a place or body lies in, following parents; None for disputed places."""
        seen = set()
        ref = self.refs.get(key)
        while ref is not None and ref.key not in seen:
            seen.add(ref.key)
            if ref.type == "Country":
                return ref.key
            if ref.disputed or not ref.parent:
                return None
            ref = self.refs.get(ref.parent)
        return None

    def parents(self, key: str) -> list[str]:
        """Containing units from the nearest up, stopping at a disputed place."""
        out: list[str] = []
        ref = self.refs.get(key)
        while ref is not None and ref.parent and not ref.disputed and ref.parent not in out:
            out.append(ref.parent)
            ref = self.refs.get(ref.parent)
        return out

    def capital_of(self, key: str) -> str | None:
        """Key of the administrative centre / capital of a region or country, where known."""
        ref = self.refs.get(key)
        if ref is None:
            return None
        if ref.extra.get("capital"):
            return ref.extra["capital"]
        if ref.type == "Country":
            for other in self.refs.values():
                if other.type == "City" and other.parent == key and "capital" in other.note.lower():
                    return other.key
        return None


REFERENCE_ENV = "COOPGRAPH_REFERENCE_DIR"


def _rows(name: str) -> list[dict[str, str]]:
    """Rows of one reference file; $COOPGRAPH_REFERENCE_DIR, if set, replaces the shipped data."""
    folder = os.environ.get(REFERENCE_ENV)
    base = Path(folder) if folder else resources.files(__package__) / "data"
    path = base / f"{name}.tsv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(a.strip() for a in (cell or "").split("|") if a.strip())


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The shipped reference data (read once per process)."""
    refs: list[Ref] = []
    for name in FILES:
        for row in _rows(name):
            extra = {k: (v or "").strip() for k, v in row.items() if k not in _COMMON and k}
            refs.append(Ref(
                key=row["key"].strip(), type=row["type"].strip(), label=row["label"].strip(),
                aliases=_split(row.get("aliases")), wikidata=(row.get("wikidata") or "").strip(),
                iso=(row.get("iso") or "").strip(), parent=(row.get("parent") or "").strip(),
                note=(row.get("note") or "").strip(), extra=extra,
            ))
    series = []
    for row in _rows("event_series"):
        series.append(Series(
            key=row["key"].strip(), label=row["label"].strip(), aliases=_split(row.get("aliases")),
            wikidata=(row.get("wikidata") or "").strip(),
            first_year=int(row["first_year"]) if (row.get("first_year") or "").strip() else None,
            frequency=int(row["frequency_years"])
            if (row.get("frequency_years") or "").strip() else None,
        ))
    return Gazetteer(refs, series)
