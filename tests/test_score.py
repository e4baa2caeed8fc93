"""The seed corpus scored against the gold annotations by the evaluation kit's scorer."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED

ENTITY_F1_BAR = 0.92  # the extraction issue's targets (the whole-loop issue asked 0.80 / 0.50)
RELATION_F1_BAR = 0.75
SCORE = re.compile(r"entities P=(\S+) R=(\S+) F1=(\S+) dup=(\d+).*"
                   r"relations P=(\S+) R=(\S+) F1=(\S+)")


def kit_score(trig) -> tuple[re.Match, str]:
    """The kit's score.py on an exported TriG file (skips where the kit is absent)."""
    scorer = SHARED / "eval" / "score.py"
    if not scorer.is_file():
        pytest.skip(f"no evaluation kit at {scorer}")
    out = subprocess.run(
        [sys.executable, str(scorer), str(trig), str(ROOT / "ontology" / "coopgraph.ttl"),
         "--gold", str(SHARED / "eval" / "gold")],
        capture_output=True, text=True, check=True).stdout
    m = SCORE.search(out)
    assert m, out
    return m, out


def test_score_seed_build_meets_the_bar(seed_build):
    m, out = kit_score(seed_build.out / "coopgraph.trig")
    entity_f1, relation_f1 = float(m[3]), float(m[7])
    assert int(m[4]) == 0, f"gold entities split over several nodes\n{out}"
    assert entity_f1 >= ENTITY_F1_BAR, f"entity F1 {entity_f1} < {ENTITY_F1_BAR}\n{out}"
    assert relation_f1 >= RELATION_F1_BAR, f"relation F1 {relation_f1} < {RELATION_F1_BAR}\n{out}"


def test_score_own_evaluator_agrees_with_the_kit(seed_build):
    """`coopgraph eval` reads the same gold format; its figures match the kit's scorer."""
    from coopgraph.evaluate import evaluate
    from coopgraph.store import GraphStore

    m, _out = kit_score(seed_build.out / "coopgraph.trig")
    ours = evaluate(GraphStore(seed_build.store), SHARED / "eval" / "gold")
    theirs = (float(m[1]), float(m[2]), int(m[4]), float(m[5]), float(m[6]))
    mine = (round(ours.entity_p, 3), round(ours.entity_r, 3), len(ours.duplicates),
            round(ours.relation_p, 3), round(ours.relation_r, 3))
    assert mine == theirs, f"coopgraph eval {mine} != score.py {theirs}"
