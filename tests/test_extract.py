"""Extraction patterns on hand-written sentences about other regions, people and forums than
the seed articles, so that the rules are shown to be general."""

from __future__ import annotations

from conftest import facts_of, names_of

FILLER = ("Officials on both sides described the talks as constructive and agreed to meet "
          "again before the end of the year to review progress on the joint projects.")


def article(*sentences: str, title: str = "Regional news", posted: str | None = None) -> str:
    head = f"{title}\n" + (f"Posted: {posted}\n" if posted else "") + "\n"
    return head + " ".join(sentences) + " " + FILLER + "\n"


def test_extract_places_from_reference_data(read):
    ex = read(article("The Governor of the Yaroslavl Oblast visited Mogilev and the Republic of "
                      "Karelia, then flew to Kazan in Tatarstan."))
    expected = {"Yaroslavl Oblast", "Mogilev", "Republic of Karelia", "Kazan", "Tatarstan"}
    assert expected <= names_of(ex), names_of(ex)
    types = {m.ref: m.type for m in ex.mentions.values() if m.ref}
    assert types.get("ru-yar") == "Region" and types.get("ru-ta") == "Region", types
    assert ("Kazan", "locatedIn", "Republic of Tatarstan") in facts_of(ex), facts_of(ex)


def test_extract_region_list_before_plural_word(read):
    ex = read(article("Belarus cooperates most actively with the Yaroslavl, Vologda and Omsk "
                      "regions."))
    regions = {m.ref for m in ex.mentions.values() if m.type == "Region"}
    assert {"ru-yar", "ru-vlg", "ru-oms"} <= regions, regions
    facts = facts_of(ex)
    for r in ("Yaroslavl Region", "Vologda Region", "Omsk Region"):
        assert any(r in (s, o) and p == "cooperatesWith" and "Republic of Belarus" in (s, o)
                   for s, p, o in facts), f"no cooperation with {r}: {facts}"


def test_extract_role_before_name_gives_leads(read):
    ex = read(article("The Governor of the Tver Region, Igor Rudenya, opened the exhibition."))
    assert ("Igor Rudenya", "leads", "Tver Region") in facts_of(ex), facts_of(ex)


def test_extract_role_after_name_gives_affiliation(read):
    ex = read(article("Sergei Ivanov, a senior analyst at the Centre for Regional Studies, said "
                      "the trend would continue."))
    assert ("Sergei Ivanov", "affiliatedWith", "Centre for Regional Studies") in facts_of(ex)


def test_extract_country_adjective_role(read):
    ex = read(article("Uzbek President Shavkat Mirziyoyev arrived in Moscow."))
    assert ("Shavkat Mirziyoyev", "leads", "Republic of Uzbekistan") in facts_of(ex) or \
        ("Shavkat Mirziyoyev", "leads", "Uzbekistan") in facts_of(ex), facts_of(ex)


def test_extract_meeting_with_date_and_place(read):
    ex = read(article("On 12 March 2023, Belarusian Prime Minister Roman Golovchenko met with the "
                      "Governor of the Tver Region Igor Rudenya in Minsk."))
    meetings = [m for m in ex.mentions.values() if m.type == "Meeting"]
    assert len(meetings) == 1, meetings
    facts = facts_of(ex)
    assert ("Roman Golovchenko", "metWith", "Igor Rudenya") in facts, facts
    assert ("Meeting", "heldIn", "Minsk") in facts, facts
    assert meetings[0].attrs.get("date") == "2023-03-12"


def test_extract_description_resolves_within_document(read):
    ex = read(article("Russian President Vladimir Putin opened the session.",
                      "Later the Russian leader met with Shavkat Mirziyoyev."))
    assert ("Vladimir Putin", "metWith", "Shavkat Mirziyoyev") in facts_of(ex), facts_of(ex)
    assert "the Russian leader" not in names_of(ex, "Person")


