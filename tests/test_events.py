"""Phrasings of attendance, in each language: status, modality, attribution, substitutes."""
import pytest

EN = "en"
NB = "nb"
PUB = "2025-06-02"  # a Monday


@pytest.mark.parametrize("language, text, status, modality", [
    (EN, "Secretary of State Marco Rubio will skip the NATO foreign ministers' meeting next week.", "absent", "planned"),
    (EN, "Secretary of State Marco Rubio is not expected to attend the NATO foreign ministers' meeting.", "absent", "expected"),
    (EN, "Secretary of State Marco Rubio did not attend the previous NATO foreign ministers' meeting in May.", "absent", "confirmed"),
    (EN, "Secretary of State Marco Rubio attended the NATO foreign ministers' meeting in April.", "attending", "confirmed"),
    (EN, "Secretary of State Marco Rubio has cancelled his trip to the NATO foreign ministers' meeting.", "absent", "confirmed"),
    (EN, "Secretary of State Marco Rubio will attend the NATO foreign ministers' meeting after all.", "attending", "planned"),
    (EN, "Secretary of State Marco Rubio joined the NATO foreign ministers' meeting by video link.", "virtual", "confirmed"),
    (EN, "Secretary of State Marco Rubio has not decided whether to attend the NATO foreign ministers' meeting.", "undecided", "confirmed"),
    (EN, "The State Department denied reports that Secretary of State Marco Rubio would skip the NATO foreign ministers' meeting.", "absent", "denied"),
    (EN, "Secretary of State Marco Rubio plans to stay away from the G20 foreign ministers' meeting.", "absent", "planned"),
    (NB, "Utenriksminister Espen Barth Eide dropper NATO-møtet i Brussel.", "absent", "confirmed"),
    (NB, "Utenriksminister Espen Barth Eide deltar ikke på NATO-møtet neste uke.", "absent", "planned"),
    (NB, "Utenriksminister Espen Barth Eide er ikke ventet å delta på NATO-møtet.", "absent", "expected"),
    (NB, "Utenriksminister Espen Barth Eide har meldt forfall til NATO-møtet neste uke.", "absent", "confirmed"),
    (NB, "Utenriksminister Espen Barth Eide deltok på NATO-møtet i april.", "attending", "confirmed"),
    (NB, "Utenriksminister Espen Barth Eide skal delta på NATO-toppmøtet.", "attending", "planned"),
    (NB, "Utenriksminister Espen Barth Eide deltar digitalt på NATO-møtet.", "virtual", "confirmed"),
    (NB, "Det er fortsatt usikkert om utenriksminister Espen Barth Eide deltar på NATO-møtet.", "undecided", "confirmed"),
    (NB, "Utenriksdepartementet avviser at utenriksminister Espen Barth Eide skal droppe NATO-møtet.", "absent", "denied"),
])
def test_phrasings(run, language, text, status, modality):
    events = run(text, language, PUB).events
    assert [(e.status, e.modality) for e in events] == [(status, modality)]
    assert events[0].meeting.organization in ("NATO", "G20")


@pytest.mark.parametrize("language, text, attribution", [
    (EN, "Secretary of State Marco Rubio will skip the NATO meeting, two sources said.", "anonymous_sources"),
    (EN, "Secretary of State Marco Rubio will skip the NATO meeting, according to U.S. media reports.", "media_reports"),
    (EN, "Secretary of State Marco Rubio will skip the NATO meeting, the State Department said in a statement.", "official"),
    (EN, "Secretary of State Marco Rubio will skip the NATO meeting.", None),
    (NB, "Utenriksminister Espen Barth Eide dropper NATO-møtet, opplyser kilder til NRK.", "anonymous_sources"),
    (NB, "Utenriksminister Espen Barth Eide dropper NATO-møtet, skriver VG.", "media_reports"),
    (NB, "Utenriksminister Espen Barth Eide dropper NATO-møtet, bekrefter departementet.", "official"),
])
def test_attribution(run, language, text, attribution):
    (event,) = run(text, language, PUB).events
    assert event.attribution == attribution


@pytest.mark.parametrize("language, text, substitute", [
    (EN, "Secretary of State Marco Rubio will skip the NATO meeting. Christopher Landau, his deputy, "
         "will attend instead.", "Christopher Landau"),
    (EN, "Secretary of State Marco Rubio will skip the NATO meeting. Christopher Landau will represent the "
         "United States.", "Christopher Landau"),
    (EN, "Diplomats expect Christopher Landau to attend the NATO meeting instead of Marco Rubio.", "Christopher Landau"),
    (EN, "Secretary of State Marco Rubio sent his deputy, Christopher Landau, to the NATO meeting.", "Christopher Landau"),
    (NB, "Utenriksminister Marco Rubio dropper NATO-møtet. I stedet sender USA Christopher Landau.", "Christopher Landau"),
    (NB, "Utenriksminister Espen Barth Eide dropper NATO-møtet. Statssekretær Andreas Motzfeldt Kravik stiller "
         "i hans sted.", "Andreas Motzfeldt Kravik"),
])
def test_substitute_is_not_an_event_of_its_own(run, language, text, substitute):
    (event,) = run(text, language, PUB).events
    assert event.status == "absent" and event.substitute.name == substitute
    assert len(event.evidence) == 2 or "instead of" in text or "sent" in text


