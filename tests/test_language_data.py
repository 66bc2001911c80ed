"""Language data files load, follow the schema, and bad ones fail with an error naming file and entry."""
import time

import pytest

from emptychair.errors import LanguageDataError, UnsupportedLanguage
from emptychair.language import data

LANGUAGES = data.available()


@pytest.mark.parametrize("code", LANGUAGES)
def test_language_loads_quickly_with_its_parts(code):
    data.load.cache_clear()
    started = time.perf_counter()
    lang = data.load(code)
    assert time.perf_counter() - started < 1.0
    assert lang.code == code and lang.triggers and lang.roles and lang.organizations
    assert {t.status for t in lang.triggers} == {"absent", "attending", "virtual", "undecided"}
    assert set(lang.months.values()) == set(range(1, 13)) and set(lang.weekdays.values()) == set(range(7))


def _broken(tmp_path, monkeypatch, old, new):
    text = (data.DATA_DIR / "en.toml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "en.toml").write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    data.load.cache_clear()


@pytest.mark.parametrize("old, new, entry", [
    ('lemma = "skip"\nstatus = "absent"', 'lemma = "skip"\nstatus = "abscent"', "trigger[0] (skip)"),
    ("forms = ['skip', 'skips', 'skipping']", "forms = ['skip(', 'skips']", "trigger[0] (skip).forms[0]"),
    ('function = "foreign_minister"\ncountry = "US"', 'function = "foreign_ministry"\ncountry = "US"', "role[0]"),
    ('code = "en"', 'code = "de"', "language.code"),
    ("'as part of', 'as (?:a|an|the)'", "'as part of ', 'as (?:a|an|the)'", "text.adjunct_starts[0]"),
])
def test_schema_errors_name_file_and_entry(tmp_path, monkeypatch, old, new, entry):
    _broken(tmp_path, monkeypatch, old, new)
    with pytest.raises(LanguageDataError) as info:
        data.load("en")
    assert "en.toml" in str(info.value) and entry in str(info.value)
    data.load.cache_clear()


def test_not_toml_is_reported(tmp_path, monkeypatch):
    _broken(tmp_path, monkeypatch, "[language]", "[language")
    with pytest.raises(LanguageDataError, match="not valid TOML"):
        data.load("en")
    data.load.cache_clear()


def test_unknown_language_lists_the_supported_ones():
    with pytest.raises(UnsupportedLanguage, match="supported: .*en"):
        data.load("tlh")