def test_extract_forum_edition_place_and_date(read):
    ex = read(article("The XII Forum of Regions of Belarus and Russia was held in Nizhny "
                      "Novgorod in June 2025."))
    forums = [m for m in ex.mentions.values() if m.type == "Forum"]
    assert len(forums) == 1 and forums[0].attrs.get("edition") == "12", forums
    assert forums[0].attrs.get("date") == "2025-06"
    assert any(p == "heldIn" and o == "Nizhny Novgorod" for _s, p, o in facts_of(ex))


def test_extract_forum_edition_from_year(read):
    ex = read(article("The Forum of the Regions of Russia and Belarus took place in Grodno in "
                      "June 2022."))
    forums = [m for m in ex.mentions.values() if m.type == "Forum"]
    assert forums and forums[0].attrs.get("edition") == "9", forums


def test_extract_delegation_visit(read):
    ex = read(article("A delegation from the Khabarovsk Territory visited Brest last month."))
    visits = [k for k, m in ex.mentions.items() if m.type == "Visit"]
    assert len(visits) == 1
    facts = facts_of(ex)
    assert ("Visit", "participant", "Khabarovsk Krai") in facts, facts
    assert ("Visit", "heldIn", "Brest") in facts, facts


def test_extract_cooperation_between(read):
    ex = read(article("Cooperation between the Mogilev Region and the Republic of Karelia is "
                      "growing."))
    assert ("Mogilev Region", "cooperatesWith", "Republic of Karelia") in facts_of(ex) or \
        ("Republic of Karelia", "cooperatesWith", "Mogilev Region") in facts_of(ex), facts_of(ex)


def test_extract_agreement_and_party(read):
    ex = read(article("The programme for the development of microelectronics was approved by "
                      "the Council of Ministers of the Union State."))
    agreements = names_of(ex, "Agreement")
    assert any("programme for the development of microelectronics" in a for a in agreements), \
        agreements
    assert any(p == "partyTo" for _s, p, _o in facts_of(ex)), facts_of(ex)


def test_extract_surname_after_full_name_is_same_person(read):
    ex = read(article("Irina Volkova, an expert of the Institute of Economics, spoke first.",
                      "Volkova noted that exports had grown."))
    people = [m for m in ex.mentions.values() if m.type == "Person"]
    assert len(people) == 1 and people[0].forms == {"Irina Volkova", "Volkova"}, people


def test_extract_trade_figure(read):
    ex = read(article("Trade between the Omsk Region and Belarus reached $1.2 billion in 2023."))
    figs = ex.figures
    assert len(figs) == 1, figs
    f = figs[0]
    assert (f.measure, f.value, f.unit, f.period) == ("trade", 1.2e9, "USD", "2023"), f
    assert set(f.parties) == {"ref:ru-oms", "ref:by"}, f.parties


def test_extract_ignores_lowercase_common_words(read):
    ex = read(article("The chad of the turkey farm said china plates were cheap in georgia."))
    assert not [m for m in ex.mentions.values() if m.ref], names_of(ex)


def test_extract_undated_article_takes_year_from_completed_figures(read):
    ex = read("Forum ahead\n\nLast year exports grew fast: in 2022 trade between the regions "
              "amounted to 3 billion dollars. On May 20-21, the Grodno Region will host the "
              "Forum of Regions of Belarus and Russia. " + FILLER)
    forums = [m for m in ex.mentions.values() if m.type == "Forum"]
    assert forums and forums[0].attrs.get("edition") == "10", forums
    assert forums[0].attrs.get("date") == "2023-05-20", forums[0].attrs
    assert any(p == "heldIn" and o == "Grodno Region" for _s, p, o in facts_of(ex)), facts_of(ex)


def test_extract_undated_article_without_clues_guesses_nothing(read):
    ex = read(article("On May 20-21, the Grodno Region will host the Forum of Regions of "
                      "Belarus and Russia."))
    assert not [m for m in ex.mentions.values() if m.type == "Forum"], "edition guessed"
    assert [m for m in ex.mentions.values() if m.type == "EventSeries"]


