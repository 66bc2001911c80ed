"""Undated articles are placed in a window from who held which office."""
import pytest


@pytest.mark.parametrize("text, language, lo, hi", [
    ("NATO Secretary General Jens Stoltenberg and Secretary of State Rex Tillerson met before the NATO summit, "
     "which Tillerson will attend.", "en", "2017-02-01", "2018-03-31"),
    ("NATOs generalsekretær Mark Rutte og utenriksminister Espen Barth Eide skal delta på NATO-møtet.", "nb",
     "2024-10-01", None),
])
def test_window(run, text, language, lo, hi):
    record = run(text, language, None)
    assert record.published_window is not None
    got_lo, got_hi = record.published_window
    assert got_lo == lo
    if hi:
        assert got_hi <= hi


def test_dated_articles_get_no_window(run):
    assert run("Secretary of State Rex Tillerson will skip the NATO meeting.", "en", "2017-03-21").published_window is None
