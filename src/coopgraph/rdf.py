"""Entities and facts -> quads. The only module that mints IRIs.

Provenance pattern: each document is a named graph (its IRI is the document's IRI) holding the
facts read from it and which entities it mentions (`coop:mentionedIn`, with the first sentence
naming them as `coop:evidence`). Each fact is also reified as an `rdf:Statement` in the same
graph, with `coop:evidence` pointing to the `coop:Sentence` it was read from,
`prov:wasDerivedFrom` the document and `coop:rule` the extraction rule. Types, labels,
aliases, identifiers and event attributes are resolved over the whole corpus and live once in
the `entities` graph, so that queries over the union of graphs do not see them repeated.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Quad

from .gazetteer import Gazetteer
from .model import SYMMETRIC
from .ontology import COOP, ID, NS, SCHEMA, WD
from .resolve import Resolution

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"

PREFIXES = {
    "coop": NS, "cgid": ID, **{p: f"{ID}{p}/" for p in (
        "person", "org", "country", "region", "city", "forum", "series", "meeting", "visit",
        "agreement")},
    "rdf": RDF, "rdfs": RDFS, "owl": OWL, "skos": SKOS, "xsd": XSD,
    "prov": PROV, "dcterms": DCTERMS, "schema": str(SCHEMA), "wd": str(WD),
}
ENTITIES_GRAPH = NamedNode(ID + "graph/entities")
ANALYSIS_GRAPH = NamedNode(ID + "graph/analysis")
ONTOLOGY_GRAPH = NamedNode(NS.rstrip("#"))

A = NamedNode(RDF + "type")
LABEL = NamedNode(RDFS + "label")
ALT = NamedNode(SKOS + "altLabel")
SAME = NamedNode(OWL + "sameAs")


def term(uri) -> NamedNode:
    return NamedNode(str(uri))


def entity_iri(key: str) -> NamedNode:
    return NamedNode(ID + key)


def doc_iri(doc_id: str) -> NamedNode:
    return NamedNode(f"{ID}doc/{doc_id}")


def sentence_iri(doc_id: str, index: int) -> NamedNode:
    return NamedNode(f"{ID}doc/{doc_id}/s{index}")


def date_literal(value: str) -> Literal:
    """xsd:date, xsd:gYearMonth or xsd:gYear, as precise as the value."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        dt = "date"
    elif re.fullmatch(r"\d{4}-\d{2}", value):
        dt = "gYearMonth"
    elif re.fullmatch(r"\d{4}", value):
        dt = "gYear"
    else:
        return Literal(value)
    return Literal(value, datatype=NamedNode(XSD + dt))


def integer(n: int) -> Literal:
    return Literal(str(n), datatype=NamedNode(XSD + "integer"))


