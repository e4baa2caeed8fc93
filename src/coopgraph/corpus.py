"""Reading articles from disk: formats, encodings, debris, title and publication date.

Each reader returns a `Document` or raises `InputError` naming the file and the problem, so the
build can stop (or, with --skip-bad, carry on) before anything is stored.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from .errors import InputError
from .model import Document

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MIN_WORDS = 25  # fewer words of English prose than this is not an article

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split(), 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9

# Lines that belong to the web page around an article, not to the article.
_DEBRIS_LINE = re.compile(
    r"^\s*(?:[•·|»›>-]\s*)?(?:"
    r"\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"  # 24.11 23:17
    r"|\d+"  # counters: views, comments, likes
    r"|(?:image|photo|picture)\s+(?:source|credit)s?\s*:.*"
    r"|(?:photo|source|read also|see also|related|tags?|share|print|advertisement)\s*:?.{0,60}"
    r"|(?:log ?in|sign ?in|sign ?up|register|subscribe|reply|update|discussion|comments?)"
    r")\s*$",
    re.IGNORECASE,
)
# A line from which on everything is page furniture (comments, subscriptions, copyright).
_TAIL_MARKER = re.compile(
    r"^\s*(?:[•·]\s*)?(?:"
    r"do you want to leave a comment|leave a comment|add a comment|to leave a comment"
    r"|the rights to this material|all rights reserved|copyright|©"
    r"|the news mentions|related news|read more:|more news|latest news|most read"
    r"|subscribe to|share this|follow us)",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(
    r"^\s*(?:posted|published|updated|date|dated)\s*(?:on)?\s*:?\s*(.+)$", re.IGNORECASE)


def iter_paths(inputs: list[Path]) -> Iterator[Path]:
    """Files to read, in a stable order: given files as they are, directories recursively."""
    for path, _source in iter_sources(inputs):
        yield path


def iter_sources(inputs: list[Path]) -> Iterator[tuple[Path, str]]:
    """(file, its name relative to the input that named it): the name is what the graph
    records, so exports do not depend on where the corpus lies."""
    seen: set[Path] = set()
    for item in inputs:
        if not item.exists():
            raise InputError(str(item), "no such file or directory")
        if item.is_dir():
            found = sorted(
                p for p in item.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(item).parts)
            )
            candidates = found
        else:
            candidates = [item]
        for p in candidates:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                yield p, (p.relative_to(item).as_posix() if item.is_dir() else p.name)


def doc_id_for(path: Path) -> str:
    """A stable, readable slug from the file name (the stem), used in the document's IRI."""
    stem = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-.")
    return slug or hashlib.sha256(str(path).encode()).hexdigest()[:16]