def test_a_stand_in_represents_their_own_country(run):
    record = run("President Vladimir Putin will not attend the G20 summit in Rio. President Joe Biden will attend "
                 "the summit, where he will represent the United States.", published="2024-11-10")
    assert sorted((e.person.name, e.status, e.substitute) for e in record.events) == [
        ("Joe Biden", "attending", None), ("Vladimir Putin", "absent", None)]


@pytest.mark.parametrize("language, text", [
    (EN, "President Vladimir Putin will not travel to the G20 summit in Rio but will join it by video link."),
    ("de", "Putin werde nicht persönlich zum G20-Gipfel reisen, sondern sich per Video zuschalten, sagte Peskow."),
    (EN, "President Vladimir Putin will not travel to the G20 summit. He will join it by video link from Moscow."),
])
def test_not_in_person_but_by_video_is_virtual_only(run, language, text):
    assert [e.status for e in run(text, language, "2024-11-10").events] == ["virtual"]


@pytest.mark.parametrize("language, text, date", [
    (EN, "Lavrov attended the OSCE ministerial council last year. This year's OSCE ministerial council is on "
         "December 4 and 5 in Vienna.", None),
    ("de", "Lawrow hatte im vergangenen Jahr am OSZE-Ministerrat auf Malta teilgenommen. Der OSZE-Ministerrat "
           "findet am 4. und 5. Dezember in Wien statt.", None),
])
def test_a_past_report_does_not_take_the_upcoming_meetings_date(run, language, text, date):
    (event,) = run(text, language, "2025-11-20").events
    assert event.meeting.date == date


@pytest.mark.parametrize("text, expected", [
    ("NATO foreign ministers met in Brussels. Norwegian Foreign Minister Espen Barth Eide and his French "
     "counterpart Jean-Noel Barrot were among those at the table.",
     [("Espen Barth Eide", "attending"), ("Jean-Noel Barrot", "attending")]),
    ("NATO defence ministers met on Thursday. British Defence Secretary John Healey and France's armed forces "
     "minister Catherine Vautrin both attended.", [("Catherine Vautrin", "attending"), ("John Healey", "attending")]),
    ("The NATO summit ended on Wednesday. Defense Secretary Pete Hegseth travelled with the president.",
     [("Pete Hegseth", "attending")]),
    ("The NATO summit ended on Wednesday. Spain's Pedro Sanchez, who was also present, repeated his view.",
     [("Pedro Sanchez", "attending")]),
    ("The EU foreign ministers' meeting will be chaired by Kaja Kallas, the EU's foreign policy chief.",
     [("Kaja Kallas", "attending")]),
    ("The G20 summit ended on Sunday. China's Premier Li Qiang attended in place of President Xi Jinping.",
     [("Xi Jinping", "absent")]),
    ("The G20 summit opened after President Donald Trump carried out his threat to boycott it.",
     [("Donald Trump", "absent")]),
    ("Tillerson will skip the NATO meeting in Brussels so that he can be in Florida for talks with Xi.",
     [("Rex Tillerson", "absent")]),
])
def test_attendance_in_context(run, text, expected):
    events = run(text, published="2025-06-26" if "Tillerson" not in text else "2017-03-20").events
    assert sorted((e.person.name, e.status) for e in events) == expected


@pytest.mark.parametrize("language, text, expected", [
    ("da", "Hegseth dropper mødet i Ramstein-gruppen. I stedet står Storbritanniens forsvarsminister, John Healey, "
           "i spidsen for mødet i Ramstein-gruppen.",
     [("John Healey", "attending", None), ("Pete Hegseth", "absent", None)]),
    ("da", "Milei har meldt afbud til G20-topmødet. EU er repræsenteret ved kommissionsformand Ursula von der Leyen.",
     [("Javier Milei", "absent", None)]),
])
def test_stand_ins_and_inverted_titled_subjects(run, language, text, expected):
    events = run(text, language, "2025-06-02").events
    assert sorted((e.person.name, e.status, e.substitute and e.substitute.name) for e in events) == expected


@pytest.mark.parametrize("language, text", [
    ("da", "Ungarske medier skrev mandag, at Péter Szijjártó ville blive væk fra NATO-mødet. Det afviste regeringen."),
    (EN, "Hungarian media reported that Péter Szijjártó would stay away from the NATO meeting. The government denied it."),
])
def test_a_denial_in_the_next_sentence(run, language, text):
    assert [e.modality for e in run(text, language, PUB).events] == ["denied"]