def document_quads(res: Resolution, gaz: Gazetteer) -> Iterator[Quad]:
    """Every document's named graph."""
    for d in res.docs:
        doc = d.extraction.document
        g = doc_iri(doc.doc_id)
        yield Quad(g, A, term(COOP.Document), g)
        yield Quad(g, NamedNode(DCTERMS + "title"), Literal(doc.title), g)
        if doc.date:
            yield Quad(g, NamedNode(DCTERMS + "date"), date_literal(doc.date), g)
        yield Quad(g, term(COOP.contentHash), Literal(doc.content_hash), g)
        yield Quad(g, term(COOP.sourcePath), Literal(doc.path), g)
        used: set[int] = set()
        for key in sorted(d.forms):
            s = entity_iri(key)
            yield Quad(s, term(COOP.mentionedIn), g, g)
            first = d.first_sentence[key]
            used.add(first)
            yield Quad(s, term(COOP.evidence), sentence_iri(doc.doc_id, first), g)
        for f in d.facts:
            s, p, o = entity_iri(f.subject), term(getattr(COOP, f.predicate)), entity_iri(f.object)
            yield Quad(s, p, o, g)
            st = NamedNode(f"{ID}doc/{doc.doc_id}/st-" + hashlib.sha256(
                f"{f.subject} {f.predicate} {f.object} {f.sentence}".encode()).hexdigest()[:16])
            yield Quad(st, A, NamedNode(RDF + "Statement"), g)
            yield Quad(st, NamedNode(RDF + "subject"), s, g)
            yield Quad(st, NamedNode(RDF + "predicate"), p, g)
            yield Quad(st, NamedNode(RDF + "object"), o, g)
            yield Quad(st, term(COOP.evidence), sentence_iri(doc.doc_id, f.sentence), g)
            yield Quad(st, NamedNode(PROV + "wasDerivedFrom"), g, g)
            yield Quad(st, term(COOP.rule), Literal(f.rule), g)
            used.add(f.sentence)
        for n, fig in enumerate(d.figures):
            ob = NamedNode(f"{ID}doc/{doc.doc_id}/obs{n}")
            yield Quad(ob, A, term(COOP.Observation), g)
            yield Quad(ob, term(COOP.measure), Literal(fig.measure), g)
            yield Quad(ob, term(COOP.value), Literal(_decimal(fig.value),
                                                     datatype=NamedNode(XSD + "decimal")), g)
            yield Quad(ob, term(COOP.unit), Literal(fig.unit), g)
            if fig.period:
                yield Quad(ob, term(COOP.period), date_literal(fig.period), g)
            for p in fig.parties:
                yield Quad(ob, term(COOP.concerns), entity_iri(p), g)
            yield Quad(ob, term(COOP.evidence), sentence_iri(doc.doc_id, fig.sentence), g)
            yield Quad(ob, NamedNode(PROV + "wasDerivedFrom"), g, g)
            used.add(fig.sentence)
        for i in sorted(used):
            si = sentence_iri(doc.doc_id, i)
            yield Quad(si, A, term(COOP.Sentence), g)
            yield Quad(si, term(COOP.text), Literal(d.extraction.sentences[i]), g)
            yield Quad(si, term(COOP.sentenceIndex), integer(i), g)
            yield Quad(si, NamedNode(DCTERMS + "isPartOf"), g, g)


def _decimal(v: float) -> str:
    text = f"{v:.6f}".rstrip("0").rstrip(".")
    return text if "." in text else text + ".0"


def _attr_quads(s: NamedNode, name: str, value: str, g: NamedNode) -> Iterator[Quad]:
    if name == "date":
        yield Quad(s, term(COOP.date), date_literal(value), g)
    elif name == "endDate":
        yield Quad(s, term(COOP.endDate), date_literal(value), g)
    elif name == "edition":
        yield Quad(s, term(COOP.editionNumber), integer(int(value)), g)
    elif name == "series":
        yield Quad(s, term(COOP.eventSeries), Literal(value), g)


def entity_quads(res: Resolution, gaz: Gazetteer) -> Iterator[Quad]:
    """The entities graph: preferred labels, types and identifiers of every entity."""
    g = ENTITIES_GRAPH
    for key, ent in sorted(res.entities.items()):
        s = entity_iri(key)
        yield Quad(s, A, term(getattr(COOP, ent.type)), g)
        yield Quad(s, LABEL, Literal(ent.label), g)
        for form in ent.alt_labels:
            yield Quad(s, ALT, Literal(form), g)
        for name, value in sorted(ent.attrs.items()):
            yield from _attr_quads(s, name, value, g)
        ref = gaz.refs.get(ent.ref) if ent.ref else None
        if ref is not None:
            if ref.wikidata:
                yield Quad(s, SAME, NamedNode(str(WD) + ref.wikidata), g)
            if ref.iso:
                yield Quad(s, term(COOP.isoCode), Literal(ref.iso), g)


def all_quads(res: Resolution, gaz: Gazetteer) -> list[Quad]:
    """Every quad of the corpus, sorted (so serializations are byte-stable)."""
    quads = set(document_quads(res, gaz)) | set(entity_quads(res, gaz))
    return sorted(quads, key=quad_sort_key)


def quad_sort_key(q: Quad) -> tuple[str, str, str, str]:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


SYMMETRIC_PROPS = {term(getattr(COOP, p)) for p in SYMMETRIC}
