"""The SPARQL endpoint with real clients: SPARQLWrapper and plain HTTP, refusals and limits."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from coopgraph.serve import make_server

RUNNING: list = []


def worker_rss_kib(server) -> int:
    """Resident memory of the query workers, from /proc."""
    total = 0
    for proc, _conn in list(server.pool.free):
        with open(f"/proc/{proc.pid}/status") as fh:
            total += next(int(line.split()[1]) for line in fh if line.startswith("VmRSS"))
    return total


@pytest.fixture(scope="module")
def endpoint(seed_build):
    server = make_server(seed_build.store, "127.0.0.1", 0, timeout=3.0, row_limit=5, workers=2)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    RUNNING.append(server)
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    RUNNING.remove(server)
    server.shutdown()
    server.pool.close()


def http(url: str, data: bytes | None = None, headers: dict | None = None):
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_serve_sparqlwrapper_select_json(endpoint):
    from SPARQLWrapper import JSON, SPARQLWrapper

    sw = SPARQLWrapper(endpoint)
    sw.setQuery("PREFIX coop: <https://w3id.org/coopgraph/ns#> "
                "SELECT DISTINCT ?c WHERE { ?c a coop:Country } ORDER BY ?c")
    sw.setReturnFormat(JSON)
    res = sw.query().convert()
    iris = [b["c"]["value"] for b in res["results"]["bindings"]]
    assert "https://w3id.org/coopgraph/id/country/by" in iris, iris


def test_serve_sparqlwrapper_construct_turtle(endpoint):
    from SPARQLWrapper import TURTLE, SPARQLWrapper

    sw = SPARQLWrapper(endpoint)
    sw.setQuery("CONSTRUCT { ?c a coop:Country } WHERE { ?c a coop:Country }")
    sw.setReturnFormat(TURTLE)
    body = sw.query().convert()
    assert b"coop:Country" in body, body[:300]


@pytest.mark.parametrize("accept,marker", [
    ("text/csv", b"c\r\n"), ("text/tab-separated-values", b"?c"),
    ("application/sparql-results+xml", b"<sparql"), ("application/sparql-results+json", b'"vars"'),
])
def test_serve_content_negotiation(endpoint, accept, marker):
    q = urllib.parse.urlencode({"query": "SELECT DISTINCT ?c WHERE { ?c a coop:Country }"})
    status, headers, body = http(f"{endpoint}?{q}", headers={"Accept": accept})
    assert status == 200 and headers["Content-Type"].startswith(accept), (status, headers)
    assert marker in body, body[:200]
    assert headers.get("Access-Control-Allow-Origin") == "*"


def test_serve_row_limit(endpoint):
    q = urllib.parse.urlencode({"query": "SELECT ?s WHERE { ?s ?p ?o }"})
    status, _h, body = http(f"{endpoint}?{q}", headers={"Accept": "application/json"})
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 5


@pytest.mark.parametrize("data,ctype", [
    (b"DELETE WHERE { ?s ?p ?o }", "application/sparql-update"),
    (urllib.parse.urlencode({"update": "INSERT DATA { <a:a> <a:b> <a:c> }"}).encode(),
     "application/x-www-form-urlencoded"),
    (b"INSERT DATA { <a:a> <a:b> <a:c> }", "application/sparql-query"),
    (b"SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
     "application/sparql-query"),
])
def test_serve_refuses_update_and_service(endpoint, data, ctype):
    status, _h, body = http(endpoint, data=data, headers={"Content-Type": ctype})
    assert 400 <= status < 500, (status, body)


def test_serve_malformed_query_is_400(endpoint):
    status, _h, body = http(endpoint, data=b"SELECT ?x WHERE { ?x ?y }",
                            headers={"Content-Type": "application/sparql-query"})
    assert status == 400 and b"malformed" in body, body


def test_serve_timeout_frees_the_worker(endpoint):
    slow = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    t = time.monotonic()
    status, _h, body = http(endpoint, data=slow.encode(),
                            headers={"Content-Type": "application/sparql-query"})
    assert status == 503 and b"time limit" in body, (status, body)
    assert time.monotonic() - t < 20
    status, _h, _b = http(endpoint, data=b"ASK { ?s ?p ?o }",
                          headers={"Content-Type": "application/sparql-query",
                                   "Accept": "application/json"})
    assert status == 200


def test_serve_bounded_load(endpoint):
    """10 clients for 5 s on loopback: no error, and the workers' memory does not grow."""
    server = RUNNING[0]
    warm = urllib.parse.urlencode({"query": "SELECT ?c WHERE { ?c a coop:Region } LIMIT 3"})
    for _ in range(20):
        http(f"{endpoint}?{warm}", headers={"Accept": "text/csv"})
    before = worker_rss_kib(server)
    errors, done = [], []
    stop = time.monotonic() + 5.0
    q = urllib.parse.urlencode({"query": "SELECT ?c WHERE { ?c a coop:Region } LIMIT 3"})

    def client():
        while time.monotonic() < stop:
            status, _h, _b = http(f"{endpoint}?{q}", headers={"Accept": "text/csv"})
            (done if status == 200 else errors).append(status)

    threads = [threading.Thread(target=client) for _ in range(10)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors and len(done) > 10, (errors[:5], len(done))
    after = worker_rss_kib(server)
    assert after < before * 1.2 + 4096, f"worker memory grew from {before} to {after} KiB"
    print(f"load: {len(done)} requests in 5 s from 10 clients ({len(done) / 5:.0f}/s), "
          f"worker RSS {before} -> {after} KiB")


def test_serve_query_command_against_the_endpoint(endpoint):
    """`coopgraph query --endpoint` talks to a SPARQL server instead of the embedded store."""
    from click.testing import CliRunner

    from coopgraph.cli import main

    r = CliRunner().invoke(main, ["query", "--endpoint", endpoint, "--format", "csv",
                                  "SELECT DISTINCT ?l WHERE { ?c a coop:Country ; rdfs:label ?l "
                                  "FILTER(CONTAINS(?l, 'Bela')) }"])
    assert r.exit_code == 0, r.output
    assert "Republic of Belarus" in r.output.splitlines(), r.output
    r = CliRunner().invoke(main, ["query", "--endpoint", endpoint, "ASK { ?s a coop:Person }"])
    assert (r.exit_code, r.output.strip()) == (0, "true"), r.output


def test_serve_in_front_of_another_endpoint(endpoint):
    """`coopgraph serve --endpoint URL`: the same protocol, limits and refusals, in front of a
    server-class store (here: the endpoint of this module)."""
    proxy = make_server(endpoint, "127.0.0.1", 0, timeout=5.0, row_limit=5, workers=1)
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{proxy.server_address[1]}/sparql"
    try:
        q = urllib.parse.urlencode({"query": "ASK { ?s a coop:Person }"})
        status, _h, body = http(f"{url}?{q}", headers={"Accept": "application/json"})
        assert status == 200 and json.loads(body)["boolean"] is True, body
        status, _h, _b = http(url, data=b"DROP ALL",
                              headers={"Content-Type": "application/sparql-query"})
        assert status == 403
    finally:
        proxy.shutdown()
        proxy.pool.close()
