"""The ontology's terms as Python names.

A closed namespace: a typo in a term raises AttributeError instead of writing a dangling IRI.
`tests/test_ontology.py` checks that every term here is defined in `ontology/coopgraph.ttl`
and the other way round.
"""

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace
from rdflib.term import URIRef

NS = "https://w3id.org/coopgraph/ns#"
ID = "https://w3id.org/coopgraph/id/"
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("http://schema.org/")


class COOP(DefinedNamespace):
    """coopgraph ontology (https://w3id.org/coopgraph/ns#)."""

    _fail = True
    _NS = Namespace(NS)

    # classes
    Actor: URIRef  # someone who acts: a person or an organization
    Person: URIRef  # a named human
    Organization: URIRef  # a named body
    Place: URIRef  # a named geographic or administrative unit
    Country: URIRef  # a sovereign state
    Region: URIRef  # a first-level subdivision
    City: URIRef  # a settlement
    Event: URIRef  # something that happened at a place and time
    Forum: URIRef  # one edition of a recurring gathering
    EventSeries: URIRef  # a recurring gathering as a whole
    Meeting: URIRef  # a meeting between named actors
    Visit: URIRef  # a delegation or official visiting a place
    Agreement: URIRef  # a treaty, programme, concept, strategy, roadmap, decree or contract
    Document: URIRef  # a source article
    Sentence: URIRef  # a sentence of a source document
    Observation: URIRef  # a figure stated by a text
    CentralityScore: URIRef  # one centrality value of one entity

    # relations between entities
    affiliatedWith: URIRef  # works for, is a member of, holds a post in
    leads: URIRef  # heads it
    locatedIn: URIRef  # is inside / based in
    heldIn: URIRef  # where an event took place
    participant: URIRef  # took part in an event
    partyTo: URIRef  # is a party to an agreement
    cooperatesWith: URIRef  # the text states cooperation (symmetric)
    metWith: URIRef  # the text states they met (symmetric)
    visited: URIRef  # went to a place

    # entity data
    isoCode: URIRef  # ISO 3166 code
    editionNumber: URIRef  # ordinal of an edition
    eventSeries: URIRef  # name of the series of an edition
    date: URIRef  # date of an event or agreement
    endDate: URIRef  # last day of an event
    mentionedIn: URIRef  # the entity is named in this document

    # documents and provenance
    contentHash: URIRef  # SHA-256 of the document's bytes
    sourcePath: URIRef  # file the document was read from
    text: URIRef  # text of a sentence
    sentenceIndex: URIRef  # position of a sentence in its document
    evidence: URIRef  # sentence a statement was read from
    rule: URIRef  # extraction rule that produced a statement

    # observations
    value: URIRef  # number an observation states
    unit: URIRef  # currency or unit
    measure: URIRef  # what is measured
    period: URIRef  # period a figure refers to
    concerns: URIRef  # a party an observation is about

    # analysis results
    scoreOf: URIRef  # entity a score belongs to
    projection: URIRef  # projection the measure was computed on
    score: URIRef  # value of the measure
    community: URIRef  # community number of an entity
