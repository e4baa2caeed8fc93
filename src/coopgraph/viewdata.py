"""The graph view's data, read from the store: nodes with their identifiers, scores and
evidence, edges with the sentences that support them."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from .analysis import ENTITY_CLASSES
from .model import RELATIONS
from .ontology import NS
from .view import Evidence, ViewEdge, ViewNode, select, write_view

_CLASSES = " ".join(f"coop:{c}" for c in ENTITY_CLASSES)
_PROPS = " ".join(f"coop:{p}" for p in RELATIONS)


def view_graph(store, measure: str = "pagerank",
               projection: str = "entity") -> tuple[list[ViewNode], list[ViewEdge]]:
    nodes: dict[str, ViewNode] = {}
    q = f"""SELECT ?e ?t ?l WHERE {{ VALUES ?t {{ {_CLASSES} }}
            GRAPH <https://w3id.org/coopgraph/id/graph/entities> {{ ?e a ?t ; rdfs:label ?l }} }}"""
    for row in store.query(q):
        e = row["e"].value
        nodes[e] = ViewNode(id=e, label=row["l"].value, type=row["t"].value.removeprefix(NS),
                            aliases=[], identifiers={}, centrality=0.0, community=None,
                            evidence=[])
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in store.query("SELECT ?e ?a WHERE { GRAPH ?g { ?e skos:altLabel ?a } }"):
        aliases[row["e"].value].add(row["a"].value)
    for e, al in aliases.items():
        if e in nodes:
            nodes[e].aliases = sorted(al)
    for row in store.query("SELECT ?e ?c WHERE { ?e coop:isoCode ?c }"):
        if row["e"].value in nodes:
            nodes[row["e"].value].identifiers["ISO 3166"] = row["c"].value
    for row in store.query("SELECT ?e ?w WHERE { ?e owl:sameAs ?w }"):
        if row["e"].value in nodes:
            nodes[row["e"].value].identifiers["Wikidata"] = row["w"].value.rsplit("/", 1)[-1]
    q = f"""SELECT ?e ?v WHERE {{ ?s coop:scoreOf ?e ; coop:measure "{measure}" ;
            coop:projection "{projection}" ; coop:score ?v }}"""
    for row in store.query(q):
        if row["e"].value in nodes:
            nodes[row["e"].value].centrality = float(row["v"].value)
    q = ("SELECT ?e ?c WHERE { GRAPH <https://w3id.org/coopgraph/id/graph/analysis> "
         "{ ?e coop:community ?c } }")
    for row in store.query(q):
        if row["e"].value in nodes:
            nodes[row["e"].value].community = int(row["c"].value)
    q = """SELECT ?e ?g ?title ?date ?text WHERE { GRAPH ?g { ?e coop:evidence ?s .
             ?s coop:text ?text . ?g dcterms:title ?title OPTIONAL { ?g dcterms:date ?date } } }"""
    ev: dict[str, set[Evidence]] = defaultdict(set)
    for row in store.query(q):
        ev[row["e"].value].add(_evidence(row))
    for e, items in ev.items():
        if e in nodes:
            nodes[e].evidence = sorted(items, key=_ev_key)
    edges: dict[tuple[str, str, str], set[Evidence]] = defaultdict(set)
    q = f"""SELECT ?s ?p ?o ?g ?title ?date ?text WHERE {{ VALUES ?p {{ {_PROPS} }}
             GRAPH ?g {{ ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                          coop:evidence ?sent . ?sent coop:text ?text .
                          ?g dcterms:title ?title OPTIONAL {{ ?g dcterms:date ?date }} }} }}"""
    for row in store.query(q):
        s, o = row["s"].value, row["o"].value
        if s in nodes and o in nodes:
            edges[(s, row["p"].value.removeprefix(NS), o)].add(_evidence(row))
    edge_list = [ViewEdge(source=s, target=o, property=p, evidence=sorted(e, key=_ev_key))
                 for (s, p, o), e in sorted(edges.items())]
    return sorted(nodes.values(), key=lambda n: n.id), edge_list


def _evidence(row) -> Evidence:
    return Evidence(doc_id=row["g"].value.rsplit("/", 1)[-1], doc_title=row["title"].value,
                    doc_date=row["date"].value if row["date"] is not None else None,
                    sentence=row["text"].value)


def _ev_key(e: Evidence) -> tuple:
    return (e.doc_date or "", e.doc_id, e.sentence)


def write_graph_view(store, path: Path, *, measure: str = "pagerank", focus: str | None = None,
                     depth: int = 2, top: int | None = None) -> Path:
    nodes, edges = view_graph(store, measure)
    if focus or top:
        nodes, edges = select(nodes, edges, focus=focus, depth=depth, top=top)
    return write_view(nodes, edges, Path(path), title="coopgraph", measure=measure)
