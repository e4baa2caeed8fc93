"""A read-only SPARQL 1.1 Protocol endpoint over the store, plus the graph view and a query page.

Queries run in worker processes, each with the store opened read-only; a query that runs past
the time limit has its worker killed and replaced, so it frees its slot. SPARQL Update and
SERVICE (federated fetching) are refused with 4xx before any worker sees them.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from .rdf import PREFIXES

DEFAULT_TIMEOUT = 30.0
DEFAULT_ROW_LIMIT = 10_000
SELECT_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle", "application/n-triples": "ntriples",
    "application/ld+json": "jsonld", "application/json": "jsonld",
}
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX|BASE)\s[^\n]*\s*)*(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|"
                     r"COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)


class QueryRefused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def check_query(query: str) -> None:
    """Refuse what a read-only public endpoint must not run."""
    if not query.strip():
        raise QueryRefused(400, "empty query")
    stripped = re.sub(r"#[^\n]*", "", re.sub(r'"(?:[^"\\]|\\.)*"', '""', query))
    if _UPDATE.match(stripped):
        raise QueryRefused(403, "SPARQL Update is not allowed: this endpoint is read-only")
    if _SERVICE.search(stripped):
        raise QueryRefused(403, "SERVICE (federated queries) is not allowed on this endpoint")


def _negotiate(accept: str, table: dict[str, str], default: str) -> tuple[str, str]:
    for part in (accept or "").split(","):
        media = part.split(";")[0].strip().lower()
        if media in table:
            return media, table[media]
    media = next(m for m, f in table.items() if f == default)
    return media, default


def _worker(store_dir: str, conn) -> None:
    import pyoxigraph as ox

    from .store import GraphStore

    if store_dir.startswith(("http://", "https://")):  # a server-class store behind us
        from .remote import RemoteStore

        store = RemoteStore(store_dir)
    else:
        store = GraphStore(Path(store_dir))
    select_fmt = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
    graph_fmt = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                 "jsonld": ox.RdfFormat.JSON_LD}
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        query, accept, row_limit = job
        try:
            result = store.query(query)
            if isinstance(result, ox.QueryBoolean):
                media, fmt = _negotiate(accept, SELECT_TYPES, "json")
                body = result.serialize(format=select_fmt[fmt])
            elif isinstance(result, (ox.QueryTriples, list)):
                media, fmt = _negotiate(accept, GRAPH_TYPES, "turtle")
                triples = []
                for t in result:
                    if len(triples) >= row_limit:
                        break
                    triples.append(t)
                body = ox.serialize(triples, format=graph_fmt[fmt],
                                    prefixes=PREFIXES if fmt == "turtle" else None)
            else:
                media, fmt = _negotiate(accept, SELECT_TYPES, "json")
                body = _limited_select(result, row_limit, select_fmt[fmt])
            conn.send((200, media, body))
        except SyntaxError as e:
            conn.send((400, "text/plain", f"malformed query: {e}".encode()))
        except Exception as e:  # noqa: BLE001 - reported to the client, worker stays alive
            conn.send((500, "text/plain", f"query failed: {e}".encode()))


def _limited_select(result, row_limit: int, fmt) -> bytes:
    import pyoxigraph as ox

    variables = list(result.variables)
    rows = []
    for row in result:
        if len(rows) >= row_limit:
            break
        rows.append(row)
    # re-serialize the kept rows through a VALUES-free path: build JSON then convert if needed
    data = {"head": {"vars": [v.value for v in variables]},
            "results": {"bindings": [
                {v.value: _json_term(row[v]) for v in variables if row[v] is not None}
                for row in rows]}}
    body = json.dumps(data).encode()
    if fmt == ox.QueryResultsFormat.JSON:
        return body
    parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=fmt)


def _json_term(term) -> dict:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


class WorkerPool:
    """Query workers; a worker whose query times out is killed and replaced."""

    def __init__(self, store_dir: Path | str, size: int = 2) -> None:
        self.store_dir = str(store_dir)
        self.ctx = mp.get_context("spawn")
        self.free: list = []
        self.lock = threading.Condition()
        for _ in range(size):
            self.free.append(self._start())

    def _start(self):
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker, args=(self.store_dir, child), daemon=True)
        proc.start()
        return proc, parent

    def run(self, query: str, accept: str, timeout: float, row_limit: int):
        with self.lock:
            while not self.free:
                self.lock.wait()
            proc, conn = self.free.pop()
        try:
            conn.send((query, accept, row_limit))
            if conn.poll(timeout):
                result = conn.recv()
                worker = (proc, conn)
            else:
                proc.kill()
                proc.join()
                worker = self._start()
                result = (503, "text/plain",
                          f"query stopped after the time limit of {timeout:g} s".encode())
        except (EOFError, BrokenPipeError, OSError):
            worker = self._start()
            result = (500, "text/plain", b"query worker failed")
        with self.lock:
            self.free.append(worker)
            self.lock.notify()
        return result

    def close(self) -> None:
        with self.lock:
            for proc, _conn in self.free:
                proc.kill()
            self.free.clear()


QUERY_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>coopgraph SPARQL</title>
<style>body{font-family:sans-serif;margin:2em}textarea{width:100%;height:12em}
pre{background:#f4f4f4;padding:1em;overflow:auto}</style></head><body>
<h1>coopgraph SPARQL endpoint</h1><p>POST or GET <code>/sparql?query=...</code>.
<a href="/graph">Graph view</a>.</p>
<form id="f"><textarea id="q">PREFIX coop: <https://w3id.org/coopgraph/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?region ?label WHERE { ?region a coop:Region ; rdfs:label ?label } LIMIT 20</textarea>
<button>Run</button></form><pre id="out"></pre>
<script>
document.getElementById('f').onsubmit = async (e) => {
  e.preventDefault();
  const r = await fetch('/sparql', {method: 'POST', headers: {'Content-Type':
    'application/sparql-query', 'Accept': 'text/csv'}, body: document.getElementById('q').value});
  document.getElementById('out').textContent = await r.text();
};
</script></body></html>"""


