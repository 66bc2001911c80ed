from datetime import date

import pytest

from emptychair.doc import DateMention
from emptychair.extract.dates import resolve
from emptychair.model import Span

REF = date(2025, 12, 2)  # a Tuesday


def m(kind, **kw):
    return DateMention(Span(0, 1), 0, kind, **kw)


@pytest.mark.parametrize("mention, tense, expected", [
    (m("weekday", weekday=2), "future", "2025-12-03"),      # Wednesday after a Tuesday
    (m("weekday", weekday=1), "future", "2025-12-02"),      # the dateline's weekday is that day
    (m("weekday", weekday=0), "past", "2025-12-01"),
    (m("weekday", weekday=4), None, "2025-12-05"),          # no tense: the nearest Friday
    (m("weekday", weekday=5), None, "2025-12-06"),          # present tense leans to the days ahead
    (m("weekday", weekday=6), None, "2025-11-30"),
    (m("month", month=12), "past", "2025-12"),
    (m("month", month=1), "future", "2026-01"),
    (m("month", month=11), "future", "2026-11"),
    (m("month", month=11), "past", "2025-11"),
    (m("day_month", month=2, day=12), "future", "2026-02-12"),
    (m("day_month", month=11, day=28), "past", "2025-11-28"),
    (m("day_month", month=4, day=5, year=2017), None, "2017-04-05"),
    (m("relative", offset="+1M"), "future", "2026-01"),
    (m("relative", offset="0E"), "future", "2025-12-06"),   # "this weekend", ahead
    (m("relative", offset="0E"), "past", "2025-11-29"),     # "i helgen" in a past report: the one just gone
    (m("relative", offset="0M"), "future", "2025-12"),
    (m("relative", offset="+1D"), "future", "2025-12-03"),
    (m("relative", offset="-1D"), "past", "2025-12-01"),
    (m("year", year=2003), "past", None),
])
def test_resolve_against_publication_date(mention, tense, expected):
    assert resolve(mention, REF, None, tense) == expected


@pytest.mark.parametrize("mention, window, expected", [
    (m("month", month=4), (date(2017, 2, 1), date(2017, 10, 20)), "2017-04"),
    (m("weekday", weekday=2), (date(2017, 2, 1), date(2017, 10, 20)), None),
    (m("month", month=4), (date(2016, 11, 1), date(2017, 10, 20)), "2017-04"),
])
def test_resolve_in_an_undated_article(mention, window, expected):
    assert resolve(mention, None, window, "future") == expected


@pytest.mark.parametrize("text, language, published, expected", [
    ("Rubio will skip the NATO foreign ministers' meeting next month.", "en", "2025-11-10", "2025-12"),
    ("Rubio will skip Wednesday’s NATO foreign ministers' meeting.", "en", "2025-12-02", "2025-12-03"),
    ("In December Rubio stayed away from the previous NATO foreign ministers’ meeting.", "en", "2026-01-29", "2025-12"),
    ("Hegseth will miss the NATO defence ministers' meeting on Feb 12.", "en", "2026-01-29", "2026-02-12"),
    ("Utenriksminister Espen Barth Eide deltar ikke på NATOs utenriksministermøte 3. og 4. april.", "nb", "2025-03-20", "2025-04-03"),
    ("Utenriksminister Espen Barth Eide skal ikke delta på NATO-møtet i april.", "nb", "2025-03-20", "2025-04"),
    ("Utenriksminister Espen Barth Eide deltar ikke på torsdagens NATO-møte.", "nb", "2025-04-01", "2025-04-03"),
])
def test_meeting_dates_in_context(run, text, language, published, expected):
    (event,) = run(text, language, published).events
    assert event.meeting.date == expected
