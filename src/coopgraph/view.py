"""The interactive graph view: one self-contained HTML file built with pyvis.

pyvis gives the page its vis-network setup; the library files are inlined from the copy pyvis
ships (pyvis 0.3.2 links Bootstrap and vis from a CDN even with cdn_resources="in_line", #229),
so the page makes no request of any kind. Node and edge details travel as one JSON blob whose
`<`, `>` and `&` are escaped, and the info panel is built with textContent, never innerHTML, so
article text cannot inject markup (vis renders `title` strings as plain text, pyvis #92).
Positions are computed in Python with physics off, so large graphs draw at once (pyvis #204).
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.network import Network

PALETTE = {"Person": "#e15759", "Organization": "#4e79a7", "Country": "#59a14f",
           "Region": "#76b7b2", "City": "#edc948", "Forum": "#b07aa1", "Meeting": "#ff9da7",
           "Visit": "#9c755f", "Agreement": "#f28e2b"}
OTHER = "#bab0ac"
LAYOUT_SEED = 42


@dataclass(frozen=True)
class Evidence:
    doc_id: str
    doc_title: str
    doc_date: str | None
    sentence: str  # article text: shown as text, never as HTML


@dataclass
class ViewNode:
    id: str  # IRI
    label: str
    type: str  # class local name
    aliases: list[str]
    identifiers: dict[str, str]  # e.g. {"ISO 3166": "RU-NVS", "Wikidata": "Q1234"}
    centrality: float
    community: int | None
    evidence: list[Evidence]


@dataclass
class ViewEdge:
    source: str
    target: str
    property: str  # local name, e.g. metWith
    evidence: list[Evidence]


def select(nodes: list[ViewNode], edges: list[ViewEdge], *, focus: str | None = None,
           depth: int = 2, top: int | None = None) -> tuple[list[ViewNode], list[ViewEdge]]:
    """The ego graph of `focus` (an IRI, label or alias) to `depth`, and/or the `top` most
    central nodes (ties by IRI), with the edges among what is kept."""
    g = nx.Graph()
    g.add_nodes_from(n.id for n in nodes)
    g.add_edges_from((e.source, e.target) for e in edges)
    keep = {n.id for n in nodes}
    if focus:
        want = focus.casefold()
        hit = next((n for n in sorted(nodes, key=lambda n: n.id) if want in (
            n.id.casefold(), n.label.casefold(), *(a.casefold() for a in n.aliases))), None)
        if hit is None:
            raise ValueError(f"no entity named {focus!r} in the graph")
        keep = set(nx.ego_graph(g, hit.id, radius=depth))
    if top:
        ranked = sorted((n for n in nodes if n.id in keep), key=lambda n: (-n.centrality, n.id))
        keep = {n.id for n in ranked[:top]}
    return ([n for n in nodes if n.id in keep],
            [e for e in edges if e.source in keep and e.target in keep])


def layout(nodes: list[ViewNode], edges: list[ViewEdge]) -> dict[str, tuple[float, float]]:
    """Deterministic positions, spread so that labels of a few hundred nodes stay readable."""
    g = nx.Graph()
    g.add_nodes_from(sorted(n.id for n in nodes))
    g.add_edges_from(sorted((e.source, e.target) for e in edges))
    if len(g) == 0:
        return {}
    scale = 120 * math.sqrt(len(g)) + 200
    iterations = 50 if len(g) <= 500 else 30 if len(g) <= 2000 else 12
    pos = nx.spring_layout(g, seed=LAYOUT_SEED, iterations=iterations, scale=scale,
                           k=2.5 / math.sqrt(len(g)))
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in pos.items()}


def _json(data) -> str:
    """JSON that is safe inside a <script> element."""
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def write_view(nodes: list[ViewNode], edges: list[ViewEdge], path: Path, *,
               title: str = "coopgraph", measure: str = "pagerank") -> Path:
    nodes = sorted(nodes, key=lambda n: n.id)
    edges = sorted(edges, key=lambda e: (e.source, e.property, e.target))
    pos = layout(nodes, edges)
    top = max((n.centrality for n in nodes), default=0.0) or 1.0
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    # appending dicts is what add_node does, without its linear scan per call
    net.nodes = [{"id": n.id, "label": n.label, "title": f"{n.type}: {n.label}", "shape": "dot",
                  "group": n.type, "color": PALETTE.get(n.type, OTHER),
                  "size": round(6 + 34 * math.sqrt(max(n.centrality, 0.0) / top), 2),
                  "x": pos[n.id][0], "y": pos[n.id][1]} for n in nodes]
    net.edges = [{"id": i, "from": e.source, "to": e.target, "title": e.property,
                  "arrows": "to", "color": "#9aa4ad"} for i, e in enumerate(edges)]
    options = {"physics": {"enabled": False}, "edges": {"smooth": False, "width": 1},
               "nodes": {"font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}},
               "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True}}
    detail = {"nodes": {n.id: asdict(n) for n in nodes},
              "edges": {str(i): asdict(e) for i, e in enumerate(edges)},
              "measure": measure, "palette": PALETTE, "other": OTHER}
    lib = resources.files("pyvis") / "lib" / "vis-9.1.2"
    page = (TEMPLATE.replace("@@TITLE@@", _html_text(title))
            .replace("@@CSS@@", (lib / "vis-network.css").read_text(encoding="utf-8"))
            .replace("@@JS@@", (lib / "vis-network.min.js").read_text(encoding="utf-8"))
            .replace("@@NODES@@", _json(net.nodes)).replace("@@EDGES@@", _json(net.edges))
            .replace("@@OPTIONS@@", _json(options)).replace("@@DATA@@", _json(detail)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>@@TITLE@@</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>@@CSS@@</style>
<style>
html,body{margin:0;height:100%;font-family:system-ui,sans-serif;font-size:13px;color:#222}
#graph{position:absolute;left:0;right:360px;top:0;bottom:0;background:#fbfbfb}
#side{position:absolute;right:0;width:344px;top:0;bottom:0;overflow:auto;padding:8px;
 border-left:1px solid #ddd;background:#fff}
#side h2{font-size:15px;margin:4px 0}#side h3{font-size:14px;margin:10px 0 4px}
.legend label{display:inline-block;margin:2px 8px 2px 0;white-space:nowrap}
.swatch{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px}
.ev{margin:6px 0;padding:4px 6px;background:#f4f6f8;border-radius:4px}
.ev b{display:block;font-size:12px;color:#555}
#empty{position:absolute;left:40%;top:40%;font-size:18px;color:#777}
input[type=text],select{width:100%;box-sizing:border-box;margin:2px 0}
</style>
<script>@@JS@@</script></head><body>
<div id="graph"></div>
<div id="side">
 <h2>@@TITLE@@</h2>
 <input id="search" type="text" placeholder="Find a node by name or alias" list="names">
 <datalist id="names"></datalist>
 <h3>Classes</h3><div class="legend" id="legend"></div>
 <h3>Colour by</h3><select id="colour"><option value="class">class</option>
 <option value="community">community (Louvain)</option></select>
 <h3>Minimum centrality</h3><input id="mincent" type="range" min="0" max="1" step="0.01" value="0">
 <span id="mincentval">0</span>
 <h3>Document</h3><select id="doc"><option value="">all documents</option></select>
 <h3>Dates</h3><input id="from" type="text" placeholder="from (YYYY-MM-DD)">
 <input id="to" type="text" placeholder="to (YYYY-MM-DD)">
 <div id="info"><p>Click a node or an edge to see its evidence.</p></div>
</div>
<script type="application/json" id="coopgraph-nodes">@@NODES@@</script>
<script type="application/json" id="coopgraph-edges">@@EDGES@@</script>
<script type="application/json" id="coopgraph-options">@@OPTIONS@@</script>
<script type="application/json" id="coopgraph-data">@@DATA@@</script>
<script>
(function () {
const read = id => JSON.parse(document.getElementById(id).textContent);
const data = read('coopgraph-data');
const nodes = new vis.DataSet(read('coopgraph-nodes'));
const edges = new vis.DataSet(read('coopgraph-edges'));
const api = {nodes, edges, network: null, stable: false, search: null};
window.coopgraph = api;
if (nodes.length === 0) {
  const p = document.createElement('div'); p.id = 'empty';
  p.textContent = 'The graph is empty: build some articles first.';
  document.getElementById('graph').appendChild(p); api.stable = true; return;
}
const el = (tag, text, parent) => { const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text; if (parent) parent.appendChild(e); return e; };
const maxc = Math.max(...Object.values(data.nodes).map(n => n.centrality), 0) || 1;
const types = [...new Set(Object.values(data.nodes).map(n => n.type))].sort();
const shown = new Set(types);
const legend = document.getElementById('legend');
for (const t of types) {
  const lab = el('label', undefined, legend); const cb = el('input', undefined, lab);
  cb.type = 'checkbox'; cb.checked = true; cb.dataset.type = t;
  const sw = el('span', undefined, lab); sw.className = 'swatch';
  sw.style.background = data.palette[t] || data.other;
  el('span', t, lab);
  cb.addEventListener('change', () => { cb.checked ? shown.add(t) : shown.delete(t); apply(); });
}
const docs = new Map();
for (const n of Object.values(data.nodes)) for (const e of n.evidence)
  docs.set(e.doc_id, e.doc_title + (e.doc_date ? ' (' + e.doc_date + ')' : ''));
const docSel = document.getElementById('doc');
for (const [id, t] of [...docs.entries()].sort()) {
  const o = el('option', t, docSel); o.value = id; }
const names = document.getElementById('names');
for (const n of Object.values(data.nodes)) {
  const o = el('option', undefined, names); o.value = n.label; }
const inRange = (ev, from, to) => (!from || (ev.doc_date || '') >= from) &&
  (!to || (ev.doc_date || '9999') <= to);
function apply() {
  const min = parseFloat(document.getElementById('mincent').value) * maxc;
  document.getElementById('mincentval').textContent = min.toPrecision(3);
  const doc = docSel.value, from = document.getElementById('from').value.trim(),
        to = document.getElementById('to').value.trim();
  const evOk = list => list.some(ev => (!doc || ev.doc_id === doc) && inRange(ev, from, to));
  const visible = new Set();
  nodes.update(Object.values(data.nodes).map(n => {
    const ok = shown.has(n.type) && n.centrality >= min &&
      (!doc && !from && !to || evOk(n.evidence));
    if (ok) visible.add(n.id); return {id: n.id, hidden: !ok}; }));
  edges.update(Object.entries(data.edges).map(([id, e]) => ({id: Number(id),
    hidden: !(visible.has(e.source) && visible.has(e.target) &&
              (!doc && !from && !to || evOk(e.evidence)))})));
}
const COMMUNITY = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948',
  '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
document.getElementById('colour').addEventListener('change', e => {
  const byCommunity = e.target.value === 'community';
  nodes.update(Object.values(data.nodes).map(n => ({id: n.id, color: byCommunity
    ? (n.community === null ? data.other : COMMUNITY[n.community % COMMUNITY.length])
    : (data.palette[n.type] || data.other)})));
});
for (const id of ['mincent', 'doc', 'from', 'to'])
  document.getElementById(id).addEventListener(id === 'mincent' ? 'input' : 'change', apply);
function evidence(list, parent) {
  el('h3', 'Evidence (' + list.length + ')', parent);
  for (const ev of list) { const d = el('div', undefined, parent); d.className = 'ev';
    el('b', ev.doc_title + (ev.doc_date ? ' · ' + ev.doc_date : ''), d);
    el('span', ev.sentence, d); }
}
function showNode(n) {
  const info = document.getElementById('info'); info.replaceChildren();
  el('h3', n.label, info); el('div', 'Type: ' + n.type, info);
  if (n.aliases.length) el('div', 'Also: ' + n.aliases.join('; '), info);
  for (const [k, v] of Object.entries(n.identifiers)) {
    const row = el('div', k + ': ', info);
    if (k === 'Wikidata') { const a = el('a', v, row);
      a.href = 'https://www.wikidata.org/wiki/' + encodeURIComponent(v); a.target = '_blank';
      a.rel = 'noopener'; } else el('span', v, row);
  }
  el('div', data.measure + ': ' + n.centrality.toFixed(4), info);
  if (n.community !== null) el('div', 'Community: ' + n.community, info);
  evidence(n.evidence, info);
}
function showEdge(e) {
  const info = document.getElementById('info'); info.replaceChildren();
  const label = id => (data.nodes[id] || {label: id}).label;
  el('h3', label(e.source) + ' — ' + e.property + ' → ' + label(e.target), info);
  evidence(e.evidence, info);
}
api.show = id => data.nodes[id] ? showNode(data.nodes[id]) : showEdge(data.edges[String(id)]);
api.search = q => {
  q = (q || '').trim().toLowerCase(); if (!q) return null;
  const forms = n => [n.label, ...n.aliases].map(x => x.toLowerCase());
  const events = new Set(['Forum', 'Meeting', 'Visit']);
  const ranked = Object.values(data.nodes).filter(n => forms(n).some(x => x.includes(q)))
    .sort((a, b) => (forms(b).includes(q) - forms(a).includes(q)) ||
      (events.has(a.type) - events.has(b.type)) || (a.label.length - b.label.length));
  const hit = ranked[0];
  if (!hit) return null;
  api.network.selectNodes([hit.id]); api.network.focus(hit.id, {scale: 1.2, animation: false});
  showNode(hit); return hit.id;
};
const options = read('coopgraph-options');
const network = new vis.Network(document.getElementById('graph'), {nodes, edges}, options);
api.network = network;
network.once('afterDrawing', () => { api.stable = true; });
network.on('click', p => { if (p.nodes.length) showNode(data.nodes[p.nodes[0]]);
  else if (p.edges.length) showEdge(data.edges[String(p.edges[0])]); });
network.on('hoverNode', p => showNode(data.nodes[p.node]));
document.getElementById('search').addEventListener('change', e => api.search(e.target.value));
})();
</script></body></html>
"""
