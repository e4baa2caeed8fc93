"""Benchmarks, each a ratio against a baseline measured in the same run; writes RESULTS.md.

    python bench/run.py [--articles 200] [--big-triples 1000000] [--out bench/RESULTS.md]

1. build time against bare spaCy (`nlp.pipe` of the same model over the same texts)
2. build with 2 processes against 1
3. peak memory (RSS) of builds of growing size (flatness: the ratio between them)
4. the saved queries on a large store: rdflib's SPARQL engine time / pyoxigraph time
5. `add` of one article to a built store, against building that store
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def write_corpus(folder: Path, count: int, seed: int = 1) -> list[Path]:
    from corpus_gen import articles

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in articles(count, seed):
        p = folder / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - t, out


def bench_spacy_vs_build(corpus: Path, work: Path) -> dict:

    from coopgraph.build import build
    from coopgraph.corpus import iter_paths, read_document
    from coopgraph.extract import load_nlp

    texts = [read_document(p).text for p in iter_paths([corpus])]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    spacy_t, _ = timed(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=8)))
    build_t, report = timed(build, [corpus], work / "store1", work / "out1")
    return {"articles": len(texts), "words": words, "spacy_s": spacy_t, "build_s": build_t,
            "ratio": build_t / spacy_t, "quads": report.quads}


def bench_processes(corpus: Path, work: Path) -> dict:
    from coopgraph.build import build

    one, _ = timed(build, [corpus], work / "s_j1", None, processes=1)
    two, _ = timed(build, [corpus], work / "s_j2", None, processes=2)
    return {"j1_s": one, "j2_s": two, "speedup": one / two}


def _peak_rss_of_build(corpus: Path, work: Path) -> float:
    code = ("import resource,sys;from pathlib import Path;from coopgraph.build import build;"
            f"build([Path({str(corpus)!r})], Path({str(work / 'mem_store')!r}), None);"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    shutil.rmtree(work / "mem_store", ignore_errors=True)
    return int(out.strip().splitlines()[-1]) / 1024  # MiB


def bench_memory(work: Path, sizes: list[int]) -> dict:
    out = {}
    for n in sizes:
        corpus = work / f"mem_{n}"
        write_corpus(corpus, n, seed=7)
        out[n] = _peak_rss_of_build(corpus, work)
    return {"peak_mib": out, "growth": out[sizes[-1]] / out[sizes[0]]}


def _big_quads(store_dir: Path, target: int) -> Path:
    """N-Quads of at least `target` quads: the built store copied under renamed documents and
    entities, so joins keep their shape."""
    from coopgraph.export import serialize
    from coopgraph.store import GraphStore

    base = serialize(GraphStore(store_dir).quads(), "nquads").decode().splitlines()
    path = store_dir.parent / "big.nq"
    n = 0
    copy = 0
    with path.open("w", encoding="utf-8") as fh:
        while n < target:
            for line in base:
                if "/graph/analysis" in line or "coopgraph/ns>" in line.split(" ")[-2:][0]:
                    continue
                fh.write(line.replace("/id/", f"/id/c{copy}/") + "\n")
                n += 1
            copy += 1
    return path


RDFLIB_RUNNER = r"""
import json, signal, sys, time
from rdflib import Dataset
class Timeout(Exception):
    pass
def alarm(*_):
    raise Timeout()
signal.signal(signal.SIGALRM, alarm)
ds = Dataset(default_union=True)
t = time.perf_counter(); ds.parse(sys.argv[1], format="nquads"); load = time.perf_counter() - t
limit = int(sys.argv[3])
out = {"load_s": load, "queries": {}, "timed_out": []}
prefixes = json.loads(sys.argv[2])
for name, text in json.loads(sys.stdin.read()).items():
    t = time.perf_counter()
    signal.alarm(limit)
    try:
        n = sum(1 for _ in ds.query(text, initNs=prefixes))
        out["queries"][name] = time.perf_counter() - t
    except Timeout:
        out["timed_out"].append(name)
    finally:
        signal.alarm(0)
    print(json.dumps(out), flush=True)
