"""Integrity of the reference data: complete, unique, well-formed, and consistent."""

from __future__ import annotations

import csv
import re
from collections import Counter
from importlib import resources

import pytest

from coopgraph.gazetteer import FILES, load, normalize

DATA = resources.files("coopgraph.gazetteer") / "data"


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / f"{name}.tsv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_gazetteer_keys_unique_and_well_formed():
    keys = Counter(r["key"] for name in FILES for r in rows(name))
    dup = [k for k, n in keys.items() if n > 1]
    assert not dup, f"duplicate keys: {dup}"
    bad = [k for k in keys if not re.fullmatch(r"[a-z0-9-]+", k)]
    assert not bad, f"malformed keys: {bad}"


def test_gazetteer_codes_well_formed():
    for name in FILES:
        for r in rows(name):
            if r.get("iso"):
                assert re.fullmatch(r"[A-Z]{2}(-[A-Z0-9]{1,3})?", r["iso"]), (name, r["key"])
            if r.get("wikidata"):
                assert re.fullmatch(r"Q[1-9][0-9]*", r["wikidata"]), (name, r["key"])


def test_gazetteer_references_resolve():
    gaz = load()
    for ref in gaz.refs.values():
        if ref.parent:
            assert ref.parent in gaz.refs, f"{ref.key}: unknown parent {ref.parent}"
        cap = ref.extra.get("capital")
        if cap:
            assert cap in gaz.refs and gaz.refs[cap].type == "City", f"{ref.key}: capital {cap}"


def test_gazetteer_complete_lists():
    gaz = load()
    ru = [r for r in gaz.refs.values() if r.iso.startswith("RU-") or (
        r.type == "Region" and "annexed by Russia" in r.note) or r.key == "ua-sevastopol"]
    assert len(ru) == 89, f"{len(ru)} Russian federal subjects (as Russia counts them), not 89"
    by = [r for r in gaz.refs.values() if r.iso.startswith("BY-")]
    assert len(by) == 7, f"{len(by)} Belarusian regions and Minsk, not 7"
    countries = [r for r in gaz.refs.values() if r.type == "Country"]
    assert len(countries) >= 193, f"only {len(countries)} countries"


def test_gazetteer_disputed_territories_have_no_country():
    gaz = load()
    for key in ("ua-43", "ua-40", "ua-14", "ua-09", "ua-23", "ua-65"):
        ref = next((r for r in gaz.refs.values() if r.iso == key.upper()), None)
        assert ref is not None, key
        assert ref.disputed and gaz.country_of(ref.key) is None, ref


def test_gazetteer_aliases_unique_unless_marked():
    gaz = load()
    clashes = {n: keys for n, keys in gaz.by_name.items() if len(keys) > 1}
    allowed = {normalize(n) for n in AMBIGUOUS}
    unexpected = {n: k for n, k in clashes.items() if n not in allowed}
    assert not unexpected, f"names that denote several things: {unexpected}"


# Names that really denote several things; the extractor picks by context.
AMBIGUOUS = ()


@pytest.mark.parametrize("name,key", [
    ("Nizhny Novgorod Oblast", "ru-niz"), ("Khabarovsk Territory", "ru-kha"),
    ("Bashkiria", "ru-ba"), ("Yakutia", "ru-sa"), ("Homel Region", "by-ho"),
    ("Russia", "ru"), ("Republic of Belarus", "by"), ("St. Petersburg", None),
])
def test_gazetteer_lookup_variants(name, key):
    hits = load().lookup(name)
    assert hits, f"{name} not found"
    if key:
        assert hits[0].key == key, (name, [h.key for h in hits])


def test_gazetteer_first_name_variants_map_to_one_name():
    seen: dict[str, str] = {}
    for r in rows("first_names"):
        for v in [r["canonical"], *filter(None, r["variants"].split("|"))]:
            low = v.strip().lower()
            assert low not in seen or seen[low] == r["canonical"], \
                f"{v} is a variant of both {seen.get(low)} and {r['canonical']}"
            seen[low] = r["canonical"]
