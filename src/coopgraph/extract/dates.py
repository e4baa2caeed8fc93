"""Dates in sentences, resolved against the article's publication date when it has one."""

from __future__ import annotations

import re
from datetime import date

from .lexicon import MONTHS

_MONTH = "(" + "|".join(m.capitalize() for m in MONTHS) + ")"  # names are capitalized
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s+{_MONTH}\s+(\d{{4}})\b")
_MONTH_DAY_YEAR = re.compile(
    rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*(\d{{1,2}}))?,?\s+(\d{{4}})\b")
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*(\d{{1,2}}))?\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:\s*[-–]\s*(\d{{1,2}}))?\s+{_MONTH}\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(\d{{4}})\b")
_MONTH_THIS_YEAR = re.compile(rf"\b{_MONTH}\s+(?i:of\s+)?this\s+year\b")
_MONTH_ALONE = re.compile(rf"\b(?i:in|at the (?:end|beginning|start) of|end of|early|late|mid)"
                          rf"\s+{_MONTH}\b")
_RELATIVE_YEAR = re.compile(r"\b(last|this|next) year\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?i:in)\s+((?:19|20)\d{2})\b")


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
        return True
    except ValueError:
        return False


def find_date(sentence: str, published: str | None) -> tuple[str | None, str | None]:
    """(start, end) ISO date, year-month or year stated by a sentence, as precise as it says.

    Month and day without a year take the publication year; without a publication date they
    stay unresolved rather than guessed.
    """
    pub_year = int(published[:4]) if published else None
    m = _MONTH_DAY_YEAR.search(sentence)
    if m:
        y, mo, d = int(m[4]), MONTHS[m[1].lower()], int(m[2])
        end = f"{y:04d}-{mo:02d}-{int(m[3]):02d}" if m[3] and _valid(y, mo, int(m[3])) else None
        return (f"{y:04d}-{mo:02d}-{d:02d}" if _valid(y, mo, d) else None), end
    m = _DAY_MONTH_YEAR.search(sentence)
    if m:
        y, mo, d = int(m[3]), MONTHS[m[2].lower()], int(m[1])
        return (f"{y:04d}-{mo:02d}-{d:02d}" if _valid(y, mo, d) else None), None
    m = _MONTH_YEAR.search(sentence)
    if m:
        return f"{int(m[2]):04d}-{MONTHS[m[1].lower()]:02d}", None
    if pub_year:
        m = _MONTH_DAY.search(sentence)
        if m:
            mo, d = MONTHS[m[1].lower()], int(m[2])
            end = f"{pub_year:04d}-{mo:02d}-{int(m[3]):02d}" if m[3] else None
            if _valid(pub_year, mo, d):
                return f"{pub_year:04d}-{mo:02d}-{d:02d}", end
        m = _DAY_MONTH.search(sentence)
        if m:
            mo, d = MONTHS[m[3].lower()], int(m[1])
            end = f"{pub_year:04d}-{mo:02d}-{int(m[2]):02d}" if m[2] else None
            if _valid(pub_year, mo, d):
                return f"{pub_year:04d}-{mo:02d}-{d:02d}", end
        m = _MONTH_THIS_YEAR.search(sentence) or _MONTH_ALONE.search(sentence)
        if m:
            return f"{pub_year:04d}-{MONTHS[m[1].lower()]:02d}", None
    m = _YEAR.search(sentence)
    if m:
        return m[1], None
    if pub_year:
        m = _RELATIVE_YEAR.search(sentence)
        if m:
            return str(pub_year + {"last": -1, "this": 0, "next": 1}[m[1].lower()]), None
    return None, None


def year_of(iso: str | None) -> int | None:
    return int(iso[:4]) if iso and re.match(r"\d{4}", iso) else None
