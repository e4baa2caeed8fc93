"""Serializations of the store: sorted, so the same input gives byte-identical files."""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from .errors import CoopgraphError
from .rdf import PREFIXES
from .store import GraphStore

FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, ".ttl", False),
    "trig": (ox.RdfFormat.TRIG, ".trig", True),
    "nquads": (ox.RdfFormat.N_QUADS, ".nq", True),
    "ntriples": (ox.RdfFormat.N_TRIPLES, ".nt", False),
    "jsonld": (ox.RdfFormat.JSON_LD, ".jsonld", True),
}


def serialize(quads: list[ox.Quad], fmt: str) -> bytes:
    """Quads (already sorted) in a format; triple formats get the union of all graphs."""
    if fmt not in FORMATS:
        raise CoopgraphError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    rdf_format, _suffix, keeps_graphs = FORMATS[fmt]
    if keeps_graphs:
        items = quads
    else:
        items = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads},
                       key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    prefixes = PREFIXES if fmt in ("turtle", "trig") else None
    return ox.serialize(items, format=rdf_format, prefixes=prefixes)


def export(store: GraphStore, fmt: str, path: Path | None = None) -> bytes:
    data = serialize(store.quads(), fmt)
    if path is not None:
        write_atomic(Path(path), data)
    return data


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write beside the target and rename, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    if isinstance(data, str):
        data = data.encode("utf-8")
    tmp.write_bytes(data)
    os.replace(tmp, path)
