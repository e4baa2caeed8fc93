"""Shared fixtures: the real spaCy model, and one build of the seed corpus per test session."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("COOPGRAPH_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def extractor():
    from coopgraph.extract import Extractor

    return Extractor()


@pytest.fixture()
def read(extractor, tmp_path):
    """Extract from a small hand-written article."""
    from coopgraph.corpus import read_document

    counter = iter(range(10_000))

    def _read(text: str, name: str | None = None):
        path = tmp_path / (name or f"doc{next(counter)}.txt")
        path.write_text(text, encoding="utf-8")
        return extractor.extract(read_document(path))

    return _read


@dataclass
class Built:
    store: Path
    out: Path
    report: object


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> Built:
    """The seed articles built once, into a temporary store and exports folder."""
    from coopgraph.build import build

    base = tmp_path_factory.mktemp("seedbuild")
    report = build([SEEDS], base / "store", base / "exports")
    return Built(base / "store", base / "exports", report)


def names_of(extraction, etype: str | None = None) -> set[str]:
    """Every name form of the mentions of a type, for readable assertions."""
    out = set()
    for m in extraction.mentions.values():
        if etype is None or m.type == etype:
            out |= m.forms or {m.name}
    return out


def facts_of(extraction) -> set[tuple[str, str, str]]:
    """Facts as (subject name, predicate, object name) using each mention's main name."""
    from coopgraph.gazetteer import load

    gaz = load()
    name = {k: gaz.refs[m.ref].label if m.ref else m.name for k, m in extraction.mentions.items()}
    return {(name[f.subject], f.predicate, name[f.object]) for f in extraction.facts}


def copy_seeds(dest: Path, names: list[str] | None = None) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for p in sorted(SEEDS.glob("*.txt")):
        if names is None or p.name in names:
            shutil.copy(p, dest / p.name)
    return dest
