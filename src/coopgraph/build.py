"""The whole pipeline: read -> extract -> resolve -> rdf -> store, then analysis and exports.

Every change (build, add, remove) computes the complete new graph in memory, analyses it and
writes the exports to a temporary folder first; only then are the store and the exports
swapped in. A failure at any step leaves the previous store and exports as they were.
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from . import analysis, cache
from .corpus import iter_sources, read_document
from .errors import CoopgraphError, InputError
from .export import serialize, write_atomic
from .gazetteer import load as load_gazetteer
from .model import Document, Extraction
from .rdf import ONTOLOGY_GRAPH, all_quads
from .resolve import resolve
from .store import GraphStore, MemoryGraph


@dataclass
class Report:
    """What a build, add or remove did, for the CLI to print."""

    documents: int = 0
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # 'path: problem' of bad inputs
    quads: int = 0
    entities: int = 0
    facts: int = 0
    notes: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)


def ontology_path() -> Path:
    return Path(str(resources.files("coopgraph") / "data" / "coopgraph.ttl"))


def ontology_quads() -> list[ox.Quad]:
    triples = ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE)
    return [ox.Quad(t.subject, t.predicate, t.object, ONTOLOGY_GRAPH) for t in triples]


def read_inputs(inputs: list[Path], skip_bad: bool, report: Report) -> list[Document]:
    """Read every input before anything is written; bad ones stop the build or are skipped."""
    docs: list[Document] = []
    by_id: dict[str, str] = {}
    for path, source in iter_sources(inputs):
        try:
            doc = read_document(path, source)
        except InputError as e:
            if not skip_bad:
                raise
            report.skipped.append(str(e))
            continue
        if doc.doc_id in by_id:
            err = InputError(str(path), f"same document name as {by_id[doc.doc_id]} "
                                        f"(documents are identified by file name)")
            if not skip_bad:
                raise err
            report.skipped.append(str(err))
            continue
        by_id[doc.doc_id] = str(path)
        docs.append(doc)
    return docs


def extract(docs: list[Document], model: str | None, processes: int = 1,
            engine: str = "local", scheduler: str | None = None) -> list[Extraction]:
    if not docs:
        return []
    if engine == "dask":
        from .cluster import extract_on_cluster

        return extract_on_cluster(docs, model, scheduler, workers=max(processes, 1))
    from .extract import Extractor

    ex = Extractor(model)
    return list(ex.extract_many(docs, n_process=processes))


def build(inputs: list[Path], store_dir: Path, out_dir: Path | None, *, model: str | None = None,
          skip_bad: bool = False, processes: int = 1, engine: str = "local",
          scheduler: str | None = None) -> Report:
    """A new graph from these inputs only, replacing the store."""
    report = Report()
    docs = read_inputs(inputs, skip_bad, report)
    if not docs:
        raise CoopgraphError("no articles to build from" + (
            f" ({len(report.skipped)} skipped)" if report.skipped else ""))
    extractions = extract(docs, model, processes, engine, scheduler)
    report.added = [d.doc_id for d in docs]
    _commit(extractions, GraphStore(store_dir), out_dir, report, model, replace_cache=True)
    return report


def add(inputs: list[Path], store_dir: Path, out_dir: Path | None, *, model: str | None = None,
        skip_bad: bool = False, processes: int = 1) -> Report:
    """Merge new or changed documents into the store; unchanged ones are left alone."""
    report = Report()
    store = GraphStore(store_dir)
    old = {e.document.doc_id: e for e in cache.read_all(store.extractions)}
    docs = read_inputs(inputs, skip_bad, report)
    todo = []
    for d in docs:
        prev = old.get(d.doc_id)
        if prev is not None and prev.document.content_hash == d.content_hash:
            report.unchanged.append(d.doc_id)
        else:
            (report.replaced if prev is not None else report.added).append(d.doc_id)
            todo.append(d)
    if not todo:
        report.documents = len(old)
        return report
    for e in extract(todo, model, processes):
        old[e.document.doc_id] = e
    _commit(list(old.values()), store, out_dir, report, model)
    return report


def remove(doc_ids: list[str], store_dir: Path, out_dir: Path | None) -> Report:
    """Retract documents: their graphs and whatever only they supported."""
    report = Report()
    store = GraphStore(store_dir)
    if not store.exists():
        store.open()  # raises the usual 'no store' error
    old = {e.document.doc_id: e for e in cache.read_all(store.extractions)}
    by_path = {e.document.path: e.document.doc_id for e in old.values()}
    for d in doc_ids:
        key = d if d in old else by_path.get(d) or Path(d).stem
        if key not in old:
            raise CoopgraphError(f"{d}: no such document in the store")
        report.removed.append(key)
        del old[key]
    _commit(list(old.values()), store, out_dir, report, None, removed=report.removed)
    return report


def _commit(extractions: list[Extraction], store: GraphStore, out_dir: Path | None,
            report: Report, model: str | None, replace_cache: bool = False,
            removed: list[str] | None = None) -> None:
    gaz = load_gazetteer()
    res = resolve(extractions, gaz)
    memory = MemoryGraph(ontology_quads())
    memory.add(all_quads(res, gaz))
    results = [analysis.compute(analysis.projection_graph(memory, p), p)
               for p in analysis.PROJECTIONS]
    for r in results:
        report.notes += [f"{r.projection}: {n}" for n in r.notes]
    memory.add(analysis.analysis_quads(results))
    quads = memory.quads()
    report.documents = len(extractions)
    report.entities = len(res.entities)
    report.facts = sum(len(d.facts) for d in res.docs)
    report.quads = len(quads)
    staging = Path(tempfile.mkdtemp(prefix="coopgraph-exports-"))
    try:
        if out_dir is not None:
            _write_exports(memory, quads, results[0], staging)
        # from here on, the previous state is replaced
        store.replace(quads)
        cache_dir = store.extractions
        if replace_cache and cache_dir.exists():
            shutil.rmtree(cache_dir)
        cache.write_all(cache_dir, extractions, model or "")
        for doc_id in removed or []:
            (cache_dir / f"{doc_id}.json").unlink(missing_ok=True)
        if out_dir is not None:
            out_dir.mkdir(parents=True, exist_ok=True)
            for p in sorted(staging.iterdir()):
                write_atomic(out_dir / p.name, p.read_bytes())
                report.outputs.append(out_dir / p.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write_exports(memory: MemoryGraph, quads: list[ox.Quad], entity_result, folder: Path) -> None:
    (folder / "coopgraph.ttl").write_bytes(serialize(quads, "turtle"))
    (folder / "coopgraph.trig").write_bytes(serialize(quads, "trig"))
    (folder / "centrality.csv").write_text(centrality_csv(memory, entity_result),
                                           encoding="utf-8")
    from .chart import write_chart
    from .viewdata import write_graph_view

    write_graph_view(memory, folder / "graph.html")
    write_chart(memory, entity_result, folder / "centrality")


def entity_labels(store) -> dict[str, str]:
    out = {}
    for row in store.query("SELECT ?e ?l WHERE { GRAPH ?g { ?e rdfs:label ?l } }"):
        out.setdefault(row["e"].value, row["l"].value)
    return out


def centrality_csv(store, res: analysis.Result) -> str:
    """One row per entity of the entity projection, every measure a column, by PageRank."""
    labels = entity_labels(store)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["iri", "label", "type", *analysis.MEASURES, "community"])
    for node, _score in analysis.rank(res, "pagerank", labels):
        w.writerow([node, labels.get(node, ""), res.graph.nodes[node].get("type", ""),
                    *(f"{res.scores[m].get(node, 0.0):.6f}" for m in analysis.MEASURES),
                    res.communities.get(node, "")])
    return buf.getvalue()
