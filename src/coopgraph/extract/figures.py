"""Trade and other figures stated by sentences, as data: value, unit, period, parties."""

from __future__ import annotations

import re

from ..model import Figure

_SCALE = {"bn": 1e9, "billion": 1e9, "b": 1e9, "million": 1e6, "mln": 1e6, "m": 1e6,
          "trillion": 1e12, "tn": 1e12, "thousand": 1e3}
_CURRENCY = {"$": "USD", "dollars": "USD", "us dollars": "USD", "usd": "USD", "rubles": "RUB",
             "roubles": "RUB", "rub": "RUB", "euros": "EUR", "eur": "EUR", "€": "EUR",
             "belarusian rubles": "BYN", "yuan": "CNY"}
_AMOUNT = re.compile(
    r"(?P<cur1>\$|€)\s?(?P<num1>\d[\d,]*(?:\.\d+)?)\s?(?P<scale1>bn|billion|million|mln|trillion|"
    r"tn|m|b)?\b"
    r"|(?P<num2>\d[\d,]*(?:\.\d+)?)\s(?P<scale2>billion|million|trillion|thousand|bn|mln)\s"
    r"(?P<cur2>US dollars|dollars|rubles|roubles|euros|Belarusian rubles|yuan)", re.IGNORECASE)
_MEASURE = re.compile(r"\b(trade turnover|mutual trade|trade|turnover|exports?|imports?|"
                      r"investments?)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?i:in|of|by the end of|for|during)\s+((?:19|20)\d{2})\b")
_HALF = re.compile(r"\b(first|second) half of ((?:19|20)\d{2})\b")


def find_figures(sents, occs, published: str | None) -> list[Figure]:
    out = []
    for i, sent in enumerate(sents):
        text = sent.text
        mm = _MEASURE.search(text)
        if not mm:
            continue
        measure = mm[1].lower()
        measure = "trade" if "trade" in measure or "turnover" in measure else measure.rstrip("s")
        for am in _AMOUNT.finditer(text):
            if am.start() < mm.start():
                continue
            num = float((am["num1"] or am["num2"]).replace(",", ""))
            scale = (am["scale1"] or am["scale2"] or "").lower()
            cur = (am["cur1"] or am["cur2"] or "").lower()
            value = num * _SCALE.get(scale, 1.0)
            period = None
            half = _HALF.search(text)
            if half:
                period = f"{half[2]}-H{1 if half[1].lower() == 'first' else 2}"
            else:
                y = _YEAR.search(text)
                if y:
                    period = y[1]
                elif re.search(r"\blast year\b", text, re.I) and published:
                    period = str(int(published[:4]) - 1)
            parties = tuple(sorted({o.key for o in occs[i] if o.type in ("Country", "Region",
                                                                           "City")}))
            out.append(Figure(measure=measure, value=value, unit=_CURRENCY.get(cur, cur.upper()),
                              period=period, parties=parties, sentence=i))
            break
    return out