def test_extract_short_forum_name_within_document(read):
    ex = read(article("The IX Forum of the Regions of Belarus and Russia opened in Grodno.",
                      "Within the framework of the Forum of the Regions, the Institute of "
                      "Economics is organizing a round table."))
    forums = {k: m for k, m in ex.mentions.items() if m.type == "Forum"}
    assert len(forums) == 1 and "Forum of the Regions" in next(iter(forums.values())).forms
    assert any(p == "participant" and o == "Institute of Economics"
               for _s, p, o in facts_of(ex)), facts_of(ex)


def test_extract_bracketed_description_stays_in_its_sentence(read):
    ex = read(article("Investment projects run at Amkodor [a Belarusian maker of road machinery "
                      "based in Minsk] and at other plants."))
    assert ("Amkodor", "locatedIn", "Minsk") in facts_of(ex), facts_of(ex)


def test_extract_body_meeting_with_date(read):
    ex = read(article("At a meeting of the Council of Ministers of the Union State in March "
                      "2021, the budget was approved."))
    meetings = [m for m in ex.mentions.values() if m.type == "Meeting"]
    assert len(meetings) == 1 and meetings[0].attrs.get("date") == "2021-03", meetings
    assert ("Meeting", "participant", "Council of Ministers of the Union State") in facts_of(ex)


def test_extract_body_of_place_and_nested_bodies(read):
    ex = read(article("The decision was taken by the government of Kazan.",
                      "Irina Sokolova, Chairwoman of the Committee on Budget of the State Duma, "
                      "welcomed it."))
    orgs = names_of(ex, "Organization")
    assert "Government of Kazan" in orgs, orgs
    facts = facts_of(ex)
    assert ("Irina Sokolova", "leads", "Committee on Budget of the State Duma") in facts, facts
    assert ("Irina Sokolova", "affiliatedWith", "State Duma") in facts, facts


def test_extract_cooperation_needs_the_subject(read):
    ex = read(article("The forum must step beyond the Union State format and intensify "
                      "cooperation with the CIS and BRICS."))
    assert not [f for f in facts_of(ex) if f[1] == "cooperatesWith"], facts_of(ex)


def test_extract_acronym_in_brackets_is_an_alias(read):
    ex = read(article("The Institute of Applied Physics (IAPH) signed a contract.",
                      "IAPH will deliver the equipment next year."))
    orgs = [m for m in ex.mentions.values() if m.type == "Organization"]
    assert len(orgs) == 1 and orgs[0].forms == {"Institute of Applied Physics", "IAPH"}, orgs


def test_extract_signatories_are_parties(read):
    ex = read(article("The Government of the Omsk Region and the Ministry of Industry of Belarus "
                      "signed a roadmap on machine building for 2024-2026."))
    facts = facts_of(ex)
    for party in ("Government of the Omsk Region", "Ministry of Industry of Belarus"):
        assert (party, "partyTo", "roadmap on machine building for 2024-2026") in facts, facts


def test_extract_delegation_head_and_the_governor(read):
    ex = read(article("A delegation of the Tomsk Region headed by Governor Vladimir Mazur arrived "
                      "in Mogilev.", "The governor met with Anatoly Isachenko."))
    facts = facts_of(ex)
    assert ("Vladimir Mazur", "leads", "Tomsk Region") in facts, facts
    assert ("Vladimir Mazur", "visited", "Mogilev") in facts, facts
    assert ("Vladimir Mazur", "metWith", "Anatoly Isachenko") in facts, facts
    assert ("Visit", "participant", "Tomsk Region") in facts, facts


