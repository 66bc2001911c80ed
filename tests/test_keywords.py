import re

import pytest

from emptychair.language.keywords import Gate, required_anchors

# (pattern, a text it matches): the gate must never close on a text the pattern matches
CASES = [
    (r"skip(?:s|ped|ping)?", "Rubio skipped the meeting"),
    (r"(?:is|are) absent", "the ministers are absent"),
    (r"(?:boykottier|schwänz)(?:t|e|en)", "Trump boykottiert den Gipfel"),
    (r"(?:asist|acud)(?:irá|ió|e)\s+a", "Sánchez asistirá a la cumbre"),
    (r"ne (?:participer|assister)(?:a|ont)? pas", "il ne participera pas"),
    (r"(?:deltar|deltok)(?!\w)", "Støre deltok på møtet"),
    (r"sends? (?:a|his) deputy\b", "He sends his deputy"),
]


@pytest.mark.parametrize("pattern,text", CASES)
def test_gate_opens_on_every_match(pattern, text):
    assert re.search(pattern, text, re.I)
    assert Gate([rf"(?<!\w)(?:{pattern})"]).open(text)


@pytest.mark.parametrize("pattern,text", [
    (r"skip(?:s|ped)?", "the ministers met in Brussels"),
    (r"(?:is|are) absent", "absently, he nodded"),
])
def test_gate_closes_when_the_required_word_is_missing(pattern, text):
    assert not Gate([rf"(?<!\w)(?:{pattern})(?!\w)"]).open(text)


def test_word_ending_a_group_need_not_end_the_word():
    assert required_anchors(r"(?:boykottier|schwänz)(?:t|en)") == {("boykottier", True, False),
                                                                  ("schwänz", True, False)}
