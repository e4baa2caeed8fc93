"""Reading articles: formats, metadata, page debris and refusals."""

from __future__ import annotations

import pytest

from coopgraph.corpus import iter_paths, parse_date, read_document
from coopgraph.errors import InputError

ARTICLE = (
    "Regional ties deepen\n"
    "Posted: 12.03.2024 09:15:00\n\n"
    "The Governor of the Tver Region met business leaders from the Grodno Region on Tuesday "
    "to discuss deliveries of agricultural machinery, road construction and joint ventures. "
    "Both sides agreed to prepare a roadmap of cooperation for the next three years and to "
    "hold the next round of talks in the autumn.\n"
)


def test_corpus_reads_title_and_posted_date(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    doc = read_document(p)
    assert doc.title == "Regional ties deepen"
    assert doc.date == "2024-03-12", f"date from 'Posted:' line, got {doc.date}"
    assert "Posted" not in doc.text and doc.text.startswith("The Governor")
    assert len(doc.content_hash) == 64


@pytest.mark.parametrize("text,expected", [
    ("04.07.2023 14:51:00", "2023-07-04"),
    ("2024-06-27T10:00:00+03:00", "2024-06-27"),
    ("July 4, 2023", "2023-07-04"),
    ("4 July 2023", "2023-07-04"),
    ("31.02.2023", None),
    ("no date here", None),
])
def test_corpus_parse_date_forms(text, expected):
    assert parse_date(text) == expected


def test_corpus_drops_page_debris_and_foreign_navigation(tmp_path):
    p = tmp_path / "b.txt"
    p.write_text(
        "Войти\n\nCooperation grows\n\n1194\n0\nImage source: example.org\n\n"
        + ARTICLE.split("\n\n", 1)[1]
        + "Do you want to leave a comment? Register and/or Log in\n"
        "ПОДПИСКА НА НОВОСТИ\n  • 24.11 23:17\n  • 5913\nSome unrelated headline about ships\n",
        encoding="utf-8")
    doc = read_document(p)
    assert doc.title == "Cooperation grows"
    for junk in ("1194", "Image source", "comment", "ПОДПИСКА", "24.11", "unrelated headline"):
        assert junk not in doc.text, f"debris {junk!r} left in the text"


def test_corpus_reads_html_article(tmp_path):
    p = tmp_path / "c.html"
    p.write_text(
        "<!doctype html><html><head><title>Site | Forum news</title>"
        '<meta property="og:title" content="Forum news">'
        '<meta property="article:published_time" content="2023-06-30T12:00:00Z">'
        "<script>var x = 'Minsk';</script></head><body><nav>Home | World | Sport</nav>"
        "<article><h1>Forum news</h1><p>" + ARTICLE.split("\n\n", 1)[1] + "</p>"
        "<p>Second paragraph with more words about the regions and their trade.</p></article>"
        "<footer>All rights reserved</footer></body></html>", encoding="utf-8")
    doc = read_document(p)
    assert doc.title == "Forum news"
    assert doc.date == "2023-06-30"
    assert "var x" not in doc.text and "Home | World" not in doc.text
    assert "Second paragraph" in doc.text


def test_corpus_reads_markdown_front_matter(tmp_path):
    p = tmp_path / "d.md"
    p.write_text("---\ntitle: Roadmap signed\ndate: 2022-11-05\n---\n# Roadmap signed\n\n"
                 + ARTICLE.split("\n\n", 1)[1].replace("roadmap", "**roadmap**"),
                 encoding="utf-8")
    doc = read_document(p)
    assert (doc.title, doc.date) == ("Roadmap signed", "2022-11-05")
    assert "**" not in doc.text


@pytest.mark.parametrize("content,problem", [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
    ("Привет, мир".encode("cp1251"), "not decodable as UTF-8"),
    (b"Just a short note.", "not an article"),
])
def test_corpus_refuses_bad_files_with_the_path(tmp_path, content, problem):
    p = tmp_path / "x.bin"
    p.write_bytes(content)
    with pytest.raises(InputError) as e:
        read_document(p)
    assert str(p) in str(e.value) and problem in str(e.value), str(e.value)


def test_corpus_iter_paths_recurses_and_skips_hidden(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b.txt", "sub/a.md", "sub/c.html", ".git/x.txt", "notes.json"):
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path])]
    assert found == ["b.txt", "sub/a.md", "sub/c.html"]


def test_corpus_iter_paths_missing_input(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(iter_paths([tmp_path / "nope"]))