print(json.dumps(out), flush=True)
"""


def bench_queries(store_dir: Path, target: int, rdflib_budget: float) -> dict:
    import pyoxigraph as ox

    from coopgraph.query import saved_queries
    from coopgraph.rdf import PREFIXES

    path = _big_quads(store_dir, target)
    store = ox.Store()
    t = time.perf_counter()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    ox_load = time.perf_counter() - t
    size = len(store)
    queries = {n: q.text for n, q in saved_queries().items()}
    ox_times = {}
    for name, text in queries.items():
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            res = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
            sum(1 for _ in res) if not isinstance(res, ox.QueryBoolean) else bool(res)
            runs.append(time.perf_counter() - t)
        ox_times[name] = statistics.median(runs)
    try:
        per_query = max(10, int(rdflib_budget / (len(queries) + 1)))
        proc = subprocess.run([sys.executable, "-c", RDFLIB_RUNNER, str(path),
                               json.dumps(PREFIXES), str(per_query)], input=json.dumps(queries),
                              capture_output=True, text=True, timeout=rdflib_budget * 2)
        lines = proc.stdout.strip().splitlines()
    except subprocess.TimeoutExpired as e:
        lines = (e.stdout or b"").decode().strip().splitlines() if isinstance(
            e.stdout, bytes) else (e.stdout or "").strip().splitlines()
    rd = json.loads(lines[-1]) if lines else {"load_s": None, "queries": {}, "timed_out": []}
    ratios, lower_bound = {}, set()
    for name, t_ox in ox_times.items():
        t_rd = rd["queries"].get(name)
        if t_rd is None and name in rd.get("timed_out", []):
            t_rd = per_query  # stopped at the limit: the ratio is a lower bound
            lower_bound.add(name)
        ratios[name] = (t_rd / t_ox) if t_rd is not None else None
    path.unlink()
    return {"quads": size, "ox_load_s": ox_load, "rdflib_load_s": rd.get("load_s"),
            "ox_s": ox_times, "rdflib_s": rd["queries"], "ratio": ratios,
            "lower_bound": sorted(lower_bound), "per_query_s": per_query}


def bench_add(corpus: Path, work: Path) -> dict:
    from coopgraph.build import add, build

    extra = work / "extra"
    write_corpus(extra, 1, seed=99)
    (extra / "synthetic_000000.txt").rename(extra / "added_one.txt")
    store = work / "add_store"
    build_t, _ = timed(build, [corpus], store, None)
    add_t, _ = timed(add, [extra], store, None)
    return {"build_s": build_t, "add_s": add_t, "ratio": add_t / build_t}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--memory-sizes", type=int, nargs="+", default=[100, 400])
    ap.add_argument("--big-triples", type=int, default=1_000_000)
    ap.add_argument("--rdflib-budget", type=float, default=900.0,
                    help="seconds rdflib may spend loading and querying")
    ap.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="coopgraph-bench-"))
    try:
        corpus = work / "corpus"
        write_corpus(corpus, a.articles)
        r1 = bench_spacy_vs_build(corpus, work)
        print("1", r1, flush=True)
        r2 = bench_processes(corpus, work)
        print("2", r2, flush=True)
        r3 = bench_memory(work, a.memory_sizes)
        print("3", r3, flush=True)
        r4 = bench_queries(work / "store1", a.big_triples, a.rdflib_budget)
        print("4", {k: v for k, v in r4.items() if k != "ox_s"}, flush=True)
        r5 = bench_add(corpus, work)
        print("5", r5, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    a.out.write_text(report(a, r1, r2, r3, r4, r5), encoding="utf-8")
    print(f"wrote {a.out}")


def _fmt(x, digits=2) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def report(a, r1, r2, r3, r4, r5) -> str:
    mem = ", ".join(f"{n} articles: {m:.0f} MiB" for n, m in r3["peak_mib"].items())
    def rd(n: str) -> str:
        if n in r4["lower_bound"]:
            return f"> {r4['per_query_s']} s (stopped)"
        t = r4["rdflib_s"].get(n)
        return "n/a" if t is None else f"{t * 1000:.0f} ms"

    rows = [f"| `{n}` | {r4['ox_s'][n] * 1000:.1f} ms | {rd(n)} | "
            f"{'≥ ' if n in r4['lower_bound'] else ''}{_fmt(r4['ratio'][n], 0)}× |"
            for n in r4["ox_s"]]
    known = [r for r in r4["ratio"].values() if r]  # stopped queries count at their limit
    gmean = statistics.geometric_mean(known) if known else None
    return f"""# Benchmarks

Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()},
{platform.platform()}. Corpus: {a.articles} synthetic articles from `bench/corpus_gen.py`
({r1['words']} words). Every figure is a ratio against a baseline measured in the same run.
Command: `python bench/run.py --articles {a.articles} --big-triples {a.big_triples}`.

| # | benchmark | baseline | coopgraph | ratio | target | met |
|---|---|---|---|---|---|---|
| 1 | build vs bare spaCy `nlp.pipe` | {r1['spacy_s']:.1f} s | {r1['build_s']:.1f} s | {r1['ratio']:.2f}× | ≤ 1.25× | {'yes' if r1['ratio'] <= 1.25 else 'no'} |
| 2 | build with 2 processes vs 1 | {r2['j1_s']:.1f} s | {r2['j2_s']:.1f} s | {r2['speedup']:.2f}× faster | ≥ 1.7× | {'yes' if r2['speedup'] >= 1.7 else 'no'} |
| 3 | peak memory growth | {mem} | | {r3['growth']:.2f}× | ≤ 2 GB at 10,000, flat | see below |
| 4 | saved queries, rdflib / pyoxigraph, {r4['quads']:,} quads (geometric mean) | | | {'≥ ' if r4['lower_bound'] else ''}{_fmt(gmean, 1)}× | ≥ 20× | {'yes' if gmean and gmean >= 20 else 'no'} |
| 5 | `add` one article vs building the {a.articles}-article store | {r5['build_s']:.1f} s | {r5['add_s']:.2f} s | {r5['ratio']:.2f}× | < 2 s at 10,000 | {'yes' if r5['add_s'] < 2 else 'no'} |

Store loading, {r4['quads']:,} quads: pyoxigraph {r4['ox_load_s']:.1f} s, rdflib {_fmt(r4['rdflib_load_s'], 1)} s.

Saved queries (median of 3 runs for pyoxigraph; one run for rdflib, stopped after
{r4['per_query_s']} s, in which case the ratio is a lower bound):

| query | pyoxigraph | rdflib | ratio |
|---|---|---|---|
""" + "\n".join(rows) + "\n"


if __name__ == "__main__":
    main()
