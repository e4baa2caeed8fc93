"""The interactive graph view: one self-contained HTML file (pyvis + vis-network, inlined).

Minimal version: offline, deterministic, coloured by class, sized by centrality, with an info
panel built from JSON data (never from article text as HTML).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path

import networkx as nx

PALETTE = {"Person": "#e15759", "Organization": "#4e79a7", "Country": "#59a14f",
           "Region": "#76b7b2", "City": "#edc948", "Forum": "#b07aa1", "Meeting": "#ff9da7",
           "Visit": "#9c755f", "Agreement": "#f28e2b"}


@dataclass(frozen=True)
class Evidence:
    doc_id: str
    doc_title: str
    doc_date: str | None
    sentence: str


@dataclass
class ViewNode:
    id: str
    label: str
    type: str
    aliases: list[str]
    identifiers: dict[str, str]
    centrality: float
    community: int | None
    evidence: list[Evidence]


@dataclass
class ViewEdge:
    source: str
    target: str
    property: str
    evidence: list[Evidence]


def select(nodes, edges, *, focus=None, depth=2, top=None):
    """An ego graph around `focus` (id, label or alias) and/or the `top` most central nodes."""
    g = nx.Graph()
    g.add_nodes_from(n.id for n in nodes)
    g.add_edges_from((e.source, e.target) for e in edges)
    keep = {n.id for n in nodes}
    if focus:
        want = focus.casefold()
        hit = next((n for n in nodes if want in (n.id.casefold(), n.label.casefold(),
                                                 *(a.casefold() for a in n.aliases))), None)
        if hit is None:
            raise ValueError(f"no entity named {focus!r} in the graph")
        keep = set(nx.ego_graph(g, hit.id, radius=depth))
    if top:
        ranked = sorted((n for n in nodes if n.id in keep), key=lambda n: (-n.centrality, n.id))
        keep = {n.id for n in ranked[:top]}
    return ([n for n in nodes if n.id in keep],
            [e for e in edges if e.source in keep and e.target in keep])


def _json(data) -> str:
    return (json.dumps(data, ensure_ascii=False, sort_keys=True)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def write_view(nodes, edges, path: Path, *, title: str = "coopgraph",
               measure: str = "pagerank") -> Path:
    lib = resources.files("pyvis") / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    nodes = sorted(nodes, key=lambda n: n.id)
    edges = sorted(edges, key=lambda e: (e.source, e.property, e.target))
    g = nx.Graph()
    g.add_nodes_from(n.id for n in nodes)
    g.add_edges_from((e.source, e.target) for e in edges)
    pos = nx.spring_layout(g, seed=42, scale=600) if len(nodes) > 1 else {
        n.id: (0.0, 0.0) for n in nodes}
    top = max((n.centrality for n in nodes), default=0.0) or 1.0
    vis_nodes = [{"id": n.id, "label": n.label, "title": n.type,
                  "color": PALETTE.get(n.type, "#bab0ac"), "size": 8 + 30 * n.centrality / top,
                  "x": round(float(pos[n.id][0]), 2), "y": round(float(pos[n.id][1]), 2)}
                 for n in nodes]
    vis_edges = [{"id": i, "from": e.source, "to": e.target, "title": e.property}
                 for i, e in enumerate(edges)]
    detail = {"nodes": {n.id: asdict(n) for n in nodes},
              "edges": {str(i): asdict(e) for i, e in enumerate(edges)}, "measure": measure}
    page = TEMPLATE.replace("@@TITLE@@", title).replace("@@CSS@@", css).replace("@@JS@@", js)
    page = page.replace("@@NODES@@", _json(vis_nodes)).replace("@@EDGES@@", _json(vis_edges))
    page = page.replace("@@DATA@@", _json(detail))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


TEMPLATE = """<!doctype html>
<html><head><meta charset="utf-8"><title>@@TITLE@@</title>
<style>@@CSS@@
body{margin:0;font-family:sans-serif}#graph{position:absolute;left:0;right:340px;top:0;bottom:0}
#panel{position:absolute;right:0;width:330px;top:0;bottom:0;overflow:auto;padding:5px;
border-left:1px solid #ccc;font-size:13px}
</style>
<script>@@JS@@</script></head><body>
<div id="graph"></div><div id="panel"><input id="search" placeholder="find a node">
<div id="info">Click a node or an edge.</div></div>
<script type="application/json" id="coopgraph-nodes">@@NODES@@</script>
<script type="application/json" id="coopgraph-edges">@@EDGES@@</script>
<script type="application/json" id="coopgraph-data">@@DATA@@</script>
<script>
const data = JSON.parse(document.getElementById('coopgraph-data').textContent);
const nodes = new vis.DataSet(JSON.parse(document.getElementById('coopgraph-nodes').textContent));
const edges = new vis.DataSet(JSON.parse(document.getElementById('coopgraph-edges').textContent));
const network = new vis.Network(document.getElementById('graph'), {nodes, edges},
  {physics: false, edges: {smooth: false}, interaction: {hover: true}});
window.coopgraph = {network, nodes, edges, stable: true,
  search(q) { q = q.toLowerCase(); for (const [id, n] of Object.entries(data.nodes)) {
    if (n.label.toLowerCase().includes(q) || n.aliases.some(a => a.toLowerCase().includes(q))) {
      network.selectNodes([id]); network.focus(id); show(n); return id; } } return null; }};
function line(parent, text, tag) { const el = document.createElement(tag || 'div');
  el.textContent = text; parent.appendChild(el); return el; }
function show(item) { const info = document.getElementById('info'); info.replaceChildren();
  if (item.label !== undefined) { line(info, item.label, 'h3'); line(info, 'Type: ' + item.type);
    if (item.aliases.length) line(info, 'Aliases: ' + item.aliases.join(', '));
    for (const [k, v] of Object.entries(item.identifiers)) line(info, k + ': ' + v);
    line(info, data.measure + ': ' + item.centrality.toFixed(4)); }
  else { line(info, item.property, 'h3'); }
  for (const ev of item.evidence) { const d = line(info, '', 'p');
    line(d, ev.doc_title + (ev.doc_date ? ' (' + ev.doc_date + ')' : ''), 'b');
    line(d, ev.sentence); } }
network.on('click', p => { if (p.nodes.length) show(data.nodes[p.nodes[0]]);
  else if (p.edges.length) show(data.edges[String(p.edges[0])]); });
document.getElementById('search').addEventListener('change',
  e => window.coopgraph.search(e.target.value));
</script></body></html>
"""
