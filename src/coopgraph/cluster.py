"""Extraction on a dask.distributed cluster: documents are partitioned, each worker parses its
share with its own copy of the model and returns plain extractions; resolution, RDF and the
store stay in the client process, so the result is the same as a local build."""

from __future__ import annotations

from functools import lru_cache

from .errors import CoopgraphError
from .model import Document, Extraction


@lru_cache(maxsize=2)
def _extractor(model: str | None):
    from .extract import Extractor

    return Extractor(model)


def _extract_chunk(docs: list[Document], model: str | None) -> list[Extraction]:
    ex = _extractor(model)
    return list(ex.extract_many(docs))


def extract_on_cluster(docs: list[Document], model: str | None, scheduler: str | None = None,
                       workers: int = 2, chunk_size: int = 16) -> list[Extraction]:
    """Extractions of `docs`, in order, computed on the cluster at `scheduler` (or on a local
    cluster of `workers` processes when no address is given)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise CoopgraphError("--engine dask needs dask.distributed: "
                             "pip install 'coopgraph[cluster]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
            client = Client(cluster)
    except OSError as e:
        raise CoopgraphError(f"cannot reach the dask scheduler {scheduler}: {e}") from None
    try:
        chunks = [docs[i:i + chunk_size] for i in range(0, len(docs), chunk_size)]
        futures = client.map(_extract_chunk, chunks, model=model, pure=False)
        return [ex for part in client.gather(futures) for ex in part]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
