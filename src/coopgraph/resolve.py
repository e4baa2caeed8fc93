"""Merging mentions into entities across documents: one node per real thing.

Resolution is a pure function of the set of extractions (order does not matter), so building
A and B together gives the same graph as building A and adding B.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from unidecode import unidecode

from .extract.lexicon import int_to_roman
from .gazetteer import Gazetteer, normalize
from .model import Extraction, Fact, Figure
from .names import canonical_first, same_surname, surname_key


@dataclass
class Entity:
    """One real-world thing, with everything the documents say names it."""

    key: str  # global key; the IRI is minted from it
    type: str
    label: str = ""
    forms: Counter = field(default_factory=Counter)  # surface form -> number of documents
    ref: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)
    docs: set[str] = field(default_factory=set)

    @property
    def alt_labels(self) -> list[str]:
        return sorted(f for f in self.forms if f != self.label)


@dataclass
class DocFacts:
    """One document's contribution, with mentions mapped to global entity keys."""

    extraction: Extraction
    mentions: dict[str, str]  # local key -> global key
    forms: dict[str, set[str]]  # global key -> forms in this document
    first_sentence: dict[str, int]  # global key -> first sentence index
    attrs: dict[str, dict[str, str]]  # global key -> attributes read in this document
    facts: list[Fact]  # with global keys
    figures: list[Figure]  # with global keys


@dataclass
class Resolution:
    entities: dict[str, Entity]
    docs: list[DocFacts]


def slug(text: str, limit: int = 80) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")
    if len(s) > limit:
        s = s[:limit].rstrip("-") + "-" + hashlib.sha256(s.encode()).hexdigest()[:8]
    return s or "x"


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def resolve(extractions: list[Extraction], gaz: Gazetteer) -> Resolution:
    extractions = sorted(extractions, key=lambda e: e.document.doc_id)
    people = _people_keys(extractions)
    orgs = _org_keys(extractions)
    entities: dict[str, Entity] = {}
    docs: list[DocFacts] = []
    for ex in extractions:
        local: dict[str, str] = {}
        for key, m in sorted(ex.mentions.items()):
            if m.type in ("Meeting", "Visit"):
                continue
            local[key] = _global_key(m.key, m.type, people, orgs)
        # events are identified by who, where and when: resolved after the other mentions
        for key, m in sorted(ex.mentions.items()):
            if m.type in ("Meeting", "Visit"):
                local[key] = _event_key(ex, m, local)
        facts = sorted({Fact(local[f.subject], f.predicate, local[f.object], f.sentence, f.rule)
                        for f in ex.facts if f.subject in local and f.object in local},
                       key=lambda f: (f.sentence, f.subject, f.predicate, f.object, f.rule))
        forms: dict[str, set[str]] = {}
        first: dict[str, int] = {}
        attrs: dict[str, dict[str, str]] = {}
        for key, m in ex.mentions.items():
            g = local[key]
            forms.setdefault(g, set()).update(m.forms)
            first[g] = min(first.get(g, m.sentence), m.sentence)
            attrs.setdefault(g, {}).update(m.attrs)
            ent = entities.get(g)
            if ent is None:
                ent = entities[g] = Entity(key=g, type=m.type, ref=m.ref)
            ent.docs.add(ex.document.doc_id)
            for f in m.forms:
                ent.forms[f] += 1
            for k, v in m.attrs.items():
                ent.attrs.setdefault(k, v)
        figures = [Figure(f.measure, f.value, f.unit, f.period,
                          tuple(sorted(local[p] for p in f.parties if p in local)), f.sentence)
                   for f in ex.figures]
        docs.append(DocFacts(ex, local, forms, first, attrs, facts, figures))
    events = ("Meeting", "Visit")
    links: dict[tuple[str, str], set[str]] = {}  # (event, participant|heldIn) -> objects
    for d in docs:
        for f in d.facts:
            if f.predicate in ("participant", "heldIn") and entities[f.subject].type in events:
                links.setdefault((f.subject, f.predicate), set()).add(f.object)
    for ent in sorted(entities.values(), key=lambda e: (e.type in events, e.key)):
        ent.label = _label(ent, gaz, entities, links)
    return Resolution(entities, docs)