def decode(path: Path, data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused."""
    if not data.strip():
        raise InputError(str(path), "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(str(path), f"not decodable as UTF-16 ({e.reason})") from None
    if b"\x00" in data[:8192]:
        raise InputError(str(path), "not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            str(path), f"not decodable as UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})"
        ) from None


def read_document(path: Path, source: str | None = None) -> Document:
    """Read one article; the format follows the file's suffix (.html, .md, anything else text).
    `source` is the name the graph records (default: the file name)."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(str(path), e.strerror or "cannot be read") from None
    raw = decode(path, data)
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm") or (suffix not in SUFFIXES and _looks_like_html(raw)):
        from .htmltext import html_to_text

        title, published, body = html_to_text(raw)
        lines = body.splitlines()
    else:
        title, published = None, None
        if suffix in (".md", ".markdown"):
            lines, title, published = _markdown_lines(raw)
        else:
            lines = raw.splitlines()
    header_date, lines = _take_header_date(lines)
    published = published or header_date
    lines = clean_lines(lines)
    if _has_control_chars(raw):
        raise InputError(str(path), "not a text file")
    if not lines:
        raise InputError(str(path), "no article text found")
    if title is None:
        title = lines[0].strip()
        body_lines = lines[1:] if len(lines) > 1 and _is_heading(lines[0]) else lines
    else:
        body_lines = [ln for ln in lines if ln.strip() != title.strip()] or lines
    text = "\n".join(body_lines)
    words = len(re.findall(r"[A-Za-z][A-Za-z'-]+", text))
    if words < MIN_WORDS:
        raise InputError(str(path), f"not an article ({words} words of English text)")
    return Document(
        doc_id=doc_id_for(path),
        path=source or path.name,
        text=text,
        title=title[:300],
        date=published,
        content_hash=hashlib.sha256(data).hexdigest(),
    )


def clean_lines(lines: list[str]) -> list[str]:
    """Drop page furniture (counters, timestamps, navigation in another script, comment blocks)
    and join lines that a layout wrapped inside a sentence ('to the House' + 'of the Assembly')."""
    out: list[str] = []
    for i, line in enumerate(lines):
        s = " ".join(line.split())
        if not s:
            continue
        if i > len(lines) * 0.4 and _TAIL_MARKER.match(s) and out:
            break
        if _DEBRIS_LINE.match(s) or _mostly_non_latin(s):
            continue
        if out and s[:1].islower() and not out[-1].endswith((".", "!", "?", ":", ";", '"', "”")):
            out[-1] = f"{out[-1]} {s}"
            continue
        out.append(s)
    return out


def parse_date(text: str) -> str | None:
    """An ISO date from the usual news forms: 04.07.2023, 2023-07-04, July 4, 2023, 4 July 2023."""
    t = text.strip()
    m = re.search(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)", t)
    if m:
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    m = re.search(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b", t)
    if m:  # day first, as in European news sites
        return _iso(int(m[3]), int(m[2]), int(m[1]))
    m = re.search(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", t)
    if m and m[1].lower() in _MONTHS:
        return _iso(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b", t)
    if m and m[2].lower() in _MONTHS:
        return _iso(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    return None


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _take_header_date(lines: list[str]) -> tuple[str | None, list[str]]:
    """A publication-date line among the first lines ('Posted: 04.07.2023 14:51:00'), removed."""
    for i, line in enumerate(lines[:6]):
        m = _DATE_LINE.match(line)
        candidate = m[1] if m else (line if len(line) < 40 else "")
        found = parse_date(candidate) if candidate else None
        if found:
            return found, lines[:i] + lines[i + 1:]
    return None, lines


def _markdown_lines(raw: str) -> tuple[list[str], str | None, str | None]:
    """Markdown to plain lines; YAML front matter gives title and date when present."""
    title = published = None
    body = raw
    fm = re.match(r"^---\s*\n(.*?)\n---\s*\n", raw, re.DOTALL)
    if fm:
        body = raw[fm.end():]
        for line in fm[1].splitlines():
            key, _, val = line.partition(":")
            val = val.strip().strip("\"'")
            if key.strip().lower() == "title" and val:
                title = val
            elif key.strip().lower() in ("date", "published") and val:
                published = parse_date(val)
    lines = []
    for line in body.splitlines():
        s = re.sub(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)", "", line)
        s = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", s)  # images
        s = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", s)  # links keep their text
        s = re.sub(r"(\*\*|__|\*|_|`)(\S.*?\S|\S)\1", r"\2", s)
        if title is None and re.match(r"^\s{0,3}#\s+", line):
            title = s.strip()
        lines.append(s)
    return lines, title, published


def _looks_like_html(raw: str) -> bool:
    head = raw[:2000].lower()
    return "<html" in head or "<!doctype html" in head


def _is_heading(line: str) -> bool:
    return len(line) < 200 and not line.rstrip().endswith((".", "?", "!", ":", ";", ","))


def _mostly_non_latin(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    if not letters:
        return False
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return latin / len(letters) < 0.5


def _has_control_chars(raw: str) -> bool:
    sample = raw[:8192]
    bad = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    return bad > max(5, len(sample) // 100)
