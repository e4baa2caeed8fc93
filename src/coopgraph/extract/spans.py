"""Finding names in a parsed document: reference-data places and bodies, organizations,
people, forums and agreements. Each finder returns candidate spans; `choose` keeps the best
non-overlapping ones and remembers names nested inside them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from ..gazetteer import Gazetteer, Series, normalize
from ..names import display_name, is_known_first_name, person_key
from .lexicon import (
    AGREEMENT_HEADS,
    AGREEMENT_PLURAL,
    MONTHS,
    ORDINAL_WORDS,
    ORG_HEADS,
    ROLE_WORDS,
    int_to_roman,
    roman_to_int,
)

# Words that name the same act in agreement titles ('Treaty on the Creation / on establishing')
SYNONYMS = {"establish": "creation", "establishing": "creation", "establishment": "creation",
            "create": "creation", "creating": "creation", "formation": "creation",
            "found": "creation", "founding": "creation", "programme": "program",
            "co": "cooperation", "operation": "cooperation"}
COMPANY_FORMS = {"oao", "ojsc", "jsc", "pjsc", "llc", "ltd", "inc", "plc", "cjsc", "gmbh"}
REGION_WORDS = {"region", "regions", "oblast", "oblasts", "krai", "krais", "territory",
                "territories", "province", "provinces"}
_CONNECT = {"of", "for", "on", "and", "de", "&"}
_QUOTED_ORG = re.compile(
    r"\b(?:institution|company|enterprise|organi[sz]ation|plant|factory|corporation|"
    r"association|holding|agency|fund|foundation|centre|center|concern|firm|bank|"
    r"OJSC|JSC|PJSC|LLC|CJSC)\s+[\"“«]([^\"”»\n]{2,80})[\"”»]")
# 'the government of Moscow': a body named by its function and the place it serves
_BODY_OF_PLACE = re.compile(
    r"\b(government|administration|parliament|embassy|consulate|mayor's office|city hall)"
    r"\s+of\s+(?:the\s+)?([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})")
# at least two capitals and no spaces: an acronym or a camel-case company name
_COMPANY_WORD = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9]{2,15}")
_NOT_NAME = {w.capitalize() for w in MONTHS} | {
    "The", "A", "An", "This", "That", "These", "Those", "Our", "Their", "His", "Her", "Its",
    "In", "On", "At", "By", "For", "From", "With", "And", "But", "Or", "If", "As", "To", "Of",
    "Mr", "Mrs", "Ms", "Dr", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "Today", "Yesterday", "Tomorrow", "According", "However", "Moreover",
}


@dataclass
class Candidate:
    start: int
    end: int
    type: str
    key: str  # document-local mention key
    name: str
    priority: int
    ref: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)
    forms: tuple[str, ...] = ()


@dataclass
class _Line:
    start: int
    end: int


def _lines(doc: Doc) -> list[_Line]:
    out, start = [], 0
    for i, text in enumerate(t.text for t in doc):
        if "\n" in text:
            if i > start:
                out.append(_Line(start, i))
            start = i + 1
    if start < len(doc):
        out.append(_Line(start, len(doc)))
    return out


def _title(tok) -> bool:
    return tok.is_alpha and (tok.is_title or (tok.is_upper and len(tok) > 1)) or (
        tok.text[:1].isupper() and "-" in tok.text and tok.text.replace("-", "").isalpha())


class SpanFinder:
    """Builds the matchers once per model; `find` runs them on one parsed document."""

    def __init__(self, nlp, gaz: Gazetteer) -> None:
        self.nlp = nlp
        self.gaz = gaz
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        for key, ref in gaz.refs.items():
            forms = set()
            for f in (ref.label, *ref.aliases):
                forms.add(f)
                forms.add(f.replace(".", ""))  # 'St. Petersburg' also as 'St Petersburg'
                forms.add(re.sub(r"\bSt\.? ", "Saint ", f))
            self.names.add(key, [nlp.make_doc(f) for f in sorted(forms) if f.strip()])
            if ref.acronyms:
                self.acronyms.add(key, [nlp.make_doc(a) for a in ref.acronyms])
        self.series_patterns = []
        self.series_short = []
        for s in gaz.series:
            alts = sorted({s.label, *s.aliases}, key=len, reverse=True)
            # 'Forum of the Regions' for 'Forum of the Regions of Belarus and Russia': only
            # read as this series in a document that also names it in full
            heads = (re.match(r"^(.+? of (?:the )?\w+) of ", a) for a in alts)
            shorts = sorted({m[1] for m in heads if m}, key=len, reverse=True)
            if shorts:
                self.series_short.append((s, re.compile(
                    r"\b(?:" + "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in shorts)
                    + r")\b", re.IGNORECASE)))
            body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts)
            self.series_patterns.append((s, re.compile(
                r"(?:\b(?P<roman>[IVXL]{1,6})\s+|\b(?P<num>\d{1,2})(?:st|nd|rd|th)\s+|"
                r"\b(?P<word>" + "|".join(ORDINAL_WORDS) + r")\s+)?(?:International\s+)?"
                r"(?P<name>" + body + r")", re.IGNORECASE)))
        self.agreement_matcher = Matcher(nlp.vocab)
        for head in AGREEMENT_HEADS:
            self.agreement_matcher.add(head, [[{"LOWER": w} for w in head.split()]])

    # ------------------------------------------------------------------ reference data
    def gazetteer(self, doc: Doc) -> list[Candidate]:
        out = []
        for match_id, start, end in self.names(doc) + self.acronyms(doc):
            key = self.nlp.vocab.strings[match_id]
            span = doc[start:end]
            if not any(t.text[:1].isupper() for t in span):
                continue  # 'turkey', 'chad': names are capitalized
            if len(span) == 1 and not span[0].text[:1].isupper():
                continue
            ref = self.gaz.refs[key]
            out.append(Candidate(start, end, ref.type, f"ref:{key}", span.text, 4, ref=key))
        return self._disambiguate(doc, out)

    def _disambiguate(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """One reading per span: a name followed by 'region' is the region, else prefer the
        settlement over a body, and a country over anything."""
        order = {"Country": 0, "City": 1, "Region": 2, "Organization": 3}
        by_span: dict[tuple[int, int], list[Candidate]] = {}
        for c in cands:
            by_span.setdefault((c.start, c.end), []).append(c)
        out = []
        for (_s, e), group in by_span.items():
            nxt = doc[e].lower_ if e < len(doc) else ""
            if nxt in REGION_WORDS:
                regions = [c for c in group if c.type == "Region"]
                if regions:
                    group = regions
            group.sort(key=lambda c: (order.get(c.type, 9), c.ref or ""))
            out.append(group[0])
        return out

    def region_lists(self, doc: Doc) -> list[Candidate]:
        """'Tyumen, Smolensk and Kaluga regions': each name before a plural region word."""
        out = []
        for tok in doc:
            if tok.lower_ not in ("regions", "oblasts", "krais", "territories"):
                continue
            word = tok.lower_[:-1] if tok.lower_ != "territories" else "territory"
            i = tok.i
            while i > tok.sent.start:
                j = i - 1
                while j >= tok.sent.start and _title(doc[j]):
                    j -= 1
                start = j + 1
                if start >= i:
                    break
                name = doc[start:i].text
                ref = self.gaz.one(f"{name} {word}", ("Region",)) or self.gaz.one(
                    f"{name} Region", ("Region",))
                if ref is None:
                    break
                out.append(Candidate(start, i, "Region", f"ref:{ref.key}", name, 5, ref=ref.key))
                if j >= tok.sent.start and doc[j].text == ",":
                    i = j
                elif j >= tok.sent.start and doc[j].lower_ == "and" and i == tok.i:
                    i = j
                else:
                    break
        return out

    # ------------------------------------------------------------------ organizations
    def organizations(self, doc: Doc) -> list[Candidate]:
        out = []
        # token facts read once: Token objects are costly to create again and again
        text = [t.text for t in doc]
        lower = [t.lower_ for t in doc]
        title = [_title(t) for t in doc]
        first = [is_known_first_name(x) for x in text]
        for sent in _lines(doc):  # a name never spans lines, but may span a false sentence end
            i = sent.start
            while i < sent.end:
                if not title[i] or text[i] in _NOT_NAME and text[i] != "The":
                    i += 1
                    continue
                j, topic = i, False
                while j < sent.end:
                    if j > i and first[j] and j + 1 < sent.end and title[j + 1]:
                        break  # a person's name follows the body's: 'Integral OJSC Ivan Petrov'
                    if title[j] or (text[j] in ("-", "'s") and j > i):
                        j += 1
                        continue
                    if lower[j] in _CONNECT and j + 1 < sent.end:
                        k = j + 1
                        if lower[k] == "the" and k + 1 < sent.end:
                            k += 1
                        if title[k] and (lower[j] != "and" or topic):
                            topic = topic or lower[j] in ("on", "for")
                            j = k
                            continue
                    break
                start = i + 1 if text[i] == "The" else i
                if start < j and self.gaz.lookup(doc[start:j].text):
                    i = max(j, i + 1)  # a name the reference data knows: not split further
                    continue
                cand = self._org_candidate(doc, start, j)
                if cand:
                    out.append(cand)
                    out += self._inner_organizations(doc, cand.start, cand.end)
                    i = max(j, i + 1)
                else:
                    i += 1  # 'Chairman of the Standing Committee ...': a name may start inside
        for ent in doc.ents:  # 'NordStar', 'BELSHINA': one-word company names the tagger saw
            word = ent.text.removeprefix("the ").strip()
            if ent.label_ == "ORG" and len(ent) <= 2 and _COMPANY_WORD.fullmatch(word) \
                    and not self.gaz.lookup(word) and not is_known_first_name(word):
                start = ent.end - 1
                out.append(Candidate(start, ent.end, "Organization", f"org:{normalize(word)}",
                                     word, 2))
        for m in _BODY_OF_PLACE.finditer(doc.text):
            words = m[2].split()
            place = next((" ".join(words[:n]).rstrip(".,;:") for n in range(len(words), 0, -1)
                          if self.gaz.one(" ".join(words[:n]).rstrip(".,;:"),
                                          ("Country", "Region", "City"))), None)
            if place is None:
                continue
            span = doc.char_span(m.start(1), m.start(2) + len(place), alignment_mode="expand")
            if span is not None:
                name = f"{m[1].capitalize()} of {place}"
                out.append(Candidate(span.start, span.end, "Organization",
                                     f"org:{normalize(name)}", name, 3))
        for m in _QUOTED_ORG.finditer(doc.text):
            span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is not None and len(span) <= 12:
                name = span.text.strip("\"“”«» ")
                out.append(Candidate(span.start, span.end, "Organization",
                                     f"org:{normalize(name)}", name, 4))
        return out

    def _inner_organizations(self, doc: Doc, start: int, end: int) -> list[Candidate]:
        """Bodies named inside a longer name: 'Standing Committee of [the Council of the
        Republic of the National Assembly] on Legislation' (a topic after on/for is the
        outer body's)."""
        out = []
        for k in range(start + 1, end):
            if doc[k - 1].lower_ not in ("of", "the") or not _title(doc[k]):
                continue
            stop = next((m for m in range(k, end) if doc[m].lower_ in ("on", "for")), end)
            cand = self._org_candidate(doc, k, stop, head_first=True)
            if cand and (cand.start, cand.end) != (start, end):
                cand.priority = 1
                out.append(cand)
        return out

    def _org_candidate(self, doc: Doc, start: int, end: int,
                       head_first: bool = False) -> Candidate | None:
        while end > start and doc[end - 1].lower_ in _CONNECT | {"the", "-", "'s"}:
            end -= 1
        if end - start < 1:
            return None
        span = doc[start:end]
        words = [t.lower_ for t in span]
        first_segment = []
        for t in span:
            if t.lower_ in _CONNECT or t.lower_ == "the":
                break
            first_segment.append(t.lower_)
        heads = set(first_segment) & ORG_HEADS
        if head_first:
            heads -= COMPANY_FORMS  # 'of Electronic Computers OJSC': the form is the outer name's
        if not (heads or (words[-1] in ORG_HEADS and not head_first)):
            return None
        if " ".join(words[:3]).startswith(tuple(r for r in ROLE_WORDS)) and not (
                set(first_segment) & ORG_HEADS):
            return None
        if len(span) == 1 and span[0].lower_ in ORG_HEADS:
            return None  # 'Government' alone is a description, not a name
        if first_segment and first_segment[0] in ("forum", "forums"):
            return None
        name = span.text
        if self.gaz.lookup(name):
            return None  # the reference data knows this name: its own candidate covers it
        return Candidate(start, end, "Organization", f"org:{normalize(name)}", name, 3)

    # ------------------------------------------------------------------ people
    def people(self, doc: Doc) -> list[Candidate]:
        out: list[Candidate] = []
        spans = [e for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP")]
        # a known first name followed by capitalized words is a name whatever the tagger says
        for tok in doc:
            if is_known_first_name(tok.text) and _title(tok) and tok.i + 1 < len(doc):
                spans.append(doc[tok.i:tok.i + 1])
        for span in spans:
            toks = list(span)
            # drop leading words that are not part of the name: 'Belarus Aleksandr Lukashenko'
            while toks and not is_known_first_name(toks[0].text) and len(toks) > 2:
                toks = toks[1:]
            if not toks:
                continue
            s = toks[0].i
            e = toks[-1].i + 1
            # extend over the surname when the span stops at the first name
            while e < len(doc) and e - s < 3 and _title(doc[e]) and doc[e].text not in _NOT_NAME \
                    and not self.gaz.lookup(doc[e].text):
                e += 1
            cand_toks = doc[s:e]
            if not (2 <= len(cand_toks) <= 4):
                continue
            if not all(_title(t) for t in cand_toks):
                continue
            first = cand_toks[0].text
            if span.label_ != "PERSON" and not is_known_first_name(first):
                continue
            if any(t.text in _NOT_NAME or t.lower_ in ORG_HEADS for t in cand_toks):
                continue
            if any(t.lower_ in ROLE_WORDS for t in cand_toks):
                continue
            if e < len(doc) and doc[e].pos_ == "NOUN" and doc[e].is_lower:
                continue  # a modifier, as in 'Kamenny Log checkpoint' 
            name = display_name(cand_toks.text)
            if self.gaz.lookup(name) or (self.gaz.lookup(cand_toks[-1].text)
                                         and not is_known_first_name(first)):
                continue  # 'Krasnodar Krai', not a person; 'Vasily Zhukovsky' is one
            out.append(Candidate(s, e, "Person", f"person:{person_key(name)}", name, 2))
        return out

    # ------------------------------------------------------------------ forums
    def forums(self, doc: Doc, year_hint) -> list[Candidate]:
        out = []
        for series, pattern in self.series_patterns:
            for m in pattern.finditer(doc.text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is None:
                    continue
                edition = None
                if m["roman"]:
                    edition = roman_to_int(m["roman"])
                elif m["num"]:
                    edition = int(m["num"])
                elif m["word"]:
                    edition = ORDINAL_WORDS.get(m["word"].lower())
                out.append(self._forum(series, span, m.group(0), edition, year_hint(span)))
        named = {c.attrs["series"] for c in out}
        for series, pattern in self.series_short:
            if series.label not in named:
                continue
            for m in pattern.finditer(doc.text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None:
                    cand = self._forum(series, span, m.group(0), None, year_hint(span))
                    cand.priority = 4
                    out.append(cand)
        return out

    def _forum(self, series: Series, span: Span, text: str, edition: int | None,
               year: int | None) -> Candidate:
        if edition is None and year is not None:
            edition = series.edition_for_year(year)
        attrs = {"series": series.label}
        if edition:
            attrs["edition"] = str(edition)
            key = f"forum:{series.key}:{edition}"
            name = f"{int_to_roman(edition)} {series.label}"
        else:
            key = f"series:{series.key}"
            name = series.label
        etype = "Forum" if edition else "EventSeries"
        return Candidate(span.start, span.end, etype, key, name, 5, attrs=attrs,
                         forms=(text,))

    # ------------------------------------------------------------------ agreements
    def agreements(self, doc: Doc) -> list[Candidate]:
        out = []
        for match_id, start, end in self.agreement_matcher(doc):
            head_word = self.nlp.vocab.strings[match_id]
            cand = self._agreement(doc, start, end, head_word)
            if cand:
                out.append(cand)
        return out

    def _agreement(self, doc: Doc, hstart: int, hend: int, head_word: str) -> Candidate | None:
        head = doc[hend - 1]
        sent = head.sent
        # left modifiers: numbers, adjectives, proper nouns and nouns directly before the head
        s = hstart
        count = None
        while s > sent.start:
            t = doc[s - 1]
            if t.like_num and t.text.isdigit():
                count = int(t.text)
                s -= 1
                continue
            if t.pos_ in ("ADJ", "PROPN", "NOUN") and t.lower_ not in ("other", "new", "such",
                                                                          "similar", "these"):
                s -= 1
                continue
            break
        if s < hstart and doc[s].lower_ in ("joint", "bilateral", "new", "important"):
            s += 1
        # right complement: a prepositional phrase on/of/for/to/until/establishing
        e = hend
        if e < sent.end and doc[e].lower_ in ("on", "of", "for", "until"):
            nxt = doc[e + 1] if e + 1 < sent.end else None
            if nxt is not None and nxt.tag_ not in ("WDT", "WP", "PRP", "PRP$") and \
                    nxt.lower_ not in ("which", "whom", "it", "them", "this", "that"):
                e = self._complement_end(doc, e, sent.end,
                                         periods=head_word not in ("treaty", "charter", "decree"))
        has_complement = e > hend + 1
        left = doc[s:hstart]
        proper_left = any(t.pos_ == "PROPN" or (t.is_title and t.i != sent.start) for t in left)
        capital_head = head.text[:1].isupper() and head.i != sent.start
        plural = head_word in ("agreements", "programmes", "programs", "roadmaps")
        if head_word == "directions" and not (
                hstart > sent.start and doc[hstart - 1].lower_ in ("main", "basic", "key")):
            return None
        if head_word in ("plan", "contract", "protocol", "agreement", "agreements") and not (
                has_complement or proper_left or capital_head):
            return None
        if not (has_complement or proper_left or capital_head or (plural and count)):
            return None
        while s < hstart and doc[s].lower_ in ("the", "a", "an"):
            s += 1
        span = doc[s:e]
        text = re.sub(r"[\s.,;:]+$", "", span.text)
        text = re.sub(r"\s+in\s+(19|20)\d\d$", "", text)
        kind = AGREEMENT_PLURAL.get(head_word, head_word)
        attrs: dict[str, str] = {"kind": kind}
        m = re.search(r"\bin\s+((?:19|20)\d\d)$", span.text)
        if m:
            attrs["date"] = m[1]
        if plural and count:
            key = f"agreement:{kind}-set:{count}"
        else:
            content = sorted({SYNONYMS.get(t.lemma_.lower(), t.lemma_.lower()) for t in span
                              if t.is_alpha and not t.is_stop
                              and t.lemma_.lower() not in (kind, head_word)})
            key = f"agreement:{kind}:{'-'.join(content)}"
        return Candidate(s, e, "Agreement", key, text, 4, attrs=attrs)

    def _complement_end(self, doc: Doc, e: int, limit: int, periods: bool = True) -> int:
        """End of a prepositional complement: stop at clauses, time phrases and long runs.
        A programme's period ('for 2024-2026') is part of its name, a treaty's is not."""
        j = e + 1
        while j < limit and j - e < 28:
            t = doc[j]
            if t.is_space:
                break
            infinitive = t.tag_ == "VB" and doc[j - 1].lower_ == "to"
            if t.text in (";", ":", "(", ")", "—", "–", '"', "“", "”", "…", "...") or t.pos_ in (
                    "VERB", "AUX") and t.tag_ not in ("VBG",) and not infinitive:
                break
            if t.lower_ == "for" and j + 1 < limit and doc[j + 1].text[:1].isdigit():
                if not periods:
                    break
                j += 2
                while j < limit and (doc[j].text in ("-", "–") or doc[j].text.isdigit()):
                    j += 1
                break
            if t.text == "," and not (j + 1 < limit and doc[j + 1].pos_ == "ADJ"):
                break
            if t.lower_ in ("which", "that", "who", "between", "with", "by", "was", "were", "is",
                            "are", "has", "have", "will"):
                break
            if t.lower_ == "and" and j + 1 < limit and doc[j + 1].lower_ in ("the", "a", "an"):
                break  # '... of microelectronics and the Union State programme X': a new item
            if t.lower_ == "in" and j + 1 < limit and re.fullmatch(r"(19|20)\d\d", doc[j + 1].text):
                j += 2
                break
            j += 1
        j = min(j, limit)
        while j > e + 1 and (doc[j - 1].is_punct or doc[j - 1].is_space):
            j -= 1
        return j


_LINKS = {"of", "the", "on", "for", "and"}


def choose(cands: list[Candidate], doc: Doc | None = None
           ) -> tuple[list[Candidate], list[Candidate]]:
    """Best non-overlapping candidates (longest, then highest priority), and the names nested in
    a body's, agreement's or forum's name after 'of', 'on', 'for' ('Ministry of Economy of [the
    Republic of Belarus]'); a word that merely begins a longer name ('Perm' of 'Perm Krai',
    'Vladimir' of 'Vladimir Putin') is not a name of its own."""
    ordered = sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.start, c.key))
    taken: list[Candidate] = []
    used: set[int] = set()
    nested: list[Candidate] = []
    for c in ordered:
        toks = set(range(c.start, c.end))
        if toks & used:
            outer = next((t for t in taken if t.start <= c.start and c.end <= t.end), None)
            if outer is None or outer.key == c.key or c.type == "Person" or doc is None:
                continue
            linked = c.start > outer.start and doc[c.start - 1].lower_ in _LINKS
            owner = outer.type == "Agreement" and c.type in ("Organization", "Country")
            if outer.type in ("Organization", "Agreement", "Forum", "EventSeries") and (
                    linked or owner):
                nested.append(c)  # 'Union State programmes': the owner is named in front
            continue
        taken.append(c)
        used |= toks
    taken.sort(key=lambda c: c.start)
    return taken, nested
