"""Extractions kept beside the store as JSON, one file per document, so that adding or
removing a document re-resolves the corpus without parsing every article again."""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

from .model import Document, Extraction, Fact, Figure, Mention

FORMAT = 1


def to_json(ex: Extraction, model: str) -> str:
    data = {
        "format": FORMAT,
        "model": model,
        "document": asdict(ex.document),
        "sentences": ex.sentences,
        "mentions": {k: {**asdict(m), "forms": sorted(m.forms)} for k, m in
                     sorted(ex.mentions.items())},
        "facts": [asdict(f) for f in ex.facts],
        "figures": [asdict(f) for f in ex.figures],
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0)


def from_json(text: str) -> Extraction:
    data = json.loads(text)
    mentions = {}
    for k, m in data["mentions"].items():
        m["forms"] = set(m["forms"])
        mentions[k] = Mention(**m)
    return Extraction(
        document=Document(**data["document"]),
        sentences=data["sentences"],
        mentions=mentions,
        facts=[Fact(**f) for f in data["facts"]],
        figures=[Figure(**{**f, "parties": tuple(f["parties"])}) for f in data["figures"]],
    )


def write_all(folder: Path, extractions: list[Extraction], model: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for ex in extractions:
        path = folder / f"{ex.document.doc_id}.json"
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(to_json(ex, model), encoding="utf-8")
        os.replace(tmp, path)


def read_all(folder: Path) -> list[Extraction]:
    if not folder.is_dir():
        return []
    return [from_json(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
