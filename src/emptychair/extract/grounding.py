"""Ground drafted events: resolve meeting dates, fill roles and countries, find reasons, build `Event`s."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from ..doc import Doc, Entity
from ..model import Event, Meeting, Person, Span
from . import dates as date_mentions
from .events import Draft, kinds_compatible, meeting_date


def events(doc: Doc, drafts: list[Draft]) -> list[Event]:
    out = []
    for d in drafts:
        entity = doc.entities[d.entity]
        when = _date(doc, d)
        meeting = Meeting(d.organization, d.kind or None, when, d.location, None if when else _year(doc, d))
        out.append(Event(
            person=_person(doc, entity),
            meeting=meeting,
            status=d.status,
            modality=_modality(doc, d, meeting.date),
            attribution=d.attribution,
            substitute=_substitute(doc, d),
            reason=_reason(doc, d) if d.status == "absent" else None,
            evidence=sorted(set(d.evidence), key=lambda s: s.start),
        ))
    out.sort(key=lambda e: e.evidence[0].start if e.evidence else 0)
    return out


def _modality(doc: Doc, d: Draft, when: Optional[str]) -> str:
    """Present tense about a meeting still ahead ("deltar ikke på møtet neste uke") is a plan, unless the
    trigger reports a decision already taken ("has cancelled his trip")."""
    if d.modality != "confirmed" or d.tense == "past" or d.trigger.act or d.status == "undecided":
        return d.modality
    ahead = any((doc.dates[i].offset or "").startswith("+") for i, _, _ in d.dates)
    if when and doc.published:
        ahead = ahead or when > doc.published.isoformat()[:len(when)]
    return "planned" if ahead else d.modality


def _person(doc: Doc, entity: Entity) -> Person:
    role = entity.role_title
    if role is None and entity.role_function:
        role = next((r.title for r in doc.lang.roles if r.function == entity.role_function), None)
    return Person(entity.name, role, entity.country, entity.kb_id, entity.affiliation)


def _substitute(doc: Doc, d: Draft) -> Optional[Person]:
    if not d.substitute:
        return None
    index, phrase = d.substitute
    if index is None:
        return Person(None, phrase)
    person = _person(doc, doc.entities[index])
    if person.role is None and phrase:
        person.role = phrase
    return person


def _date(doc: Doc, d: Draft) -> Optional[str]:
    """The meeting's date: where a report names it next to the meeting, else where the article names the
    same meeting again, else any date in the report's clause (which may be the day someone travels). Among
    the dates that agree with the first, the most precise ("neste uke" and "15. og 16. november")."""
    by_source = {"meeting": [], "clause": []}
    for i, tense, source in d.dates:
        value = _resolve(doc, doc.dates[i], tense)
        if value:
            by_source[source].append(value)
    own_meeting = d.meeting is not None and d.meeting.sentence == d.trigger.sentence
    if own_meeting or d.trigger.travel:
        values = by_source["meeting"] + _from_other_mentions(doc, d) + by_source["clause"]
    else:   # "I april deltog han via video": the report's own date before the meeting's elsewhere; a date
        # next to the meeting in another report of the same event still comes first
        values = by_source["meeting"] + by_source["clause"] + _from_other_mentions(doc, d)
    # "hatte im vergangenen Jahr am Ministerrat teilgenommen": only that year's meeting
    years = _years(doc, d)
    if years:
        values = [v for v in values if int(v[:4]) in years]
    if not values:
        return None
    first = values[0]
    agreeing = [v for v in values if v.startswith(first) or first.startswith(v)]
    return max(agreeing, key=len)


def _years(doc: Doc, d: Draft) -> set[int]:
    """Years the report's own words name without a month: "last year", "a year ago", "in 2019" ("since
    2003" may sit next to a plan, so a bare year counts only for past reports)."""
    mentions = [x for x in doc.dates if d.clause.start <= x.span.start < d.clause.end] + \
        [doc.dates[i] for i, _, _ in d.dates]
    years = {date_mentions.year_of(x, doc.published) for x in mentions if x.kind != "year" or d.tense == "past"}
    years.discard(None)
    return years