def test_both_meetings_are_the_two_just_named(run):
    record = run("The Ukraine Defense Contact Group meets on Wednesday and NATO defence ministers meet on Thursday. "
                 "British Defence Secretary John Healey will attend both meetings.", published="2025-02-10")
    assert sorted((e.meeting.organization, e.meeting.date) for e in record.events) == [
        ("NATO", "2025-02-13"), ("Ukraine Defense Contact Group", "2025-02-12")]


def test_a_countrys_absence_is_not_the_speakers(run):
    assert run("NATO ministers met on Wednesday. Healey played down the U.S. absence.").events == []


@pytest.mark.parametrize("language, text, names", [
    (EN, "Secretary of State Marco Rubio accompanied President Donald Trump to the NATO summit in The Hague.",
     ["Donald Trump", "Marco Rubio"]),
    (EN, "Prime Minister Jonas Gahr Store will attend the NATO summit together with Foreign Minister Espen Barth Eide.",
     ["Espen Barth Eide", "Jonas Gahr Store"]),
    (EN, "NATO Secretary General Mark Rutte was at the G7 summit, as was European Council President Antonio Costa.",
     ["Antonio Costa", "Mark Rutte"]),
    ("nn", "Statsminister Jonas Gahr Støre deltek på NATO-toppmøtet saman med utanriksminister Espen Barth Eide.",
     ["Espen Barth Eide", "Jonas Gahr Støre"]),
    ("sv", "Natos generalsekreterare Mark Rutte fanns på plats vid G7-toppmötet, liksom Europeiska rådets ordförande "
           "António Costa.", ["António Costa", "Mark Rutte"]),
])
def test_companions_attend_too(run, language, text, names):
    events = run(text, language, "2025-06-20").events
    assert sorted(e.person.name for e in events) == names and {e.status for e in events} == {"attending"}


def test_the_meeting_named_by_its_place(run):
    text = ("Trump left the G7 summit in Canada on Monday.\n\nThe NATO summit will be held in The Hague on June 24 "
            "and 25.\n\nZelensky has not yet decided whether to travel to The Hague.")
    (event,) = run(text, published="2025-06-17", title="Trump leaves G7 early").events
    assert (event.status, event.meeting.organization, event.meeting.date) == ("undecided", "NATO", "2025-06-24")


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "Le président brésilien Luiz Inácio Lula da Silva est à Brasilia. Le chef de l'État participera au sommet "
           "des BRICS.", [("Luiz Inácio Lula da Silva", "attending")]),
    ("es", "La cumbre iberoamericana se celebra en Cuenca. Tampoco acudirán el argentino Javier Milei ni el brasileño "
           "Luiz Inácio Lula da Silva.", [("Javier Milei", "absent"), ("Luiz Inácio Lula da Silva", "absent")]),
    (EN, "The UN General Assembly opens on Tuesday. President Vladimir Putin has not attended the assembly since 2015.",
     []),
    ("nb", "Kinas president Xi Jinping dropper BRICS-toppmøtet i Rio. Talskvinne Mao Ning ville ikke si hvorfor "
           "presidenten blir hjemme.", [("Xi Jinping", "absent")]),
])
def test_titles_lists_and_claims_in_context(run, language, text, expected):
    events = run(text, language, "2025-07-01").events
    assert sorted((e.person.name, e.status) for e in events) == expected


@pytest.mark.parametrize("text, expected", [
    # a relative clause's plan neither hedges nor supersedes the main verb
    ("Vice President JD Vance, who had been expected to lead the delegation, will also stay away from the G20 summit.",
     [("JD Vance", "absent", "planned")]),
    # "every G20 summit" is no one meeting, and the next meeting named is not taken for it
    ("Chinese President Xi Jinping, who has attended every G20 summit since 2013, will skip the gathering in "
     "Johannesburg this year.", [("Xi Jinping", "absent", "planned")]),
    ("Keir Starmer, Emmanuel Macron and Friedrich Merz are among the leaders who have confirmed their attendance at "
     "the G20 summit.", [("Emmanuel Macron", "attending", "confirmed"), ("Friedrich Merz", "attending", "confirmed"),
                         ("Keir Starmer", "attending", "confirmed")]),
    ("Neither Rubio nor Landau will attend the NATO meeting.",
     [("Christopher Landau", "absent", "planned"), ("Marco Rubio", "absent", "planned")]),
    ("Canada has not said whether Prime Minister Mark Carney, who faces a budget fight, will travel to the G20 summit.",
     [("Mark Carney", "undecided", "confirmed")]),
    ("The G20 summit opens in Johannesburg on Saturday. Foreign Minister Johann Wadephul said he would travel to "
     "Johannesburg with a message for his counterparts.", [("Johann Wadephul", "attending", "planned")]),
])
def test_clauses_around_the_subject(run, text, expected):
    events = run(text, EN, "2025-11-21").events
    assert sorted((e.person.name, e.status, e.modality) for e in events) == expected


