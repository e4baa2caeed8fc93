"""View benchmark: write views of synthetic graphs and time, in headless Chromium, from
navigation until the network is drawn (physics is off, so drawn means stable).

    python bench/bench_view.py [--sizes 500 2000 10000] [--out bench/VIEW.md]
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from coopgraph.view import PALETTE, Evidence, ViewEdge, ViewNode, write_view


def synthetic(n: int, seed: int = 1) -> tuple[list[ViewNode], list[ViewEdge]]:
    rnd = random.Random(seed)
    types = list(PALETTE)
    weights = [25, 20, 5, 20, 15, 2, 6, 3, 4]
    nodes = []
    for i in range(n):
        ev = [Evidence(f"d{rnd.randint(1, max(2, n // 10))}", f"Article {i % 97}", "2024-01-01",
                       f"Sentence {j} about entity {i}.") for j in range(rnd.randint(1, 3))]
        nodes.append(ViewNode(f"urn:n:{i}", f"Entity {i}", rnd.choices(types, weights)[0], [],
                              {}, rnd.random(), None, ev))
    edges = []
    for _ in range(int(n * 2.5)):
        a, b = rnd.randrange(n), rnd.randrange(n)
        if a != b:
            edges.append(ViewEdge(f"urn:n:{a}", f"urn:n:{b}", "cooperatesWith", []))
    return nodes, edges


def measure(sizes: list[int]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    exe = shutil.which("chromium") or "/usr/bin/chromium"
    work = Path(tempfile.mkdtemp())
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for n in sizes:
            nodes, edges = synthetic(n)
            t = time.perf_counter()
            path = write_view(nodes, edges, work / f"v{n}.html")
            write_s = time.perf_counter() - t
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            t = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_function("window.coopgraph && window.coopgraph.stable", timeout=300_000)
            draw_s = time.perf_counter() - t
            drawn = page.evaluate("window.coopgraph.network.body.data.nodes.length")
            page.close()
            rows.append({"nodes": n, "edges": len(edges), "drawn": drawn,
                         "mb": path.stat().st_size / 1e6, "write_s": write_s, "draw_s": draw_s})
            print(rows[-1], flush=True)
        browser.close()
    shutil.rmtree(work, ignore_errors=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 10000])
    ap.add_argument("--out", type=Path, default=Path(__file__).with_name("VIEW.md"))
    a = ap.parse_args()
    rows = measure(a.sizes)
    lines = ["# View benchmark", "",
             "Headless Chromium (Debian), physics off, positions from networkx spring_layout.",
             "Target: 2,000 nodes drawn and stable within 3 s.", "",
             "| nodes | edges | file size | write (Python, layout included) | drawn and stable |",
             "|---|---|---|---|---|"]
    lines += [f"| {r['nodes']:,} | {r['edges']:,} | {r['mb']:.1f} MB | {r['write_s']:.1f} s | "
              f"{r['draw_s']:.1f} s |" for r in rows]
    a.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
