"""The graph view: offline, deterministic, safe with article text, and working in a real
headless Chromium (driven by playwright's Python package, Debian's /usr/bin/chromium)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from coopgraph.view import Evidence, ViewEdge, ViewNode, select, write_view

EVIL = "He said </script><script>window.pwned=1</script> and <b>left</b> & went"


def small_graph() -> tuple[list[ViewNode], list[ViewEdge]]:
    ev = Evidence("d1", "Tver and Brest sign a roadmap", "2023-03-12",
                  "The Governor of the Tver Region, Irina Volkova, visited Brest.")
    ev2 = Evidence("d2", "A second article", "2024-01-05", EVIL)
    nodes = [
        ViewNode("urn:x:volkova", "Irina Volkova", "Person", ["Volkova"], {}, 0.5, 0, [ev]),
        ViewNode("urn:x:tver", "Tver Region", "Region", ["Tver Oblast"],
                 {"ISO 3166": "RU-TVE", "Wikidata": "Q2292"}, 0.3, 0, [ev]),
        ViewNode("urn:x:brest", "Brest", "City", [], {}, 0.2, 1, [ev, ev2]),
        ViewNode("urn:x:lonely", "Lonely Forum", "Forum", [], {}, 0.0, None, [ev2]),
    ]
    edges = [ViewEdge("urn:x:volkova", "urn:x:tver", "leads", [ev]),
             ViewEdge("urn:x:volkova", "urn:x:brest", "visited", [ev])]
    return nodes, edges


def test_view_html_has_no_external_references(tmp_path):
    html = write_view(*small_graph(), tmp_path / "v.html").read_text(encoding="utf-8")
    refs = re.findall(r"<(?:script|link|img|iframe)[^>]*(?:src|href)\s*=\s*[\"']?([^\"' >]+)",
                      html, re.IGNORECASE)
    assert refs == [], f"external references: {refs}"
    assert "cdn.jsdelivr" not in html and "bootstrap" not in html.lower()


def test_view_is_deterministic(tmp_path):
    a = write_view(*small_graph(), tmp_path / "a.html").read_bytes()
    b = write_view(*small_graph(), tmp_path / "b.html").read_bytes()
    assert a == b


def test_view_escapes_article_text(tmp_path):
    html = write_view(*small_graph(), tmp_path / "v.html").read_text(encoding="utf-8")
    assert "</script><script>window.pwned" not in html
    assert "\\u003c/script\\u003e" in html


def test_view_select_focus_depth_and_top():
    nodes, edges = small_graph()
    n, e = select(nodes, edges, focus="tver oblast", depth=1)
    assert {x.label for x in n} == {"Tver Region", "Irina Volkova"} and len(e) == 1
    n, _e = select(nodes, edges, focus="Tver Region", depth=2)
    assert {x.label for x in n} == {"Tver Region", "Irina Volkova", "Brest"}
    n, _e = select(nodes, edges, top=2)
    assert {x.label for x in n} == {"Irina Volkova", "Tver Region"}
    with pytest.raises(ValueError, match="Atlantis"):
        select(nodes, edges, focus="Atlantis")


# ---------------------------------------------------------------- real browser

def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser():
    exe = chromium_path()
    if exe is None:
        pytest.skip("no Chromium on this machine (make test installs Debian's chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.coopgraph && window.coopgraph.stable", timeout=30_000)
    return page, requests, errors


@pytest.mark.browser
def test_view_browser_offline_counts_search_and_panel(browser, tmp_path):
    nodes, edges = small_graph()
    path = write_view(nodes, edges, tmp_path / "v.html")
    page, requests, errors = open_page(browser, path)
    assert errors == [], errors
    outside = [u for u in requests if not u.startswith(("file://", "data:"))]
    assert outside == [], f"network requests: {outside}"
    drawn = page.evaluate("[window.coopgraph.network.body.data.nodes.length,"
                          " window.coopgraph.network.body.data.edges.length]")
    assert drawn == [len(nodes), len(edges)], drawn
    assert page.evaluate("window.coopgraph.search('Tver Oblast')") == "urn:x:tver"
    panel = page.inner_text("#info")
    assert "The Governor of the Tver Region, Irina Volkova, visited Brest." in panel, panel
    assert "Tver and Brest sign a roadmap" in panel and "RU-TVE" in panel
    assert page.evaluate("window.coopgraph.search('Brest')") == "urn:x:brest"
    assert EVIL in page.inner_text("#info"), "article text must show literally"
    assert page.evaluate("window.pwned === undefined")
    page.close()


@pytest.mark.browser
def test_view_browser_filters_hide_nodes(browser, tmp_path):
    path = write_view(*small_graph(), tmp_path / "v.html")
    page, _r, _e = open_page(browser, path)
    page.uncheck("input[data-type=Person]")
    hidden = page.evaluate("window.coopgraph.nodes.get('urn:x:volkova').hidden")
    assert hidden is True
    page.select_option("#colour", "community")
    colours = page.evaluate("['urn:x:volkova', 'urn:x:brest'].map("
                            "id => window.coopgraph.nodes.get(id).color)")
    assert colours[0] != colours[1], "communities 0 and 1 should differ in colour"
    page.select_option("#doc", "d2")
    visible = page.evaluate("window.coopgraph.nodes.get({filter: n => !n.hidden}).map(n => n.id)")
    assert sorted(visible) == ["urn:x:brest", "urn:x:lonely"], visible
    page.close()


@pytest.mark.browser
def test_view_browser_seed_graph_screenshot_not_blank(browser, seed_build, tmp_path):
    from PIL import Image

    page, requests, errors = open_page(browser, seed_build.out / "graph.html")
    assert errors == [] and all(u.startswith("file://") for u in requests), (errors, requests)
    n = page.evaluate("window.coopgraph.network.body.data.nodes.length")
    assert n > 50, n
    shot = tmp_path / "shot.png"
    page.screenshot(path=str(shot))
    colours = Image.open(shot).convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50, "screenshot looks blank"
    page.close()


@pytest.mark.browser
def test_view_browser_empty_graph(browser, tmp_path):
    page, _r, errors = open_page(browser, write_view([], [], tmp_path / "e.html"))
    assert errors == [] and "empty" in page.inner_text("#graph")
    page.close()
