import pytest


@pytest.mark.parametrize("language, text, quote, speaker, affiliation", [
    ("en", "“We will be there for the allies,” said Jane Holm, a fellow at the Atlantic Council.",
     "We will be there for the allies,", "Jane Holm", "Atlantic Council"),
    ("en", "Secretary of State Marco Rubio met reporters. He said: “The alliance is stronger than ever before.”",
     "The alliance is stronger than ever before.", "Marco Rubio", None),
    ("en", "\"It is a bad signal for the alliance,\" a senior State Department official said.",
     "It is a bad signal for the alliance,", None, "State Department"),
    ("en", "“This meeting matters a great deal to us,” NATO Secretary General Mark Rutte said.",
     "This meeting matters a great deal to us,", "Mark Rutte", "NATO"),
    ("nb", "– Dette er et viktig møte for Norge, sier utenriksminister Espen Barth Eide.",
     "Dette er et viktig møte for Norge", "Espen Barth Eide", None),
    ("nb", "«Vi sender en sterk delegasjon til møtet,» sa Espen Barth Eide til NTB.",
     "Vi sender en sterk delegasjon til møtet,", "Espen Barth Eide", None),
    ("nb", "En tjenestemann i alliansen var tydelig.\n– Landene velger selv hvem de sender, sier tjenestemannen.",
     "Landene velger selv hvem de sender", None, "NATO"),
    ("en", "“We will not comment on travel plans,” said the State Department spokeswoman, Tammy Bruce.",
     "We will not comment on travel plans,", "Tammy Bruce", "State Department"),
    ("en", "“It is a bad signal for allies,” a senior State Department official said, adding that Hegseth agreed.",
     "It is a bad signal for allies,", None, "State Department"),
    ("es", "El portavoz del Kremlin, Dmitri Peskov, declaró: «El presidente tiene otros planes para esa semana».",
     "El presidente tiene otros planes para esa semana", "Dmitri Peskov", "Kremlin"),
    ("de", "Der Experte Stefan Kornelius sprach. „Das ist ein schlechtes Zeichen für alle“, sagte Kornelius.",
     "Das ist ein schlechtes Zeichen für alle", "Stefan Kornelius", None),
])
def test_quote_and_speaker(run, language, text, quote, speaker, affiliation):
    suffix = {"en": " Rubio will attend the NATO summit.", "nb": " Eide skal delta på NATO-møtet.",
              "es": " Rubio asistirá a la cumbre de la OTAN.", "de": " Rubio nimmt am Nato-Gipfel teil."}[language]
    record = run(text + suffix, language)
    (q,) = record.quotes
    assert q.text == quote and q.speaker.name == speaker and q.speaker.affiliation == affiliation
    assert record_text(text, q) == quote


def record_text(text, q):
    return text[q.span.start:q.span.end]


def test_continuation_quote_keeps_speaker(run):
    record = run("“We will be there for the allies,” Rutte said. “Nobody should doubt it at all.” "
                 "NATO Secretary General Mark Rutte will attend the NATO summit.")
    assert [q.speaker.name for q in record.quotes] == ["Mark Rutte", "Mark Rutte"]


def test_scare_quotes_are_not_quotes(run):
    record = run("Rubio called the NATO meeting “important” and said he would attend the NATO summit.")
    assert record.quotes == []


@pytest.mark.parametrize("language, text, kind, fields", [
    ("en", "Hegseth will skip the NATO meeting, the second time in a row that a U.S. minister stays away.",
     "streak", {"count": 2}),
    ("en", "Rubio will skip the NATO meeting. This has happened only twice in the past 21 years.",
     "base_rate", {"count": 2, "window_years": 21}),
    ("en", "Rubio will skip the NATO meeting. The last time a U.S. secretary missed it was in 2003.",
     "last_occurrence", {"year": 2003}),
    ("en", "Rubio will skip the NATO meeting, a rare absence for a U.S. secretary of state.", "rarity", {}),
    ("nb", "Eide dropper NATO-møtet for andre gang på rad.", "streak", {"count": 2}),
    ("nb", "Eide dropper NATO-møtet. Noe slikt har bare skjedd tre ganger på 25 år.", "base_rate",
     {"count": 3, "window_years": 25}),
    ("nb", "Eide dropper NATO-møtet. Forrige gang var i 2003.", "last_occurrence", {"year": 2003}),
    ("nb", "Det er høyst uvanlig at en norsk utenriksminister dropper NATO-møtet.", "rarity", {}),
])
def test_claims(run, language, text, kind, fields):
    claims = run(text, language).claims
    assert [c.kind for c in claims] == [kind]
    assert all(getattr(claims[0], k) == v for k, v in fields.items())


def test_claim_needs_attendance_context(run):
    assert run("A rare earth deal was signed at the NATO summit, the first time since 2003 that such talks took place "
               "in the hall.").claims == []


@pytest.mark.parametrize("language, word, number", [
    ("de", "dreißig", 30), ("de", "Zweimal", 2), ("en", "twice", 2), ("en", "21", 21), ("fr", "vingt", 20),
])
def test_number_words_fold_like_their_keys(language, word, number):
    from emptychair.language.data import load
    assert load(language).number(word) == number
