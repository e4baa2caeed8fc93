"""Centrality and communities with networkx, on projections of the RDF graph onto entities.

Projections (documents, sentences and literals are never vertices):
- ``entity``: every entity; an edge wherever a contract property links two entities
  (participant, heldIn, leads, cooperatesWith, ...), undirected.
- ``region``: places only (countries, regions, cities); an edge where the text states
  cooperation between them (cooperatesWith).
- ``person``: people only; an edge where they met (metWith) or took part in the same event.

Edge weight: the number of documents that state a link between the two (a link repeated in
one document counts once). Weighted measures use it; unweighted degree and betweenness don't.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx
from pyoxigraph import Literal, NamedNode, Quad

from .model import RELATIONS
from .ontology import COOP, ID, NS
from .rdf import ANALYSIS_GRAPH, XSD, A

MEASURES = ("degree", "weighted_degree", "betweenness", "pagerank", "eigenvector", "closeness")
PROJECTIONS = ("entity", "region", "person")
ENTITY_CLASSES = ("Person", "Organization", "Country", "Region", "City", "Forum", "Meeting",
                  "Visit", "Agreement")
PLACE_CLASSES = ("Country", "Region", "City")
BETWEENNESS_EXACT_LIMIT = 1000  # above this many nodes betweenness is estimated from a sample
BETWEENNESS_SAMPLES = 256
SEED = 42


@dataclass
class Result:
    """Scores of one projection: measure -> node IRI -> value, plus communities and notes."""

    projection: str
    graph: nx.Graph
    scores: dict[str, dict[str, float]]
    communities: dict[str, int]
    notes: list[str]


def _types(store) -> dict[str, str]:
    values = " ".join(f"coop:{c}" for c in ENTITY_CLASSES)
    q = f"SELECT ?e ?t WHERE {{ VALUES ?t {{ {values} }} GRAPH ?g {{ ?e a ?t }} }}"
    out = {}
    for row in store.query(q):
        out[row["e"].value] = row["t"].value.removeprefix(NS)
    return out


def _edges(store, props: tuple[str, ...]) -> dict[tuple[str, str], set[str]]:
    """(a, b) sorted -> documents stating a link between a and b."""
    values = " ".join(f"coop:{p}" for p in props)
    q = (f"SELECT ?s ?o ?g WHERE {{ VALUES ?p {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} "
         f"?g a coop:Document }}")
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in store.query(q):
        a, b = row["s"].value, row["o"].value
        if a != b:
            out[tuple(sorted((a, b)))].add(row["g"].value)
    return out


def projection_graph(store, projection: str = "entity") -> nx.Graph:
    """The undirected, weighted networkx graph of one projection (see module doc)."""
    if projection not in PROJECTIONS:
        choices = ", ".join(PROJECTIONS)
        raise ValueError(f"unknown projection {projection!r} (choose from {choices})")
    types = _types(store)
    g = nx.Graph()
    if projection == "entity":
        keep = set(types)
        edges = _edges(store, RELATIONS)
    elif projection == "region":
        keep = {e for e, t in types.items() if t in PLACE_CLASSES}
        edges = _edges(store, ("cooperatesWith",))
    else:
        keep = {e for e, t in types.items() if t == "Person"}
        edges = _edges(store, ("metWith",))
        part = _edges(store, ("participant",))
        by_event: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for (a, b), docs in part.items():
            ev, person = (a, b) if types.get(a) in ("Forum", "Meeting", "Visit") else (b, a)
            if types.get(person) == "Person":
                by_event[ev][person] |= docs
        for people in by_event.values():
            names = sorted(people)
            for i, a in enumerate(names):
                for b in names[i + 1:]:
                    edges[(a, b)] |= people[a] & people[b] or people[a] | people[b]
    for e in sorted(keep):
        g.add_node(e, type=types[e])
    for (a, b), docs in sorted(edges.items()):
        if a in keep and b in keep:
            g.add_edge(a, b, weight=float(len(docs)))
    return g


def compute(g: nx.Graph, projection: str) -> Result:
    """All measures on one projection; deterministic (fixed seeds, sorted inputs)."""
    notes: list[str] = []
    scores: dict[str, dict[str, float]] = {}
    n = g.number_of_nodes()
    if n == 0:
        return Result(projection, g, {m: {} for m in MEASURES}, {}, notes)
    scores["degree"] = nx.degree_centrality(g) if n > 1 else {v: 0.0 for v in g}
    scores["weighted_degree"] = {v: float(d) for v, d in g.degree(weight="weight")}
    if n > BETWEENNESS_EXACT_LIMIT:
        k = min(BETWEENNESS_SAMPLES, n)
        notes.append(f"betweenness estimated from {k} sampled sources ({n} nodes > "
                     f"{BETWEENNESS_EXACT_LIMIT})")
        scores["betweenness"] = nx.betweenness_centrality(g, k=k, seed=SEED)
    else:
        scores["betweenness"] = nx.betweenness_centrality(g)
    scores["pagerank"] = nx.pagerank(g, weight="weight") if g.number_of_edges() else {
        v: 1.0 / n for v in g}
    scores["eigenvector"] = _eigenvector(g, notes)
    scores["closeness"] = nx.closeness_centrality(g)
    # ARPACK (eigenvector) starts from a random vector: the last bits vary between runs
    scores = {m: {v: round(x, 9) for v, x in vals.items()} for m, vals in scores.items()}
    communities: dict[str, int] = {}
    if g.number_of_edges():
        parts = nx.community.louvain_communities(g, weight="weight", seed=SEED)
        parts = sorted(parts, key=lambda c: (-len(c), min(c)))
        for i, part in enumerate(parts):
            for v in part:
                communities[v] = i
    return Result(projection, g, scores, communities, notes)


def _eigenvector(g: nx.Graph, notes: list[str]) -> dict[str, float]:
    """Eigenvector centrality per connected component (it is undefined across components),
    scaled by the component's share of nodes so that values compare across components."""
    out = {v: 0.0 for v in g}
    n = g.number_of_nodes()
    for comp in nx.connected_components(g):
        if len(comp) < 2:
            continue
        sub = g.subgraph(comp).copy()
        try:
            if len(comp) <= 100:  # power iteration: exact enough and deterministic
                vals = nx.eigenvector_centrality(sub, weight="weight", max_iter=5000, tol=1e-9)
            else:  # sparse eigensolver for large components
                vals = nx.eigenvector_centrality_numpy(sub, weight="weight", max_iter=5000,
                                                       tol=1e-10)
        except (nx.PowerIterationFailedConvergence, nx.NetworkXException, ArithmeticError,
                TypeError):
            notes.append("eigenvector centrality did not converge on one component")
            continue
        for v, x in vals.items():
            out[v] = x * len(comp) / n
    return out


