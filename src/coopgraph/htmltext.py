"""Article text from an HTML page: the main content's blocks, its title and publication date."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from .corpus import parse_date

_DROP = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, template"
_BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, figcaption"
_DATE_META = (
    'meta[property="article:published_time"]', 'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]', 'meta[name="date"]', 'meta[name="pubdate"]',
    'meta[name="publish-date"]', 'meta[property="og:published_time"]', 'meta[name="dc.date"]',
)


def html_to_text(raw: str) -> tuple[str | None, str | None, str]:
    """(title, ISO publication date, text with one block per line)."""
    tree = HTMLParser(raw)
    title = None
    for sel in ('meta[property="og:title"]', 'meta[name="twitter:title"]'):
        node = tree.css_first(sel)
        if node and node.attributes.get("content"):
            title = node.attributes["content"].strip()
            break
    published = None
    for sel in _DATE_META:
        node = tree.css_first(sel)
        if node and node.attributes.get("content"):
            published = parse_date(node.attributes["content"])
            if published:
                break
    if not published:
        node = tree.css_first("time[datetime]")
        if node:
            published = parse_date(node.attributes.get("datetime") or "")
    for node in tree.css(_DROP):
        node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if title is None:
        h1 = root.css_first("h1") if root else None
        t = tree.css_first("title")
        title = (h1.text(strip=True) if h1 else None) or (t.text(strip=True) if t else None)
    lines: list[str] = []
    if root is not None:
        blocks = root.css(_BLOCKS)
        if blocks:
            for b in blocks:
                if len(b.css(_BLOCKS)) > 1:  # a container of blocks (css() includes the node)
                    continue
                text = " ".join(b.text(separator=" ").split())
                if text:
                    lines.append(text)
        else:
            lines = [ln for ln in root.text(separator="\n").splitlines() if ln.strip()]
    return title or None, published, "\n".join(lines)