@pytest.mark.parametrize("language, text", [
    (EN, "The Commonwealth summit opens in Samoa on Friday. Narendra Modi will not attend, busy with the BRICS summit."),
    ("es", "La Cumbre Iberoamericana se celebra este viernes en Cuenca. Tampoco estará el brasileño Lula, volcado en "
           "la preparación de la cumbre del G20."),
])
def test_a_meeting_in_an_aside_is_not_the_one_missed(run, language, text):
    absent = [e.meeting.organization for e in run(text, language, "2024-10-21").events if e.status == "absent"]
    assert absent and "G20" not in absent and "BRICS" not in absent


def test_a_meeting_named_by_its_day_is_the_one_held_that_day(run):
    text = ("The Ukraine Defense Contact Group meets in Brussels on Wednesday, and NATO defence ministers meet there "
            "on Thursday. Hegseth will skip Wednesday's meeting. He will attend Thursday's meeting.")
    events = sorted((e.status, e.meeting.organization, e.meeting.date) for e in run(text, EN, PUB).events)
    assert events == [("absent", "Ukraine Defense Contact Group", "2025-06-04"), ("attending", "NATO", "2025-06-05")]


@pytest.mark.parametrize("language, text, expected", [
    (EN, "The ASEAN summit opens in Kuala Lumpur on Sunday. China will be represented by Premier Li Qiang.",
     [("Li Qiang", "attending")]),
    (EN, "The G20 summit opens on Saturday. The EU will be represented by Ursula von der Leyen and António Costa.",
     [("António Costa", "attending"), ("Ursula von der Leyen", "attending")]),
    ("es", "La reunión del G20 se celebra en Johannesburgo. España estará representada por el ministro de Asuntos "
           "Exteriores, José Manuel Albares.", [("José Manuel Albares", "attending")]),
    # with an absence to fill, the one named is its substitute, not an event of their own
    (EN, "The ASEAN summit opens on Sunday. Xi Jinping will not attend. China will be represented by Premier Li Qiang.",
     [("Xi Jinping", "absent")]),
])
def test_represented_by_with_no_one_said_to_stay_away(run, language, text, expected):
    events = run(text, language, "2025-10-20").events
    assert sorted((e.person.name, e.status) for e in events) == expected


def test_a_written_alias_keeps_the_full_name_it_belongs_to(run):
    (event,) = run("El presidente Lula confirmó su asistencia a la cumbre del G20.", "es", "2025-11-21").events
    assert event.person.name == "Luiz Inácio Lula da Silva"


def test_role_only_substitute(run):
    (event,) = run("Foreign Minister Espen Barth Eide will skip the OSCE ministerial and will send a state "
                   "secretary.").events
    assert event.substitute.name is None and "state secretary" in event.substitute.role


def test_several_officials_in_one_article(run):
    record = run("Secretary of State Marco Rubio will skip the NATO foreign ministers' meeting on Wednesday. "
                 "Norwegian Foreign Minister Espen Barth Eide will attend.")
    assert sorted((e.person.name, e.status) for e in record.events) == [
        ("Espen Barth Eide", "attending"), ("Marco Rubio", "absent")]


def test_reports_of_one_event_merge_with_all_evidence(run):
    record = run("Secretary of State Marco Rubio will skip the NATO foreign ministers' meeting. Rubio's absence "
                 "on Wednesday worries allies.")
    (event,) = record.events
    assert len(event.evidence) == 2 and event.meeting.date == "2025-06-04"


@pytest.mark.parametrize("language, text", [
    (EN, "NATO foreign ministers will meet in Brussels next week to discuss Ukraine."),
    (EN, "Several ministers are expected to skip the NATO meeting."),
    (EN, "Secretary of State Marco Rubio will attend to the crisis at home."),
    (EN, "Secretary of State Marco Rubio has attended dozens of meetings with NATO allies."),
    (EN, "Before 2025 a senior American minister rarely chose to skip any NATO gathering, historians say."),
    (NB, "Utenriksminister Espen Barth Eide skal delta i debatten om NATO på Litteraturhuset."),
    (NB, "Flere ministre ventes å utebli fra NATO-møtet."),
])
def test_no_event(run, language, text):
    assert run(text, language, PUB).events == []


def test_reason_is_kept(run):
    (event,) = run("Secretary of State Marco Rubio will skip the NATO meeting because of a trip to Asia.").events
    assert event.reason == "a trip to Asia"