def make_handler(pool: WorkerPool, timeout: float, row_limit: int, view: Path | None):
    class Handler(BaseHTTPRequestHandler):
        server_version = "coopgraph"

        def log_message(self, fmt, *args):  # quiet by default
            pass

        def _send(self, status: int, media: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", media + ("; charset=utf-8" if media.startswith(
                "text/") or "json" in media else ""))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.end_headers()
            self.wfile.write(body)

        def do_OPTIONS(self):  # noqa: N802 - CORS preflight
            self._send(204, "text/plain", b"")

        def do_GET(self):  # noqa: N802
            url = urlparse(self.path)
            if url.path in ("/", "/query"):
                return self._send(200, "text/html", QUERY_PAGE.encode())
            if url.path == "/graph":
                if view is None or not view.is_file():
                    return self._send(404, "text/plain", b"no graph view (run coopgraph view)")
                return self._send(200, "text/html", view.read_bytes())
            if url.path != "/sparql":
                return self._send(404, "text/plain", b"not found")
            params = parse_qs(url.query)
            if "update" in params:
                return self._send(403, "text/plain", b"SPARQL Update is not allowed")
            self._query((params.get("query") or [""])[0])

        def do_POST(self):  # noqa: N802
            url = urlparse(self.path)
            if url.path != "/sparql":
                return self._send(404, "text/plain", b"not found")
            length = int(self.headers.get("Content-Length") or 0)
            if length > 1_000_000:
                return self._send(413, "text/plain", b"query too large")
            body = self.rfile.read(length).decode("utf-8", "replace")
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                return self._send(403, "text/plain", b"SPARQL Update is not allowed")
            if ctype == "application/x-www-form-urlencoded":
                params = parse_qs(body)
                if "update" in params:
                    return self._send(403, "text/plain", b"SPARQL Update is not allowed")
                return self._query((params.get("query") or [""])[0])
            if ctype == "application/sparql-query":
                return self._query(body)
            self._send(415, "text/plain", b"use application/sparql-query or a form")

        def _query(self, query: str) -> None:
            try:
                check_query(query)
            except QueryRefused as e:
                return self._send(e.status, "text/plain", str(e).encode())
            status, media, body = pool.run(query, self.headers.get("Accept", ""), timeout,
                                           row_limit)
            self._send(status, media, body)

    return Handler


def make_server(store_dir: Path | str, host: str = "127.0.0.1", port: int = 7878,
                timeout: float = DEFAULT_TIMEOUT, row_limit: int = DEFAULT_ROW_LIMIT,
                workers: int = 2, view: Path | None = None):
    """A ready server (call serve_forever). `store_dir` is a store directory, or the URL of a
    SPARQL endpoint to serve read-only in front of (with the same limits and refusals)."""
    from .store import GraphStore

    if not str(store_dir).startswith(("http://", "https://")):
        GraphStore(Path(store_dir)).open()  # fail early and clearly if there is no store
    pool = WorkerPool(store_dir, workers)
    server = ThreadingHTTPServer((host, port), make_handler(pool, timeout, row_limit, view))
    server.daemon_threads = True
    server.pool = pool  # type: ignore[attr-defined]
    return server
