"""People are followed through an article: full name, surname, genitive, role-only phrase, pronoun."""
import pytest


@pytest.mark.parametrize("text, language, published, name, role, country", [
    ("The Pentagon chief will skip the NATO defence ministers' meeting next week.", "en", "2025-06-02",
     "Pete Hegseth", "Secretary of Defense", "US"),
    ("Hegseth will skip the NATO defence ministers' meeting next week.", "en", "2025-06-02",
     "Pete Hegseth", "Secretary of Defense", "US"),
    ("USAs utenriksminister skal ikke delta på NATO-møtet neste uke.", "nb", "2017-03-21",
     "Rex Tillerson", "Secretary of State", "US"),
    ("Frankrikes forsvarsminister uteblir fra NATO-møtet neste uke.", "nb", "2024-06-03",
     "Sébastien Lecornu", "Minister of the Armed Forces", "FR"),
    ("Norway's foreign minister will miss the OSCE ministerial in December.", "en", "2024-11-20",
     "Espen Barth Eide", "Minister of Foreign Affairs", "NO"),
    ("Turkish Foreign Minister Ali Veli Demirtepe will skip the NATO meeting in Brussels next week.", "en",
     "2025-06-02", "Ali Veli Demirtepe", "Minister of Foreign Affairs", "TR"),
    ("Den svenske utenriksministeren Maria Lundqvist-Berg dropper NATO-møtet i neste uke.", "nb", "2025-06-02",
     "Maria Lundqvist-Berg", "Minister of Foreign Affairs", "SE"),
])
def test_who_skips(run, text, language, published, name, role, country):
    (event,) = run(text, language, published).events
    assert (event.person.name, event.person.role, event.person.country) == (name, role, country)
    assert event.status == "absent"


@pytest.mark.parametrize("text, language", [
    ("Secretary of State Marco Rubio spoke to reporters on Tuesday. Rubio’s plans changed overnight, and he "
     "will now skip the NATO foreign ministers' meeting.", "en"),
    ("Utenriksminister Marco Rubio landet i Brussel tirsdag. Han dropper likevel NATO-møtet onsdag.", "nb"),
    ("Marco Rubio landet i Brussel tirsdag. Rubios fravær fra NATO-møtet onsdag vekker oppsikt.", "nb"),
])
def test_pronouns_and_genitives_point_back(run, text, language):
    events = run(text, language, "2025-12-02").events
    assert [(e.person.name, e.status) for e in events] == [("Marco Rubio", "absent")]


def test_unknown_official_is_unresolved_but_kept(run):
    (event,) = run("Turkish Foreign Minister Ali Veli Demirtepe will skip the NATO meeting.").events
    assert event.person.kb_id is None and event.person.country == "TR"


def test_former_title_does_not_resolve_to_the_incumbent(run):
    record = run("A former Norwegian foreign minister said the NATO meeting would go ahead without drama.", "en")
    assert record.events == []