def _people_keys(extractions: list[Extraction]) -> dict[str, str]:
    """Local person keys -> one global key per person, across spellings."""
    uf = _UnionFind()
    names: dict[str, str] = {}
    for ex in extractions:
        for m in ex.mentions.values():
            if m.type == "Person":
                names[m.key] = m.name
                uf.find(m.key)
    keys = sorted(names)
    # only people with the same first name can be one person: compare within those blocks
    blocks: dict[str, list[str]] = {}
    for k in keys:
        blocks.setdefault(canonical_first(names[k].split()[0]).lower(), []).append(k)
    for block in blocks.values():
        for i, a in enumerate(block):
            la = names[a].split()[-1]
            for b in block[i + 1:]:
                if same_surname(la, names[b].split()[-1]):
                    uf.union(a, b)
    out = {}
    for k in keys:
        root = uf.find(k)
        first, last = names[root].split()[0], names[root].split()[-1]
        out[k] = f"person/{slug(canonical_first(first))}-{slug(surname_key(last))}"
    return out


def _org_keys(extractions: list[Extraction]) -> dict[str, str]:
    out = {}
    for ex in extractions:
        for m in ex.mentions.values():
            if m.type == "Organization" and not m.ref:
                out[m.key] = f"org/{slug(normalize(m.name))}"
    return out


_TYPE_PATH = {"Country": "country", "Region": "region", "City": "city",
              "Organization": "org", "Person": "person"}


def _global_key(key: str, etype: str, people: dict[str, str], orgs: dict[str, str]) -> str:
    if key.startswith("ref:"):
        return f"{_TYPE_PATH.get(etype, 'thing')}/{key[4:]}"
    if etype == "Person":
        return people[key]
    if etype == "Organization":
        return orgs[key]
    if key.startswith("forum:"):
        _, series, edition = key.split(":")
        return f"forum/{series}-{edition}"
    if key.startswith("series:"):
        return f"series/{key.split(':', 1)[1]}"
    if key.startswith("agreement:"):
        return f"agreement/{slug(key.split(':', 1)[1].replace(':', '-'))}"
    return f"thing/{slug(key)}"


def _event_key(ex: Extraction, m, local: dict[str, str]) -> str:
    parts = sorted({local[f.object] for f in ex.facts
                    if f.subject == m.key and f.predicate == "participant" and f.object in local})
    names = "-".join(p.split("/", 1)[1] for p in parts)
    when = (m.attrs.get("date") or "")[:7]
    if m.type == "Visit":
        places = sorted({local[f.object] for f in ex.facts
                         if f.subject == m.key and f.predicate == "heldIn" and f.object in local})
        names += "-to-" + "-".join(p.split("/", 1)[1] for p in places)
    base = slug(f"{when}-{names}" if when else names, 100)
    return f"{m.type.lower()}/{base}"


def _label(ent: Entity, gaz: Gazetteer, entities: dict[str, Entity],
           links: dict[tuple[str, str], set[str]]) -> str:
    if ent.ref and ent.ref in gaz.refs:
        return gaz.refs[ent.ref].label
    if ent.type == "Forum" and ent.attrs.get("edition"):
        return f"{int_to_roman(int(ent.attrs['edition']))} {ent.attrs.get('series', 'Forum')}"
    if ent.type in ("Meeting", "Visit"):
        parts = links.get((ent.key, "participant"), set())
        places = links.get((ent.key, "heldIn"), set())
        names = [_plain_label(entities[p], gaz) for p in sorted(set(parts))]
        when = ent.attrs.get("date")
        suffix = f" ({when})" if when else ""
        if ent.type == "Meeting":
            bodies = [p for p in sorted(set(parts)) if entities[p].type == "Organization"]
            if bodies:  # a body's meeting is named after the body, whoever else attends
                return f"Meeting of the {_plain_label(entities[bodies[0]], gaz)}{suffix}"
            return f"Meeting of {' and '.join(names)}{suffix}"
        where = [_plain_label(entities[p], gaz) for p in sorted(set(places))]
        return f"Visit of {' and '.join(names)} to {' and '.join(where)}{suffix}"
    if not ent.forms:
        return ent.key.split("/", 1)[-1]
    if ent.type == "Person":
        full = [f for f in ent.forms if len(f.split()) >= 2]
        # the standard spelling of the first name wins ('Alexander', not 'Aleksandr')
        standard = [f for f in full if canonical_first(f.split()[0]) == f.split()[0]]
        pool = Counter({f: ent.forms[f] for f in standard or full}) or ent.forms
    else:
        pool = ent.forms
    return sorted(pool, key=lambda f: (-pool[f], -len(f), f))[0]


def _plain_label(ent: Entity, gaz: Gazetteer) -> str:
    if ent.label:
        return ent.label
    if ent.ref and ent.ref in gaz.refs:
        return gaz.refs[ent.ref].label
    pool = ent.forms
    return sorted(pool, key=lambda f: (-pool[f], -len(f), f))[0] if pool else ent.key
