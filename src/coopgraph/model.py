"""Plain data passed from corpus to extract to resolve: no RDF here, so extraction tests need
none."""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = (
    "Person", "Organization", "Country", "Region", "City",
    "Forum", "Meeting", "Visit", "Agreement", "EventSeries",
)
EVENT_TYPES = ("Forum", "Meeting", "Visit")
RELATIONS = (
    "affiliatedWith", "leads", "locatedIn", "heldIn", "participant",
    "partyTo", "cooperatesWith", "metWith", "visited",
)
SYMMETRIC = ("cooperatesWith", "metWith")


@dataclass(frozen=True)
class Document:
    """One source article, as read from disk."""

    doc_id: str  # stable slug, used in the document's IRI
    path: str  # relative to the input that named it (what sourcePath records)
    text: str  # cleaned article body
    title: str
    date: str | None  # ISO publication date if the document states one
    content_hash: str


@dataclass
class Mention:
    """A name of an entity seen in a document, before resolution across documents."""

    key: str  # document-local identity: the same key is the same thing within the document
    type: str  # one of ENTITY_TYPES
    name: str  # the form seen (or built, for events)
    sentence: int  # index of the first sentence it appears in
    forms: set[str] = field(default_factory=set)  # every surface form in this document
    ref: str | None = None  # gazetteer key when the reference data knows it
    attrs: dict[str, str] = field(default_factory=dict)  # date, endDate, edition, series, ...


@dataclass(frozen=True)
class Fact:
    """A relation read from a sentence (or implied by reference data)."""

    subject: str  # Mention.key
    predicate: str  # one of RELATIONS
    object: str  # Mention.key
    sentence: int  # index into the document's sentences
    rule: str  # name of the rule that produced it


@dataclass(frozen=True)
class Figure:
    """A number stated by a sentence: 'mutual trade reached $54bn in 2023'."""

    measure: str  # e.g. trade-turnover
    value: float
    unit: str  # ISO 4217 code or 'percent'
    period: str | None  # xsd:gYear text or None
    parties: tuple[str, ...]  # Mention.keys
    sentence: int


@dataclass
class Extraction:
    """Everything read from one document."""

    document: Document
    sentences: list[str]
    mentions: dict[str, Mention]
    facts: list[Fact]
    figures: list[Figure] = field(default_factory=list)