def analysis_quads(results: list[Result]) -> list[Quad]:
    """Scores and communities as data in the analysis graph."""
    g = ANALYSIS_GRAPH
    out = []
    for res in results:
        for measure, values in sorted(res.scores.items()):
            for node, value in sorted(values.items()):
                key = node.removeprefix(ID)
                s = NamedNode(f"{ID}analysis/{res.projection}/{measure}/{key}")
                out += [
                    Quad(s, A, NamedNode(str(COOP.CentralityScore)), g),
                    Quad(s, NamedNode(str(COOP.scoreOf)), NamedNode(node), g),
                    Quad(s, NamedNode(str(COOP.measure)), Literal(measure), g),
                    Quad(s, NamedNode(str(COOP.projection)), Literal(res.projection), g),
                    Quad(s, NamedNode(str(COOP.score)), Literal(
                        f"{value:.6E}", datatype=NamedNode(XSD + "double")), g),
                ]
        if res.projection == "entity":
            for node, c in sorted(res.communities.items()):
                out.append(Quad(NamedNode(node), NamedNode(str(COOP.community)),
                                Literal(str(c), datatype=NamedNode(XSD + "integer")), g))
    return out


def rank(res: Result, measure: str, labels: dict[str, str], types: set[str] | None = None,
         top: int | None = None) -> list[tuple[str, float]]:
    """Nodes by score, highest first; ties by label so the order is stable."""
    if measure not in res.scores:
        raise ValueError(f"unknown measure {measure!r} (choose from {', '.join(MEASURES)})")
    items = [(v, s) for v, s in res.scores[measure].items()
             if types is None or res.graph.nodes[v].get("type") in types]
    items.sort(key=lambda x: (-round(x[1], 12), labels.get(x[0], x[0]), x[0]))
    return items[:top] if top else items