def _year(doc: Doc, d: Draft) -> Optional[int]:
    years = _years(doc, d)
    return years.pop() if len(years) == 1 else None


def _from_other_mentions(doc: Doc, d: Draft) -> list[str]:
    """"ministermøtet i april": the same meeting, dated where the article names it again; the article's
    topic meeting first."""
    out = []
    # "flyttet møtet til 31. mars. Tillerson deltok da": the mention just before the report, then the topic
    s = d.trigger.sentence
    near = [m for m in reversed(doc.meetings) if s - 2 <= m.sentence <= s and m.span.start < d.trigger.span.start
            and doc.sentences[m.sentence].paragraph == doc.sentences[s].paragraph]
    candidates = near + ([doc.topic] if doc.topic else []) + doc.meetings
    for m in candidates:
        if m is None or m.organization != d.organization or m.generic or not kinds_compatible(m.kind, d.kind):
            continue
        if m.past and d.tense != "past":
            continue   # "the last meeting" is not the one ahead
        i = meeting_date(doc, m)
        value = _resolve(doc, doc.dates[i], d.tense) if i is not None else None
        if value and doc.published and d.tense == "past":
            natural = _resolve(doc, doc.dates[i], None, across=True)   # where the article itself puts the date
            if max(value, natural or "") > doc.published.isoformat()[:len(value)]:
                continue   # a meeting still ahead is not the one a past-tense report is about
        if value and value not in out:
            out.append(value)
    return out


def _resolve(doc: Doc, mention, tense, across: bool = False) -> Optional[str]:
    """A date, with the year of its sentence (or of the two before it in the paragraph) when it names a month
    alone ("the August talks ... in 2007", "I 2017 ... I mars det året"); a weekday in an article about next
    week falls in next week."""
    if mention.month and not mention.year:
        year = _year_nearby(doc, mention.sentence, across=across or tense == "past")
        if year:
            return f"{year:04d}-{mention.month:02d}" + (f"-{mention.day:02d}" if mention.day else "")
    value = date_mentions.resolve(mention, doc.published, doc.window, tense)
    if value and mention.kind == "weekday" and not mention.offset and tense != "past" and doc.published \
            and _next_week_said(doc, mention.sentence):
        day = date.fromisoformat(value)
        next_monday = doc.published + timedelta(days=7 - doc.published.weekday())
        if day < next_monday:
            value = (day + timedelta(days=7)).isoformat()
    return value


def _year_nearby(doc: Doc, sentence: int, across: bool = False) -> Optional[int]:
    """The year of the sentence or of the two before it in the paragraph; for a past report, of the three
    before it across a paragraph break ("... in 2017. In March that year ... ¶ NATO moved the meeting to
    31 March. Tillerson attended after all.")."""
    paragraph = doc.sentences[sentence].paragraph
    for i in (sentence, sentence - 1, sentence - 2) + ((sentence - 3,) if across else ()):
        if i < 0 or (not across and doc.sentences[i].paragraph != paragraph):
            break
        years = [x.year for x in doc.dates if x.sentence == i and x.kind == "year" and x.year]
        if years and (i == sentence or not doc.published or years[0] < doc.published.year):
            return years[0]
    return None


def _next_week_said(doc: Doc, sentence: int) -> bool:
    return any(x.kind == "relative" and x.offset == "+1W" and abs(x.sentence - sentence) <= 3 for x in doc.dates)


def _reason(doc: Doc, d: Draft) -> Optional[str]:
    sentences = sorted({doc.sentence_at(s.start) for s in d.evidence} |
                       {p.sentence for p in doc.persons if p.entity == d.entity})
    for i in sentences:
        s = doc.sentences[i]
        for pattern in doc.lang.reason_res:
            m = pattern.search(doc.text, s.start, s.end)
            if m and not doc.in_quote(m.start()):
                return m.group("reason").strip()
    return None
