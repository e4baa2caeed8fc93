"""The ontology file and the closed namespace the code uses agree, and hold the contract terms."""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from coopgraph.build import ontology_path
from coopgraph.ontology import COOP, NS

CONTRACT_CLASSES = {"Person", "Organization", "Country", "Region", "City", "Forum", "Meeting",
                    "Visit", "Agreement", "Actor", "Place", "Event"}
CONTRACT_PROPERTIES = {"affiliatedWith", "leads", "locatedIn", "heldIn", "participant",
                       "partyTo", "cooperatesWith", "metWith", "visited"}


def _graph() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def _defined(g: Graph) -> set[str]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {str(s)[len(NS):] for k in kinds for s in g.subjects(RDF.type, k)
            if str(s).startswith(NS)}


def test_ontology_namespace_matches_file():
    in_file = _defined(_graph())
    in_code = set(COOP.__annotations__)
    assert in_code - in_file == set(), f"terms in code but not in the ontology: {in_code - in_file}"
    assert in_file - in_code == set(), f"terms in the ontology but not in code: {in_file - in_code}"


def test_ontology_closed_namespace_refuses_typos():
    try:
        COOP.cooperateWith  # noqa: B018
    except AttributeError:
        return
    raise AssertionError("COOP.cooperateWith should not exist")


def test_ontology_has_contract_terms_with_labels_and_comments():
    g = _graph()
    for name in CONTRACT_CLASSES | CONTRACT_PROPERTIES:
        t = URIRef(NS + name)
        assert (t, RDFS.label, None) in g, f"{name} has no rdfs:label"
        assert (t, RDFS.comment, None) in g, f"{name} has no rdfs:comment"


def test_ontology_structure():
    g = _graph()
    assert (URIRef(NS + "leads"), RDFS.subPropertyOf, URIRef(NS + "affiliatedWith")) in g
    for p in ("cooperatesWith", "metWith"):
        assert (URIRef(NS + p), RDF.type, OWL.SymmetricProperty) in g, f"{p} not symmetric"
    for child, parent in (("Person", "Actor"), ("Region", "Place"), ("Visit", "Event")):
        assert (URIRef(NS + child), RDFS.subClassOf, URIRef(NS + parent)) in g
