import pytest

from emptychair.extract.sentences import split
from emptychair.language import data


@pytest.mark.parametrize("code, text, expected", [
    ("en", "U.S. Secretary of State Marco Rubio will go. He said so.", ["U.S. Secretary of State Marco Rubio will go.", "He said so."]),
    ("en", "Headline without stop\nBody starts here. And goes on.", ["Headline without stop", "Body starts here.", "And goes on."]),
    ("en", "Vice President J. D. Vance spoke on Feb. 3. Then he left.", ["Vice President J. D. Vance spoke on Feb. 3.", "Then he left."]),
    ("en", "“We will be there.” She smiled.", ["“We will be there.”", "She smiled."]),
    ("nb", "Møtet er 12. februar i Brussel. Han deltar ikke.", ["Møtet er 12. februar i Brussel.", "Han deltar ikke."]),
    ("nb", "Det gjelder bl.a. Norge. – Vi kommer, sier hun.", ["Det gjelder bl.a. Norge.", "– Vi kommer, sier hun."]),
])
def test_split(code, text, expected):
    assert [text[s.start:s.end] for s in split(text, data.load(code))] == expected
