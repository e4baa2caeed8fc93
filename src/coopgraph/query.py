"""SPARQL over the store, and the four ways of printing results."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from .errors import QueryError
from .rdf import PREFIXES

FORMATS = ("table", "csv", "tsv", "json")
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX|BASE)\s[^\n]*\n\s*)*(?:INSERT|DELETE|LOAD|CLEAR|CREATE|"
                     r"DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)


@dataclass
class SavedQuery:
    name: str
    description: str
    text: str


def saved_queries(folder: Path | None = None) -> dict[str, SavedQuery]:
    """Saved queries: `queries/*.rq` beside the project (or the copies shipped in the package).
    The first comment line of each file is its one-line description."""
    folders = [folder] if folder else [Path("queries"), resources.files("coopgraph") / "queries"]
    out: dict[str, SavedQuery] = {}
    for f in folders:
        if not f.is_dir():
            continue
        for p in sorted(f.iterdir(), key=lambda p: p.name):
            if not p.name.endswith(".rq") or p.name[:-3] in out:
                continue
            text = p.read_text(encoding="utf-8")
            first = next((ln for ln in text.splitlines() if ln.startswith("#")), "#")
            out[p.name[:-3]] = SavedQuery(p.name[:-3], first.lstrip("# ").strip(), text)
    return out


def run(store, sparql: str, bindings: dict[str, str] | None = None):
    """Execute a read-only query; a syntax error becomes a QueryError with the parser's message.
    `bindings` pre-bind variables (a value in <...> or starting with http(s):// is an IRI,
    anything else a plain literal)."""
    if _UPDATE.match(sparql):
        raise QueryError("SPARQL Update is not allowed here: coopgraph queries are read-only")
    if bindings:
        names, terms = [], []
        for name, value in bindings.items():
            if value.startswith("<") and value.endswith(">"):
                term = ox.NamedNode(value[1:-1])
            elif re.match(r"https?://", value):
                term = ox.NamedNode(value)
            else:
                term = ox.Literal(value)
            names.append(f"?{name.lstrip('?$')}")
            terms.append(str(term))
        # a trailing VALUES block joins with the query's solutions (SPARQL 1.1, 18.2.4.3)
        sparql = f"{sparql.rstrip()}\nVALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"
    try:
        return store.query(sparql)
    except SyntaxError as e:
        raise QueryError(f"malformed query: {e}") from None
    except RuntimeError as e:  # e.g. a --bind variable the query does not project
        raise QueryError(f"query cannot run: {e}") from None
    except OSError as e:
        raise QueryError(f"query failed: {e}") from None


def labels_for(store, iris: set[str]) -> dict[str, str]:
    if not iris:
        return {}
    out: dict[str, str] = {}
    iris_l = sorted(iris)
    for i in range(0, len(iris_l), 500):
        values = " ".join(f"<{x}>" for x in iris_l[i:i + 500])
        q = f"SELECT ?x ?l WHERE {{ VALUES ?x {{ {values} }} ?x rdfs:label ?l }}"
        for row in store.query(q):
            out.setdefault(row["x"].value, row["l"].value)
    return out


def _cell(term, labels: dict[str, str] | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        if labels is not None and term.value in labels:
            return labels[term.value]
        for p, ns in sorted(PREFIXES.items(), key=lambda x: -len(x[1])):
            if term.value.startswith(ns) and re.fullmatch(r"[\w.-]+", term.value[len(ns):]):
                return f"{p}:{term.value[len(ns):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def format_result(store, result, fmt: str = "table") -> str:
    """Text for a query result: SELECT in the chosen format, ASK as true/false, graphs as Turtle."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if isinstance(result, ox.QueryBoolean):
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result)})
        return "true" if bool(result) else "false"
    if isinstance(result, (ox.QueryTriples, list)):
        triples = sorted(result, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode()
    variables = [v.value for v in result.variables]
    if fmt == "json":
        return result.serialize(format=ox.QueryResultsFormat.JSON).decode()
    rows = [[row[v] for v in variables] for row in result]
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(variables)
        for row in rows:
            writer.writerow([_raw(t) for t in row])
        return buf.getvalue().rstrip("\n")
    iris = {t.value for row in rows for t in row if isinstance(t, ox.NamedNode)}
    labels = labels_for(store, iris)
    cells = [[_cell(t, labels).replace("\n", " ") for t in row] for row in rows]
    widths = [max([len(v)] + [min(len(r[i]), 60) for r in cells]) for i, v in enumerate(variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(variables, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for r in cells:
        lines.append("  ".join(_clip(c, w).ljust(w) for c, w in
                               zip(r, widths, strict=True)).rstrip())
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _raw(term) -> str:
    if term is None:
        return ""
    return term.value if hasattr(term, "value") else str(term)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
