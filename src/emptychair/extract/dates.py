"""Find date expressions and resolve them against the publication date.

Month and weekday names come from CLDR (babel) through the language data; how dates are written and the
relative phrases ("next month", "neste måned") are in the language's data file. Resolution follows tense:
"in December" in a sentence about the past is the last December, in a plan it is the next one. A weekday
equal to the publication day's weekday is that day.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Optional

from ..doc import DateMention, Doc
from ..language.keywords import prepared
from ..model import Span

DATELINE = re.compile(r"^\s*(?:By [^\n]{0,80}?)?[A-ZÆØÅÄÖÜ][A-ZÆØÅÄÖÜ .'’-]{2,},?\s*$")


def find(doc: Doc) -> None:
    lang, text = doc.lang, doc.text
    found: list[DateMention] = []
    for m in _anchored(doc):
        i = int(m.lastgroup[1:])
        kind = lang.date_res[i][0]
        span = Span(m.start(), m.end())
        if _is_dateline(text, m.start()):
            continue
        groups = {k.split("__")[0]: v for k, v in m.groupdict().items() if k.endswith(f"__{i}")}
        mention = _mention(doc, kind, groups, m.group(), span)
        if mention:
            found.append(mention)
    taken = [d.span for d in found]
    for m in doc.finditer(lang.relative_re, lang.date_gate):
        span = Span(m.start(), m.end())
        if not any(span.overlaps(t) for t in taken):
            found.append(DateMention(span, doc.sentence_at(m.start()), "relative",
                                     offset=lang.relative_dates[m.group().lower()]))
    found.sort(key=lambda d: d.span.start)
    doc.dates = _month_with_year_offset(doc, found)




def _anchored(doc: Doc):
    """Date matches, searched only around the words a date needs (a month, a weekday, a year, a relative
    phrase's first word): the date patterns are costly to run over a whole text."""
    lang, text = doc.lang, doc.text
    anchors = lang.date_anchors
    windows: list[list[int]] = []
    for start, token in prepared(text)[1]:   # the words the prefilter already read
        if not (token in anchors or token[:3] in anchors or (len(token) == 4 and token.isdigit())):
            continue
        s = doc.sentences[doc.sentence_at(start)]
        lo, hi = max(s.start, start - 40), min(s.end, start + len(token) + 40)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    for lo, hi in windows:
        yield from lang.date_re.finditer(text, lo, hi)


def _month_with_year_offset(doc: Doc, found: list[DateMention]) -> list[DateMention]:
    """"in October last year", "i oktober i fjor": one date, the month of a year relative to publication."""
    out: list[DateMention] = []
    for d in found:
        prev = out[-1] if out else None
        if prev and d.kind == "relative" and (d.offset or "").endswith("Y") and prev.month and not prev.year \
                and 0 <= d.span.start - prev.span.end <= 3 and prev.sentence == d.sentence:
            prev.year_offset = int(d.offset[:-1])
            prev.span = Span(prev.span.start, d.span.end)
            continue
        out.append(d)
    return out


def _mention(doc: Doc, kind: str, g: dict, matched: str, span: Span) -> Optional[DateMention]:
    lang = doc.lang
    month = g.get("month")
    if month is not None:
        month = int(month) if month.isdigit() else lang.months.get(month.lower().rstrip("."))
        if not month or not 1 <= month <= 12:
            return None
    day = int(g["day"]) if g.get("day") else None
    year = int(g["year"]) if g.get("year") else None
    weekday = lang.weekdays.get(g["weekday"].lower()) if g.get("weekday") else None
    if day and month and year:
        try:
            date(year, month, day)
        except ValueError:
            return None
    direction = None
    words = matched.lower().split()
    if words and words[0] in lang.date_next_words:
        direction = "+"
    elif words and words[0] in lang.date_last_words:
        direction = "-"
    if direction is None and weekday is not None:   # "mardi prochain", "onsdag sist"
        following = doc.text[span.end:span.end + 12].lower().split()[:1]
        if following and following[0].strip(",.") in lang.date_next_words:
            direction = "+"
        elif following and following[0].strip(",.") in lang.date_last_words:
            direction = "-"
    return DateMention(span, doc.sentence_at(span.start), kind, year, month, day, weekday,
                       offset=direction)


def is_reporting(doc: Doc, d: DateMention) -> bool:
    """"the Pentagon said on Tuesday", "sa Eide torsdag": when it was said, not when the meeting is."""
    before = doc.text[max(doc.sentences[d.sentence].start, d.span.start - 40):d.span.start]
    return bool(doc.lang.reporting_re.search(before))


def _is_dateline(text: str, pos: int) -> bool:
    """"BRUSSELS, Jan 29 (Reuters) –": the date the story was filed, not of anything in it."""
    line_start = text.rfind("\n", 0, pos) + 1
    return bool(DATELINE.match(text[line_start:pos]))


def resolve(d: DateMention, ref: Optional[date], window: Optional[tuple[date, date]],
            tense: Optional[str]) -> Optional[str]:
    """`YYYY-MM-DD` or `YYYY-MM` for a mention, given the reference date or window and tense ("past",
    "future" or None). None when the text does not pin a day or a month."""
    if d.kind == "year":
        return None
    if d.year_offset is not None and d.month and (ref or window):
        year = (ref or window[1]).year + d.year_offset
        return f"{year:04d}-{d.month:02d}" + (f"-{d.day:02d}" if d.day else "")
    if d.year and d.month:
        return f"{d.year:04d}-{d.month:02d}" + (f"-{d.day:02d}" if d.day else "")
    if ref is None:
        if window is None:
            return None
        if d.kind in ("weekday", "relative"):
            return None   # "on Wednesday" in an undated article names no day we can know
        if d.month:   # the one year in which that month falls inside the window, if there is only one
            years = [y for y in range(window[0].year, window[1].year + 1)
                     if (y, d.month) >= (window[0].year, window[0].month) and (y, d.month) <= (window[1].year, window[1].month)]
            if len(years) == 1:
                return f"{years[0]:04d}-{d.month:02d}" + (f"-{d.day:02d}" if d.day else "")
        return None   # a month in an article that could be from several years: which year is unknown
    if d.kind == "relative":
        return _relative(d.offset, ref, tense)
    if d.weekday is not None:
        return _weekday(d.weekday, ref, d.offset or _sign(tense)).isoformat()
    tense = {"-": "past", "+": "future"}.get(d.offset or "", tense)   # "last November", "next April"
    if d.month and d.day:
        return _nearest_day(d.month, d.day, ref, tense)
    if d.month:
        year = ref.year
        if tense == "future" and d.month < ref.month:
            year += 1
        elif tense == "past" and d.month > ref.month:
            year -= 1
        elif tense is None and d.month - ref.month > 6:
            year -= 1
        elif tense is None and ref.month - d.month > 6:
            year += 1
        return f"{year:04d}-{d.month:02d}"
    return None


def year_of(d: DateMention, ref: Optional[date]) -> Optional[int]:
    """The year a mention names when it names no month: "in 2019", "im vergangenen Jahr"."""
    if d.kind == "year":
        return d.year
    m = re.fullmatch(r"([+-]?\d+)Y", d.offset or "")
    return ref.year + int(m.group(1)) if m and ref else None


def _sign(tense: Optional[str]) -> Optional[str]:
    return {"future": "+", "past": "-"}.get(tense or "")


def _weekday(weekday: int, ref: date, direction: Optional[str]) -> date:
    """Weekdays are 0 = Monday (CLDR's order too). The publication day's own weekday is that day."""
    ahead = (weekday - ref.weekday()) % 7
    back = (ref.weekday() - weekday) % 7
    if direction == "+" or (direction is None and ahead <= 4):   # present tense in news mostly means the days ahead
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


def _nearest_day(month: int, day: int, ref: date, tense: Optional[str]) -> Optional[str]:
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if day <= calendar.monthrange(year, month)[1]:
            candidates.append(date(year, month, day))
    if not candidates:
        return None
    if tense == "future":
        pool = [c for c in candidates if c >= ref - timedelta(days=7)] or candidates
    elif tense == "past":
        pool = [c for c in candidates if c <= ref + timedelta(days=7)] or candidates
    else:
        pool = candidates
    return min(pool, key=lambda c: abs((c - ref).days)).isoformat()


def _relative(offset: Optional[str], ref: date, tense: Optional[str] = None) -> Optional[str]:
    m = re.fullmatch(r"([+-]?\d+)([DWMYE])", offset or "")
    if not m:
        return None
    n, unit = int(m.group(1)), m.group(2)
    if unit == "E":   # the weekend: the Saturday of this week, or n weeks on; in a past report, the one just gone
        if n == 0 and tense == "past" and ref.weekday() < 5:
            return (ref - timedelta(days=ref.weekday() + 2)).isoformat()
        return (ref + timedelta(days=(5 - ref.weekday()) % 7 + 7 * n)).isoformat()
    if unit == "D":
        return (ref + timedelta(days=n)).isoformat()
    if unit == "W":   # a week names a month only when the whole week lies in it
        monday = ref - timedelta(days=ref.weekday()) + timedelta(days=7 * n)
        sunday = monday + timedelta(days=6)
        return f"{monday.year:04d}-{monday.month:02d}" if monday.month == sunday.month else None
    if unit == "M":
        index = ref.year * 12 + ref.month - 1 + n
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return None