def test_extract_pair_meeting_and_list_after_including(read):
    ex = read(article("Vladimir Putin and Alexander Lukashenko held talks in Sochi.",
                      "The Gomel Region cooperates with 30 Russian regions, including the Tula "
                      "and Oryol regions."))
    facts = facts_of(ex)
    assert ("Vladimir Putin", "metWith", "Alexander Lukashenko") in facts or \
        ("Alexander Lukashenko", "metWith", "Vladimir Putin") in facts, facts
    coop = {frozenset((s, o)) for s, p, o in facts if p == "cooperatesWith"}
    assert frozenset(("Gomel Region", "Tula Region")) in coop, coop
    assert frozenset(("Gomel Region", "Oryol Region")) in coop, coop


def test_extract_surname_that_is_also_a_town(read):
    ex = read(article("Vasily Zhukovsky, an expert of the Institute of Economics, spoke first.",
                      "Zhukovsky noted that exports to Podolsk had grown."))
    assert "Zhukovsky" not in {m.name for m in ex.mentions.values() if m.type == "City"}
    assert "Podolsk" in names_of(ex, "City")
    people = [m for m in ex.mentions.values() if m.type == "Person"]
    assert len(people) == 1 and "Zhukovsky" in people[0].forms, people


def test_extract_camel_case_company_named_by_the_tagger(read):
    ex = read(article("The Russian company SiberAgro signed a contract with a Minsk plant."))
    assert "SiberAgro" in names_of(ex, "Organization"), names_of(ex)


def test_extract_ambassador_to_a_country(read):
    ex = read(article("Ambassador of Belarus to Russia Dmitry Krutoi met with Gennady Kuzmin."))
    facts = facts_of(ex)
    assert ("Dmitry Krutoi", "affiliatedWith", "Republic of Belarus") in facts, facts
    assert ("Dmitry Krutoi", "metWith", "Gennady Kuzmin") in facts, facts


def test_extract_visit_during_his_visit(read):
    ex = read(article("During his working visit to Brest, Alexei Dyumin inspected a dairy plant."))
    assert ("Alexei Dyumin", "visited", "Brest") in facts_of(ex), facts_of(ex)


def test_extract_agreed_to_expand_cooperation(read):
    ex = read(article("The Grodno Region and the Kaluga Region agreed to expand industrial "
                      "cooperation."))
    coop = {frozenset((s, o)) for s, p, o in facts_of(ex) if p == "cooperatesWith"}
    assert frozenset(("Grodno Region", "Kaluga Region")) in coop, facts_of(ex)


def test_extract_body_meeting_chaired_and_joined(read):
    ex = read(article("The Council of Ministers of the Union State approved the budget at a "
                      "meeting in Minsk on 5 December 2024.",
                      "The meeting was chaired by Mikhail Mishustin and Roman Golovchenko.",
                      "Vasily Anokhin took part in the meeting."))
    meetings = [k for k, m in ex.mentions.items() if m.type == "Meeting"]
    assert len(meetings) == 1, meetings
    facts = facts_of(ex)
    for who in ("Council of Ministers of the Union State", "Mikhail Mishustin",
                "Roman Golovchenko", "Vasily Anokhin"):
        assert ("Meeting", "participant", who) in facts, (who, facts)
    assert ("Meeting", "heldIn", "Minsk") in facts, facts


def test_extract_he_after_a_named_subject(read):
    ex = read(article("Governor of the Kirov Region Alexander Sokolov praised buses from Minsk.",
                      "He also met with Pavel Utyupin."))
    assert ("Alexander Sokolov", "metWith", "Pavel Utyupin") in facts_of(ex), facts_of(ex)
    people = {m.name for m in ex.mentions.values() if m.type == "Person"}
    assert "He" not in people


def test_extract_on_a_working_visit(read):
    ex = read(article("Shavkat Mirziyoyev is on a working visit to Belarus."))
    assert any(p == "visited" and o == "Republic of Belarus" for _s, p, o in facts_of(ex)), \
        facts_of(ex)
