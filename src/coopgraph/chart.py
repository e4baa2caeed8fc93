"""The centrality chart: top regions and people by a measure, as PNG and SVG (matplotlib)."""

from __future__ import annotations

from pathlib import Path

from . import analysis


def write_chart(store, res: analysis.Result, stem: Path, measure: str = "pagerank",
                top: int = 10) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from .build import entity_labels

    labels = entity_labels(store)
    groups = [("Regions and cities", {"Region", "City"}), ("People", {"Person"})]
    plt.rcParams["svg.hashsalt"] = "coopgraph"
    fig, axes = plt.subplots(1, 2, figsize=(12, 5))
    for ax, (title, types) in zip(axes, groups, strict=True):
        ranked = analysis.rank(res, measure, labels, types, top) if res.scores else []
        names = [labels.get(v, v.rsplit("/", 1)[-1]) for v, _ in ranked][::-1]
        values = [s for _, s in ranked][::-1]
        ax.barh(names, values, color="#4c72b0" if "Person" not in types else "#dd8452")
        ax.set_title(f"{title}: top {len(ranked)} by {measure}")
        ax.set_xlabel(f"{measure} ({res.projection} projection)")
        ax.tick_params(axis="y", labelsize=8)
    fig.tight_layout()
    out = []
    for suffix, meta in ((".png", {"Software": None}), (".svg", {"Date": None, "Creator": None})):
        path = stem.with_suffix(suffix)
        fig.savefig(path, metadata=meta, dpi=100)
        out.append(path)
    plt.close(fig)
    return out
