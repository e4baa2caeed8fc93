"""The embedded on-disk Oxigraph store: replaced whole and atomically, queried read-only.

Layout of a store directory (default `.coopgraph/`):
  oxigraph/      the pyoxigraph (RocksDB) store: the one source of truth after `rdf`
  extractions/   one JSON file per document (see `cache`), for incremental add/remove
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from .errors import StoreError
from .rdf import PREFIXES, quad_sort_key

DEFAULT_DIR = ".coopgraph"


class _Queryable:
    """SPARQL with the project's prefixes, over the union of all graphs by default."""

    def open(self) -> ox.Store:
        raise NotImplementedError

    def query(self, sparql: str, **kwargs):
        kwargs.setdefault("prefixes", PREFIXES)
        kwargs.setdefault("use_default_graph_as_union", True)
        return self.open().query(sparql, **kwargs)

    def quads(self) -> list[ox.Quad]:
        return sorted(self.open().quads_for_pattern(None, None, None, None), key=quad_sort_key)

    def __len__(self) -> int:
        return len(self.open())


class MemoryGraph(_Queryable):
    """An in-memory store: where a new build is analysed before it replaces the store."""

    def __init__(self, quads: Iterable[ox.Quad] = ()) -> None:
        self._store = ox.Store()
        self._store.extend(quads)

    def open(self) -> ox.Store:
        return self._store

    def add(self, quads: Iterable[ox.Quad]) -> None:
        self._store.extend(quads)


class GraphStore(_Queryable):
    """A handle on a store directory."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.db_path = self.root / "oxigraph"
        self.extractions = self.root / "extractions"
        self._store: ox.Store | None = None

    # ------------------------------------------------------------------ lifecycle
    def exists(self) -> bool:
        self._recover()
        return self.db_path.is_dir()

    def open(self) -> ox.Store:
        """The store, opened read-only so that several readers can share it."""
        if self._store is None:
            if not self.exists():
                raise StoreError(
                    f"{self.root}: no coopgraph store here (run `coopgraph build PATH` first, "
                    "or pass --store)")
            try:
                self._store = ox.Store.read_only(str(self.db_path))
            except OSError as e:
                raise StoreError(f"{self.db_path}: cannot open the store ({e})") from None
        return self._store

    def close(self) -> None:
        self._store = None

    def _recover(self) -> None:
        """Finish a swap that was interrupted between its two renames."""
        old = self.root / "oxigraph.old"
        if not self.db_path.exists() and old.is_dir():
            os.replace(old, self.db_path)

    def replace(self, quads: Iterable[ox.Quad]) -> None:
        """Write a new store beside the old one, then swap: readers never see half a store,
        and a failure before the swap leaves the old store as it was."""
        self.close()
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f"oxigraph.tmp-{os.getpid()}"
        if tmp.exists():
            shutil.rmtree(tmp)
        try:
            new = ox.Store(str(tmp))
            new.bulk_extend(quads)
            new.flush()
            new.optimize()
            del new
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        swap_into(tmp, self.db_path)



def swap_into(new: Path, target: Path) -> None:
    """Replace directory `target` by `new`, keeping the old one until the new one is in place."""
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    if old.exists():
        shutil.rmtree(old)
