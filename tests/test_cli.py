"""Every command through click's runner, on the seed build."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from coopgraph.cli import main


@pytest.fixture()
def run(seed_build):
    runner = CliRunner()

    def _run(*args: str, input: str | None = None, store: bool = True):
        extra = ["--store", str(seed_build.store)] if store else []
        return runner.invoke(main, [*args, *extra], input=input, catch_exceptions=False)

    return _run


def test_cli_query_table_shows_labels(run):
    r = run("query", "SELECT DISTINCT ?c WHERE { ?c a coop:Country } ORDER BY ?c")
    assert r.exit_code == 0, r.output
    assert "Russian Federation" in r.output and "country/ru" not in r.output, r.output
    assert r.output.strip().endswith("rows)")


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_cli_query_formats(run, fmt):
    r = run("query", "--format", fmt,
            "SELECT DISTINCT ?l WHERE { ?c a coop:Country ; rdfs:label ?l } ORDER BY ?l")
    assert r.exit_code == 0, r.output
    if fmt == "json":
        data = json.loads(r.output)
        labels = [b["l"]["value"] for b in data["results"]["bindings"]]
    else:
        rows = list(csv.reader(io.StringIO(r.output), delimiter="," if fmt == "csv" else "\t"))
        assert rows[0] == ["l"], rows[0]
        labels = [row[0] for row in rows[1:]]
    assert "Republic of Belarus" in labels and labels == sorted(labels), labels


def test_cli_query_stdin_file_ask_construct(run, tmp_path):
    r = run("query", "-", input="ASK { ?p a coop:Person }")
    assert (r.exit_code, r.output.strip()) == (0, "true"), r.output
    f = tmp_path / "q.rq"
    f.write_text("CONSTRUCT { ?c rdfs:label ?l } WHERE { ?c a coop:Country ; rdfs:label ?l }")
    r = run("query", "-f", str(f))
    assert r.exit_code == 0 and "@prefix" in r.output and "rdfs:label" in r.output, r.output


def test_cli_query_malformed_prints_position(run):
    r = run("query", "SELECT ?x WHERE { ?x ?y }")
    assert r.exit_code == 1
    assert r.output.startswith("Error: malformed query") and "1:" in r.output, r.output
    assert "Traceback" not in r.output


def test_cli_query_refuses_update(run):
    r = run("query", "DELETE WHERE { ?s ?p ?o }")
    assert r.exit_code == 1 and "read-only" in r.output, r.output


def test_cli_saved_queries_list_and_run(run):
    r = run("queries", store=False)
    assert r.exit_code == 0
    names = [line.split()[0] for line in r.output.splitlines()]
    assert len(names) >= 6 and "meetings" in names and "top-regions" in names, names
    for name in names:
        r = run("query", "--name", name)
        assert r.exit_code == 0, f"saved query {name} failed: {r.output}"
    r = run("query", "--name", "meetings")
    assert "Lukashenko" in r.output, r.output


def test_cli_query_without_store_is_one_line_error(tmp_path):
    r = CliRunner().invoke(main, ["query", "ASK {}", "--store", str(tmp_path / "none")])
    assert r.exit_code == 1 and r.output.count("\n") == 1 and "no coopgraph store" in r.output


def test_cli_centrality_types_and_measures(run):
    r = run("centrality", "--type", "Region", "--measure", "degree", "--top", "3")
    assert r.exit_code == 0, r.output
    lines = r.output.strip().splitlines()
    assert len(lines) == 4 and all("Region" in ln for ln in lines[1:]), r.output
    r = run("centrality", "--projection", "person", "--measure", "betweenness")
    assert r.exit_code == 0 and "Person" in r.output, r.output


def test_cli_export_formats(run, tmp_path):
    for fmt, marker in (("turtle", "@prefix"), ("trig", "GRAPH"), ("nquads", "> ."),
                        ("ntriples", "> ."), ("jsonld", "@id")):
        out = tmp_path / f"g.{fmt}"
        r = run("export", "--format", fmt, "-o", str(out))
        assert r.exit_code == 0, r.output
        text = out.read_text(encoding="utf-8")
        assert marker in text or (fmt == "trig" and "{" in text), f"{fmt}: {text[:200]}"


def test_cli_view_writes_offline_html(run, tmp_path):
    out = tmp_path / "v.html"
    r = run("view", "--no-open", "-o", str(out), "--top", "10")
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert "<script src=" not in html and "<link " not in html


def test_cli_view_unknown_focus(run, tmp_path):
    r = run("view", "--no-open", "-o", str(tmp_path / "v.html"), "--focus", "Atlantis")
    assert r.exit_code == 1 and "Atlantis" in r.output


def test_cli_validate_conforms(run):
    r = run("validate")
    assert r.exit_code == 0, r.output
    assert "Conforms: True" in r.output


def test_cli_build_bad_input_one_line_error(tmp_path):
    bad = tmp_path / "x.bin"
    bad.write_bytes(b"\x00\x01\x02")
    r = CliRunner().invoke(main, ["build", str(bad), "--store", str(tmp_path / "s"),
                                  "--out", str(tmp_path / "o")])
    assert r.exit_code == 1
    assert r.output == f"Error: {bad}: not a text file\n", r.output
    assert not (tmp_path / "s").exists() and not (tmp_path / "o").exists()


def test_cli_eval_scores_gold(run, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(json.dumps({
        "doc": "a.txt",
        "entities": [{"name": "Russian Federation", "type": "Country", "aliases": ["Russia"]},
                     {"name": "Atlantis", "type": "Country", "aliases": []}],
        "allowed": [], "relations": [], "allowed_relations": []}))
    r = run("eval", str(gold), "--misses")
    assert r.exit_code == 0, r.output
    assert "Country: Atlantis" in r.output and "R=0.500" in r.output, r.output


def test_cli_every_command_has_help_and_readme_entry():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name, cmd in main.commands.items():
        assert cmd.help, f"command {name} has no help"
        assert f"coopgraph {name}" in readme, f"command {name} is not in the README"


def test_cli_build_unknown_model_is_one_line_error(tmp_path):
    from conftest import copy_seeds

    corpus = copy_seeds(tmp_path / "c", ["000_e425063f752d458d.txt"])
    r = CliRunner().invoke(main, ["build", str(corpus), "--model", "xx_no_such_model",
                                  "--store", str(tmp_path / "s"), "--out", str(tmp_path / "o")])
    assert r.exit_code == 1 and "xx_no_such_model" in r.output and "not installed" in r.output
    assert r.output.count("\n") == 1, r.output


def test_cli_add_and_remove(tmp_path):
    from conftest import copy_seeds

    a = copy_seeds(tmp_path / "a", ["000_e425063f752d458d.txt"])
    b = copy_seeds(tmp_path / "b", ["002_c7bd529259c8d488.txt"])
    common = ["--store", str(tmp_path / "s"), "--out", str(tmp_path / "o")]
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(a), *common]).exit_code == 0
    r = runner.invoke(main, ["add", str(b), *common])
    assert r.exit_code == 0 and "2 documents, 1 added" in r.output, r.output
    r = runner.invoke(main, ["add", str(b), *common])
    assert r.exit_code == 0 and "1 unchanged" in r.output, r.output
    r = runner.invoke(main, ["remove", "002_c7bd529259c8d488.txt", *common])
    assert r.exit_code == 0 and "1 documents, 1 removed" in r.output, r.output
    r = runner.invoke(main, ["remove", "nope", *common])
    assert r.exit_code == 1 and "nope: no such document" in r.output, r.output


def test_cli_user_file_problems_are_one_line_errors(run, tmp_path):
    bad = tmp_path / "shapes.ttl"
    bad.write_text("this is not turtle @@@")
    r = run("validate", "--shapes", str(bad))
    assert r.exit_code == 1 and "not valid Turtle" in r.output and r.output.count("\n") == 1
    afile = tmp_path / "afile"
    afile.write_text("x")
    r = run("export", "-o", str(afile / "sub" / "g.ttl"))  # a file where a folder should be
    assert r.exit_code == 1 and r.output.startswith("Error: ") and r.output.count("\n") == 1, \
        r.output
