"""Person names across spellings: transliteration variants of first names and surnames.

'Aleksandr Lukashenko', 'Alexander Lukashenko' and 'Alexander Lukashenka' get one identity key;
'Lukashenko' alone is matched to it within a document by surname.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import JaroWinkler
from unidecode import unidecode

SURNAME_SIMILARITY = 0.92  # Jaro-Winkler on transliterated surnames: Lukashenko ~ Lukashenka


@lru_cache(maxsize=1)
def first_name_table() -> dict[str, str]:
    """Lower-cased variant -> canonical first name."""
    path = resources.files("coopgraph.gazetteer") / "data" / "first_names.tsv"
    table: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            canon = row["canonical"].strip()
            table[canon.lower()] = canon
            for v in row["variants"].split("|"):
                if v.strip():
                    table.setdefault(unidecode(v.strip()).lower(), canon)
    return table


def canonical_first(name: str) -> str:
    return first_name_table().get(unidecode(name).lower(), name)


def is_known_first_name(token: str) -> bool:
    return unidecode(token).lower() in first_name_table()


def surname_key(surname: str) -> str:
    """Surname folded so that common transliteration endings agree (-enka/-enko, -iy/-y, ks/x)."""
    s = unidecode(surname).lower()
    s = re.sub(r"[^a-z-]", "", s)
    s = s.replace("ks", "x").replace("kh", "h").replace("yo", "e").replace("jo", "e")
    s = re.sub(r"(iy|yi|ii|ij)$", "y", s)
    s = re.sub(r"enka$", "enko", s)
    s = re.sub(r"y", "i", s)
    return s


def person_key(full_name: str) -> str:
    """Identity key of a full name: canonical first name + folded surname (middle names dropped)."""
    parts = [p for p in re.split(r"\s+", full_name.strip()) if p]
    if not parts:
        return ""
    if len(parts) == 1:
        return surname_key(parts[0])
    return f"{canonical_first(parts[0]).lower()} {surname_key(parts[-1])}"


def same_surname(a: str, b: str) -> bool:
    ka, kb = surname_key(a), surname_key(b)
    return ka == kb or JaroWinkler.similarity(ka, kb) >= SURNAME_SIMILARITY


def display_name(text: str) -> str:
    """'IVAN PETROV' (a photo credit) -> 'Ivan Petrov'; other names keep their case."""
    if text.isupper():
        return " ".join(w.capitalize() for w in text.split())
    return text
