"""SHACL validation of the store against `ontology/shapes.ttl` with pyshacl."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rdflib import Graph

from .errors import CoopgraphError
from .export import serialize


def shapes_path() -> Path:
    return Path(str(resources.files("coopgraph") / "data" / "shapes.ttl"))


def validate(store, shapes: Path | None = None) -> tuple[bool, str]:
    """(conforms, report text) for the union of all graphs in the store."""
    import pyshacl

    data = Graph()
    data.parse(data=serialize(store.quads(), "ntriples"), format="nt")
    path = shapes or shapes_path()
    try:
        shapes_graph = Graph().parse(str(path), format="turtle")
    except Exception as e:  # noqa: BLE001 - any parser error is the user's file's fault
        raise CoopgraphError(f"{path}: not valid Turtle ({str(e).splitlines()[0][:200]})") from None
    conforms, _graph, text = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none",
                                              allow_warnings=True)
    return bool(conforms), text
