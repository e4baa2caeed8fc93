"""Scoring the store against gold annotations (the format of GOLD_FORMAT.md), so a user who
annotates a few of their own articles can measure the extractor on their corpus.

Entities: a node matches a gold entity when one of its names (label or alias, normalized)
equals one of the gold names and its class is the gold class or a subclass of it; events
also match by edition number, or by sharing two linked entities (participants, places).
Relations: a gold triple is found when an edge of that property (or a sub-property; symmetric
ones either way) joins nodes matching its two ends. Precision counts every typed node and every
contract edge of the store; 'allowed' gold entries make an extraction right without being required.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CoopgraphError
from .extract.lexicon import ORDINAL_WORDS, roman_to_int
from .model import RELATIONS, SYMMETRIC
from .ontology import NS

PARENT = {"Person": "Actor", "Organization": "Actor", "Country": "Place", "Region": "Place",
          "City": "Place", "Forum": "Event", "Meeting": "Event", "Visit": "Event"}
EVENTS = {"Forum", "Meeting", "Visit", "Event"}


def norm(text: str) -> str:
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    t = t.replace("’", "'").replace("‘", "'")
    t = re.sub(r"'s\b", "", t)
    t = re.sub(r"[^\w\s]", " ", t)
    t = " ".join(t.split())
    return t[4:] if t.startswith("the ") else t


def lineage(cls: str) -> list[str]:
    out = [cls]
    while cls in PARENT:
        cls = PARENT[cls]
        out.append(cls)
    return out


def edition(name: str) -> int | None:
    for tok in norm(name).split():
        if tok in ORDINAL_WORDS:
            return ORDINAL_WORDS[tok]
        m = re.fullmatch(r"(\d+)(st|nd|rd|th)", tok)
        if m:
            return int(m[1])
        if tok != "i" and (n := roman_to_int(tok)):
            return n
    return None


@dataclass
class GoldEntity:
    id: int
    type: str
    label: str
    names: set[str]
    required: bool


@dataclass
class Gold:
    entities: dict[int, GoldEntity] = field(default_factory=dict)
    index: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    relations: set[tuple[int, str, int]] = field(default_factory=set)
    allowed: set[tuple[int, str, int]] = field(default_factory=set)

    def add(self, e: dict, required: bool) -> None:
        names = {norm(n) for n in [e["name"], *e.get("aliases", [])] if norm(n)}
        top = lineage(e["type"])[-1]
        same = sorted({i for n in names for i in self.index[n]
                       if lineage(self.entities[i].type)[-1] == top})
        if same:
            keep = self.entities[same[0]]
            for other in same[1:]:
                o = self.entities.pop(other)
                keep.names |= o.names
                keep.required |= o.required
                for n in o.names:
                    self.index[n].discard(other)
                    self.index[n].add(keep.id)
            keep.names |= names
            if required and not keep.required:
                keep.type = e["type"]
            keep.required |= required
        else:
            keep = GoldEntity(max(self.entities, default=-1) + 1, e["type"], e["name"], names,
                              required)
            self.entities[keep.id] = keep
        for n in names:
            self.index[n].add(keep.id)

    def find(self, name: str) -> int | None:
        hits = self.index.get(norm(name))
        return min(hits) if hits else None


def load_gold(folder: Path) -> Gold:
    files = sorted(Path(folder).glob("*.json"))
    if not files:
        raise CoopgraphError(f"{folder}: no gold *.json files")
    gold = Gold()
    docs = []
    for f in files:
        try:
            docs.append((f, json.loads(f.read_text(encoding="utf-8"))))
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise CoopgraphError(f"{f}: not valid JSON ({e})") from None
    for f, d in docs:
        for key, req in (("entities", True), ("allowed", False)):
            for e in d.get(key, []):
                if e.get("type") not in PARENT and e.get("type") != "Agreement":
                    raise CoopgraphError(f"{f}: unknown entity type {e.get('type')!r}")
                gold.add(e, req)
    for f, d in docs:
        for key, target in (("relations", gold.relations), ("allowed_relations", gold.allowed)):
            for rel in d.get(key, []):
                s, p, o = rel
                si, oi = gold.find(s), gold.find(o)
                if si is None or oi is None or p not in RELATIONS:
                    raise CoopgraphError(f"{f}: relation {rel} names an unknown entity or property")
                target.add((si, p, oi))
    gold.allowed |= gold.relations
    return gold


@dataclass
class Score:
    entity_p: float
    entity_r: float
    entity_f1: float
    relation_p: float
    relation_r: float
    relation_f1: float
    duplicates: list[str]
    by_type: dict[str, tuple[int, int]]  # class -> (gold found, gold)
    nodes_by_type: dict[str, tuple[int, int]]  # class -> (nodes matching gold, nodes)
    missed_entities: list[str]
    extra_nodes: list[str]
    missed_relations: list[str]
    wrong_relations: list[str]

    def per_class(self) -> list[str]:
        """One line per class: precision over the graph's nodes, recall over the gold."""
        out = []
        for t in sorted(set(self.by_type) | set(self.nodes_by_type)):
            found, gold = self.by_type.get(t, (0, 0))
            ok, nodes = self.nodes_by_type.get(t, (0, 0))
            p = ok / nodes if nodes else 0.0
            r = found / gold if gold else 0.0
            out.append(f"{t:<13} P={p:.3f} ({ok}/{nodes})  R={r:.3f} ({found}/{gold})  "
                       f"F1={_f1(p, r):.3f}")
        return out

    def summary(self) -> str:
        return (f"entities P={self.entity_p:.3f} R={self.entity_r:.3f} F1={self.entity_f1:.3f} "
                f"dup={len(self.duplicates)} | relations P={self.relation_p:.3f} "
                f"R={self.relation_r:.3f} F1={self.relation_f1:.3f}")


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(store, gold_dir: Path) -> Score:
    gold = load_gold(gold_dir)
    classes = {**PARENT, "Agreement": None}
    node_type: dict[str, str] = {}
    for row in store.query("SELECT DISTINCT ?e ?t WHERE { GRAPH ?g { ?e a ?t } }"):
        t = row["t"].value.removeprefix(NS)
        if t in classes and (row["e"].value not in node_type or
                             len(lineage(t)) > len(lineage(node_type[row["e"].value]))):
            node_type[row["e"].value] = t
    names: dict[str, set[str]] = defaultdict(set)
    for row in store.query("SELECT ?e ?l WHERE { { ?e rdfs:label ?l } UNION "
                           "{ ?e skos:altLabel ?l } }"):
        if row["e"].value in node_type:
            names[row["e"].value].add(norm(row["l"].value))
    edges: dict[tuple[str, str], set[str]] = defaultdict(set)
    asserted = []
    values = " ".join(f"coop:{p}" for p in RELATIONS)
    q = f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o }}"
    for row in store.query(q):
        s, p, o = row["s"].value, row["p"].value.removeprefix(NS), row["o"].value
        if s in node_type and o in node_type:
            asserted.append((s, p, o))
            edges[(s, p)].add(o)
            if p == "leads":
                edges[(s, "affiliatedWith")].add(o)
            if p in SYMMETRIC:
                edges[(o, p)].add(s)
    matches: dict[str, set[int]] = {n: {i for f in names[n] for i in gold.index.get(f, ())}
                                    for n in node_type}
    gold_links: dict[int, set[int]] = defaultdict(set)
    for si, p, oi in gold.allowed:
        if p in ("participant", "heldIn"):
            gold_links[si].add(oi)
    for n, t in node_type.items():
        if t not in EVENTS:
            continue
        links = {i for p in ("participant", "heldIn") for o in edges.get((n, p), ())
                 for i in matches[o]}
        num = next((edition(f) for f in names[n] if edition(f)), None)
        for g in gold.entities.values():
            if g.type not in EVENTS or (g.type not in lineage(t) and t not in lineage(g.type)):
                continue
            gnum = next((edition(f) for f in g.names if edition(f)), None)
            shared = links & gold_links[g.id]
            if (num and num == gnum) or (len(shared) >= 2 and any(
                    gold.entities[j].type != "Country" for j in shared)):
                matches[n].add(g.id)
    by_gold: dict[int, set[str]] = defaultdict(set)
    for n, ids in matches.items():
        for i in ids:
            by_gold[i].add(n)

    def typed(n: str, i: int) -> bool:
        return gold.entities[i].type in lineage(node_type[n])

    required = [g for g in gold.entities.values() if g.required]
    found = {g.id for g in required if any(typed(n, g.id) for n in by_gold[g.id])}
    dups = sorted(g.label for g in required if g.id in found and
                  sum(typed(n, g.id) for n in by_gold[g.id]) > 1)
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for g in required:
        by_type[g.type][1] += 1
        by_type[g.type][0] += g.id in found
    for ev, t in node_type.items():
        if t == "Meeting":
            people = [x for x in edges.get((ev, "participant"), ()) if node_type.get(x) == "Person"]
            for a in people:
                for b in people:
                    if a != b:
                        edges[(a, "metWith")].add(b)

    def holds(si: int, p: str, oi: int) -> bool:
        return any(o in edges.get((s, p), ()) for s in by_gold[si] for o in by_gold[oi])

    rel_found = {r for r in gold.relations if holds(*r)}
    wrong = []
    for s, p, o in asserted:
        ok = False
        for si in matches[s]:
            for oi in matches[o]:
                cands = {(si, p, oi)}
                if p in SYMMETRIC:
                    cands.add((oi, p, si))
                if p == "leads":
                    cands.add((si, "affiliatedWith", oi))
                if p == "affiliatedWith":
                    cands.add((si, "leads", oi))
                ok = ok or bool(cands & gold.allowed)
        if not ok:
            wrong.append(f"{s.rsplit('/', 1)[-1]} {p} {o.rsplit('/', 1)[-1]}")
    ep = sum(1 for n in node_type if matches[n]) / len(node_type) if node_type else 0.0
    er = len(found) / len(required) if required else 0.0
    rp = (len(asserted) - len(wrong)) / len(asserted) if asserted else 0.0
    rr = len(rel_found) / len(gold.relations) if gold.relations else 0.0
    label = {g.id: g.label for g in gold.entities.values()}
    nodes_by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for n, t in node_type.items():
        nodes_by_type[t][1] += 1
        nodes_by_type[t][0] += bool(matches[n])
    return Score(
        ep, er, _f1(ep, er), rp, rr, _f1(rp, rr), dups,
        {t: (a, b) for t, (a, b) in sorted(by_type.items())},
        {t: (a, b) for t, (a, b) in sorted(nodes_by_type.items())},
        sorted(f"{g.type}: {g.label}" for g in required if g.id not in found),
        sorted(f"{node_type[n]}: {n.rsplit('/', 1)[-1]}" for n in node_type if not matches[n]),
        sorted(f"{label[s]} {p} {label[o]}" for s, p, o in gold.relations - rel_found),
        sorted(wrong),
    )
