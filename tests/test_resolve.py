"""One node per real thing across documents and spellings."""

from __future__ import annotations

from coopgraph.gazetteer import load
from coopgraph.names import person_key, same_surname
from coopgraph.resolve import resolve


def test_resolve_person_key_folds_transliterations():
    assert person_key("Aleksandr Lukashenko") == person_key("Alexander Lukashenka")
    assert person_key("Andrei Belyaninov") == person_key("Andrey Belyaninov")
    assert person_key("Yury Shuleiko") == person_key("Yuri Shuleiko")
    assert person_key("Natalia Kochanova") == person_key("Natalya Kochanova")
    assert person_key("Ivan Petrov") != person_key("Ivan Sidorov")
    assert same_surname("Lukashenko", "Lukashenka") and not same_surname("Orlov", "Popov")


def test_resolve_merges_people_across_documents(read):
    a = read("Talks in Minsk\n\nAleksandr Lukashenko met with the Governor of the Omsk Region, "
             "Vitaly Khotsenko, to discuss deliveries of buses and tractors for the farms of the "
             "region and new joint ventures in machine building and food processing.")
    b = read("Visit to Omsk\n\nAlexander Lukashenka praised the ties with the Omsk Region and "
             "said that trade in machinery, food and fertilizers would keep growing next year "
             "thanks to new logistics routes and joint production of agricultural machinery.")
    res = resolve([a, b], load())
    people = [e for e in res.entities.values() if e.type == "Person" and "Lukash" in e.label]
    assert len(people) == 1, [p.label for p in people]
    assert set(people[0].forms) == {"Aleksandr Lukashenko", "Alexander Lukashenka"}
    assert people[0].docs == {a.document.doc_id, b.document.doc_id}
    regions = [e for e in res.entities.values() if e.ref == "ru-oms"]
    assert len(regions) == 1 and regions[0].label == "Omsk Region"


def test_resolve_is_independent_of_order(read):
    a = read("One\n\nThe Governor of the Omsk Region, Vitaly Khotsenko, visited Minsk and met with "
             "Belarusian officials to discuss supplies of machinery and food products to Siberia.")
    b = read("Two\n\nVitaly Khotsenko said that the Omsk Region and Belarus had signed a roadmap "
             "on industrial cooperation and would open a trading house in Omsk next spring, "
             "with showrooms for tractors, buses and trucks.")
    r1, r2 = resolve([a, b], load()), resolve([b, a], load())
    assert sorted(r1.entities) == sorted(r2.entities)
    assert {k: e.label for k, e in r1.entities.items()} == {k: e.label for k, e in
                                                             r2.entities.items()}
