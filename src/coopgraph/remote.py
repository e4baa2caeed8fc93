"""A remote SPARQL endpoint used like the embedded store (read-only), for corpora kept in a
server-class store: `coopgraph query --endpoint URL`."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pyoxigraph as ox

from .errors import QueryError
from .rdf import PREFIXES


class RemoteStore:
    def __init__(self, url: str, timeout: float = 60.0) -> None:
        self.url = url
        self.timeout = timeout

    def _with_prefixes(self, sparql: str) -> str:
        declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w-]*):", sparql, re.IGNORECASE)}
        head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()
                       if p.lower() not in declared)
        return head + sparql

    def query(self, sparql: str, **_kwargs):
        text = self._with_prefixes(sparql)
        graph = re.search(r"^\s*(?:PREFIX[^\n]*\n\s*)*(CONSTRUCT|DESCRIBE)\b", text,
                          re.IGNORECASE | re.MULTILINE)
        accept = "application/n-triples" if graph else "application/sparql-results+json"
        req = urllib.request.Request(self.url, data=text.encode("utf-8"), headers={
            "Content-Type": "application/sparql-query", "Accept": accept})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as r:
                body = r.read()
        except urllib.error.HTTPError as e:
            raise QueryError(f"{self.url}: {e.code} {e.read().decode('utf-8', 'replace')[:300]}"
                             ) from None
        except (urllib.error.URLError, OSError) as e:
            raise QueryError(f"{self.url}: cannot reach the endpoint ({e})") from None
        if graph:
            return list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
