"""The whole loop on real articles: determinism, atomic failure, incremental add and remove."""

from __future__ import annotations

import filecmp
import shutil

import pytest

from conftest import SEEDS, copy_seeds
from coopgraph.build import add, build, remove
from coopgraph.errors import InputError
from coopgraph.store import GraphStore


def test_build_writes_every_export(seed_build):
    for name in ("coopgraph.ttl", "coopgraph.trig", "graph.html", "centrality.csv",
                 "centrality.png", "centrality.svg"):
        p = seed_build.out / name
        assert p.is_file() and p.stat().st_size > 0, f"{name} missing or empty"
    assert seed_build.report.documents == len(list(SEEDS.glob("*.txt")))


def test_build_is_deterministic(seed_build, tmp_path):
    build([SEEDS], tmp_path / "store", tmp_path / "out")
    for name in ("coopgraph.ttl", "coopgraph.trig", "centrality.csv", "graph.html",
                 "centrality.svg"):
        assert filecmp.cmp(seed_build.out / name, tmp_path / "out" / name, shallow=False), \
            f"{name} differs between two builds of the same input"


def test_build_every_fact_has_evidence(seed_build):
    store = GraphStore(seed_build.store)
    q = """SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }
             VALUES ?p { coop:leads coop:affiliatedWith coop:locatedIn coop:heldIn
                         coop:participant coop:partyTo coop:cooperatesWith coop:metWith
                         coop:visited }
             FILTER NOT EXISTS { GRAPH ?g { ?st rdf:subject ?s ; rdf:predicate ?p ;
                                            rdf:object ?o ; coop:evidence ?sent .
                                        ?sent coop:text ?text } } }"""
    row = next(iter(store.query(q)))
    assert int(row["n"].value) == 0, "facts without a reified statement and evidence sentence"


def test_build_bad_file_fails_and_keeps_previous_store(tmp_path):
    corpus = copy_seeds(tmp_path / "corpus", ["000_e425063f752d458d.txt"])
    store_dir, out = tmp_path / "store", tmp_path / "out"
    build([corpus], store_dir, out)
    before = (out / "coopgraph.ttl").read_bytes()
    n_before = len(GraphStore(store_dir))
    (corpus / "zz_bad.txt").write_bytes(b"\x00\x01\x02binary")
    shutil.copy(SEEDS / "001_3cbcf51496c0db5d.txt", corpus)
    with pytest.raises(InputError, match="zz_bad.txt: not a text file"):
        build([corpus], store_dir, out)
    assert (out / "coopgraph.ttl").read_bytes() == before, "exports changed by a failed build"
    assert len(GraphStore(store_dir)) == n_before, "store changed by a failed build"
    report = build([corpus], store_dir, out, skip_bad=True)
    assert report.documents == 2 and len(report.skipped) == 1, report


def test_build_add_equals_build_of_union_and_remove_restores(tmp_path):
    a = copy_seeds(tmp_path / "a", ["000_e425063f752d458d.txt", "002_c7bd529259c8d488.txt"])
    b = copy_seeds(tmp_path / "b", ["003_8f09106d8a7f4d5d.txt"])
    both = copy_seeds(tmp_path / "both", ["000_e425063f752d458d.txt",
                                          "002_c7bd529259c8d488.txt",
                                          "003_8f09106d8a7f4d5d.txt"])
    build([both], tmp_path / "s_union", tmp_path / "o_union")
    build([a], tmp_path / "s_inc", tmp_path / "o_a")
    build([a], tmp_path / "s_a", tmp_path / "o_a_ref")
    report = add([b], tmp_path / "s_inc", tmp_path / "o_inc")
    assert report.added == ["003_8f09106d8a7f4d5d"], report
    assert (tmp_path / "o_union/coopgraph.ttl").read_bytes() == \
        (tmp_path / "o_inc/coopgraph.ttl").read_bytes(), "A then add B differs from A∪B"
    again = add([b], tmp_path / "s_inc", tmp_path / "o_inc")
    assert again.unchanged == ["003_8f09106d8a7f4d5d"] and not again.added
    remove(["003_8f09106d8a7f4d5d"], tmp_path / "s_inc", tmp_path / "o_inc")
    assert (tmp_path / "o_a_ref/coopgraph.ttl").read_bytes() == \
        (tmp_path / "o_inc/coopgraph.ttl").read_bytes(), "A, add B, remove B differs from A"


def test_build_changed_document_replaces_its_facts(tmp_path):
    corpus = copy_seeds(tmp_path / "c", ["002_c7bd529259c8d488.txt"])
    build([corpus], tmp_path / "s", tmp_path / "o")
    doc = corpus / "002_c7bd529259c8d488.txt"
    doc.write_text(doc.read_text(encoding="utf-8").replace("Vladimir Putin", "Vladimir Putin")
                   + "\nThe Governor of the Omsk Region, Vitaly Khotsenko, visited Gomel.\n",
                   encoding="utf-8")
    report = add([corpus], tmp_path / "s", tmp_path / "o")
    assert report.replaced == ["002_c7bd529259c8d488"], report
    labels = {row["l"].value for row in GraphStore(tmp_path / "s").query(
        "SELECT ?l WHERE { ?e a coop:Person ; rdfs:label ?l }")}
    assert "Vitaly Khotsenko" in labels, labels


def test_build_dask_engine_matches_local(seed_build, tmp_path):
    pytest.importorskip("distributed", reason="dask.distributed is a test dependency")
    build([SEEDS], tmp_path / "store", tmp_path / "out", engine="dask", processes=2)
    for name in ("coopgraph.ttl", "coopgraph.trig"):
        assert filecmp.cmp(seed_build.out / name, tmp_path / "out" / name, shallow=False), \
            f"{name} differs between the dask and the local build"


def test_build_two_processes_match_one(seed_build, tmp_path):
    build([SEEDS], tmp_path / "store", tmp_path / "out", processes=2)
    assert filecmp.cmp(seed_build.out / "coopgraph.trig", tmp_path / "out" / "coopgraph.trig",
                       shallow=False), "a build with -j 2 differs from one with one process"
