"""Per-language behaviour, from one case file per language (tests/languages/<code>.toml).

Adding a language adds its case file; this module runs every case of every file:
  [[event]]       a sentence or two and the one event expected (person surname, status, modality, ...)
  [[no_event]]    text that must yield no event
  [[resolution]]  a surname-only, genitive or role-only mention and the person it must resolve to
  [[quote]]       a quote, its text and speaker
  [[claim]]       a historical claim and its kind and numbers
and checks that every article of the language's corpus is detected as that language.
"""
import json
import tomllib
from pathlib import Path

import pytest

from emptychair import extract
from emptychair.language import data
from emptychair.language.detect import detect

from conftest import CORPUS

CASES = Path(__file__).parent / "languages"
FILES = {p.stem: tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(CASES.glob("*.toml"))}


def cases(kind):
    out = []
    for code, spec in FILES.items():
        for i, case in enumerate(spec.get(kind, [])):
            out.append(pytest.param(code, case, id=f"{code}-{kind}-{i}"))
    return out


def run(code, case):
    published = case.get("published", FILES[code].get("published", "2025-06-02"))
    return extract({"id": "case", "language": code, "published": published or None, "text": case["text"]})


def surname(name):
    return name.split()[-1] if name else None


def test_every_language_has_cases_and_a_corpus():
    assert set(FILES) == set(data.available())
    for code in FILES:
        assert (CORPUS / code).is_dir(), f"tests/corpus/{code} is missing"


@pytest.mark.parametrize("code, case", cases("event"))
def test_event(code, case):
    events = run(code, case).events
    assert len(events) == 1, [(e.person.name, e.status, e.meeting.organization) for e in events]
    e = events[0]
    assert surname(e.person.name) == surname(case["person"])
    assert e.status == case["status"]
    for field in ("modality", "attribution"):
        if field in case:
            assert getattr(e, field) == case[field], field
    if "organization" in case:
        assert e.meeting.organization == case["organization"]
    if "kind" in case:
        assert e.meeting.kind == case["kind"]
    if "date" in case:
        assert e.meeting.date == case["date"]
    if "country" in case:
        assert e.person.country == case["country"]
    if "substitute" in case:
        assert e.substitute is not None and surname(e.substitute.name) == surname(case["substitute"])


@pytest.mark.parametrize("code, case", cases("no_event"))
def test_no_event(code, case):
    assert run(code, case).events == []


@pytest.mark.parametrize("code, case", cases("resolution"))
def test_resolution(code, case):
    events = run(code, case).events
    assert events, "no event to read the person from"
    person = events[0].person
    assert person.name == case["person"] and person.kb_id is not None
    if "country" in case:
        assert person.country == case["country"]


@pytest.mark.parametrize("code, case", cases("quote"))
def test_quote(code, case):
    quotes = run(code, case).quotes
    assert [q.text for q in quotes] == [case["quote"]]
    assert surname(quotes[0].speaker.name) == surname(case.get("speaker"))
    if "affiliation" in case:
        assert quotes[0].speaker.affiliation == case["affiliation"]


@pytest.mark.parametrize("code, case", cases("claim"))
def test_claim(code, case):
    claims = run(code, case).claims
    assert [c.kind for c in claims] == [case["kind"]]
    for field in ("count", "window_years", "year"):
        if field in case:
            assert getattr(claims[0], field) == case[field], field


@pytest.mark.parametrize("code", sorted(FILES))
def test_corpus_articles_are_detected_as_their_language(code):
    for path in sorted((CORPUS / code).glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        assert detect(article["text"])[0] == code, path.name
