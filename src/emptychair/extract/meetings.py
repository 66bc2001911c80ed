"""Find organisations, meetings and places.

A meeting is a meeting noun ("defence ministers’ meeting", "toppmøtet", "gathering") or a named series
("UN General Assembly", "Ramstein-møtet"). Its organisation is the organisation named next to it
("NATO defence ministers’ meeting", "møte i koalisjonen mot IS"), or, for a bare "Wednesday’s meeting", the
one the article was talking about (decided by the events stage). Weak names ("the alliance", "alliansen")
count only in articles that also name the organisation outright.
"""
from __future__ import annotations

import re
from typing import Optional

from ..doc import Doc, MeetingMention, OrgMention
from ..language.data import Language
from ..model import Span

ORG_BEFORE_GAP = 40
ORG_AFTER_GAP = 30


def find(doc: Doc) -> None:
    lang, text = doc.lang, doc.text
    for m in lang.org_re.finditer(text):
        doc.orgs.append(OrgMention(Span(m.start(), m.end()), doc.sentence_at(m.start()), _org(lang, m),
                                   venue=bool(lang.venue_re.match(text, m.end()))))
    strong = {o.organization for o in doc.orgs}
    strong |= set(title_organizations(doc.article.title or "", lang))
    taken = [o.span for o in doc.orgs]
    for m in lang.weak_org_re.finditer(text):
        org = _org(lang, m)
        span = Span(m.start(), m.end())
        if org in strong and not any(span.overlaps(t) for t in taken):
            doc.orgs.append(OrgMention(span, doc.sentence_at(m.start()), org, weak=True))
    doc.orgs.sort(key=lambda o: o.span.start)

    series_spans = []
    for m in lang.series_re.finditer(text):
        organization, kind = lang.series[int(m.lastgroup[1:])]
        span = Span(m.start(), m.end())
        series_spans.append(span)
        doc.meetings.append(MeetingMention(span, doc.sentence_at(m.start()), kind, organization,
                                           past=_past(lang, text, span), generic=_every(lang, text, span)))
    for m in lang.meeting_re.finditer(text):
        span = Span(m.start(), m.end())
        if any(span.overlaps(s) for s in series_spans):
            continue
        kind = lang.meeting_kinds[int(m.lastgroup[1:])]
        sentence = doc.sentence_at(m.start())
        doc.meetings.append(MeetingMention(span, sentence, kind, _nearby_org(doc, span, sentence),
                                           past=_past(lang, text, span), generic=_every(lang, text, span)))
    for m in lang.plural_meeting_re.finditer(text):   # "chair the meetings"; "dozens of meetings" is no one meeting
        span = Span(m.start(), m.end())
        if any(span.overlaps(x.span) for x in doc.meetings):
            continue
        sentence = doc.sentence_at(m.start())
        quantified = bool(lang.quantifier_re.search(text[max(0, m.start() - 30):m.start()]))
        doc.meetings.append(MeetingMention(span, sentence, "", _nearby_org(doc, span, sentence),
                                           past=_past(lang, text, span), generic=quantified))
    doc.meetings.sort(key=lambda mm: mm.span.start)
    # "European Council President Antonio Costa": the council in a title is not a meeting
    doc.meetings = [mm for mm in doc.meetings if not any(r.span.start <= mm.span.start and mm.span.end <= r.span.end
                                                         for r in doc.roles)]
    for mm in doc.meetings:
        mm.location = place_near(doc, mm.span, mm.sentence)
        if not mm.kind:   # "Thursday's meeting of the Ukraine Defense Contact Group": the series says the kind
            series = _adjacent_series(doc, mm)
            if series and mm.organization in (None, series.organization):
                mm.organization, mm.kind = series.organization, series.kind


def _adjacent_series(doc: Doc, mm: MeetingMention) -> Optional[MeetingMention]:
    for other in doc.meetings:
        if other is mm or other.sentence != mm.sentence or not other.kind or other.span.overlaps(mm.span):
            continue
        gap = doc.text[mm.span.end:other.span.start] if other.span.start >= mm.span.end \
            else doc.text[other.span.end:mm.span.start]
        if len(gap) <= 12 and not re.search(r"[,.;]", gap):
            return other
    return None


def _org(lang: Language, m: re.Match) -> str:
    return lang.organizations[int(next(k for k, v in m.groupdict().items() if v is not None)[1:])]


def _nearby_org(doc: Doc, span: Span, sentence: int) -> Optional[str]:
    best, best_gap = None, None
    for o in doc.orgs:
        if o.sentence != sentence or o.venue:
            continue
        if o.span.overlaps(span):
            gap = 0
        elif o.span.end <= span.start:
            between = doc.text[o.span.end:span.start]
            gap = len(between) if len(between) <= ORG_BEFORE_GAP and not re.search(r"[,.;]", between) else None
        else:
            between = doc.text[span.end:o.span.start]
            gap = len(between) if len(between) <= ORG_AFTER_GAP and not re.search(r"[,.;]", between) else None
        if gap is not None and (best_gap is None or gap < best_gap):
            best, best_gap = o.organization, gap
    return best


def _past(lang: Language, text: str, span: Span) -> bool:
    """"the last meeting", "forrige møte": a meeting that has already happened."""
    before = text[max(0, span.start - 30):span.start]
    words = before.split()[-3:]
    return bool(lang.modality_re["past"].search(" ".join(words))) and not re.search(r"(?i)\bnext\b", before)


def place_near(doc: Doc, span: Span, sentence: int) -> Optional[str]:
    s = doc.sentences[sentence]
    best, best_gap = None, None
    for m in doc.lang.place_re.finditer(doc.text, s.start, s.end):
        gap = m.start() - span.end if m.start() >= span.end else 3 * (span.start - m.end())
        if gap <= 45 and (best_gap is None or gap < best_gap):
            best, best_gap = doc.lang.places[m.group()], gap
    return best


def resolve_context(doc: Doc) -> None:
    """Meetings named without an organisation ("Wednesday’s meeting", "møtet") are the last one named in
    the same paragraph, or else the article's topic: the headline's meeting, or the first one it names."""
    title = title_meeting(doc.article.title or "", doc.lang)
    named = [m for m in doc.meetings if m.organization and not m.generic]
    if title:
        kind = title[1] or next((m.kind for m in named if m.organization == title[0] and m.kind), "")
        doc.topic = MeetingMention(Span(0, 0), -1, kind, title[0])
    elif named:
        doc.topic = named[0]
    days: dict[int, Optional[tuple]] = {}   # each mention's day, worked out once
    for m in doc.meetings:
        if not m.organization and any(p.possessive and p.kind != "pronoun" and 0 <= m.span.start - p.span.end <= 2
                                      for p in doc.persons):
            m.generic = True   # "Trumps møte med Kinas president", "Macron's meeting with Xi": theirs, not a series'
            continue
        if not m.organization:
            context = _same_day(doc, m, days) or context_meeting(doc, m.span.start)
            if context is not None:
                m.organization, m.kind = context.organization, m.kind or context.kind
            else:   # no meeting named yet: the organisation the article named last, a sentence or two before
                recent = [o for o in doc.orgs if not o.venue and o.span.start < m.span.start
                          and m.sentence - o.sentence <= 2]
                if recent:
                    m.organization = recent[-1].organization


def _same_day(doc: Doc, m: MeetingMention, days: dict) -> Optional[MeetingMention]:
    """"Wednesday's meeting" is the one named earlier with "on Wednesday", not merely the last one named."""
    def day_of(x: MeetingMention) -> Optional[tuple]:
        if id(x) not in days:
            days[id(x)] = _day_of(doc, x)
        return days[id(x)]
    day = day_of(m)
    if day is None:
        return None
    earlier = [n for n in doc.meetings if n.organization and not n.generic and n.span.end <= m.span.start
               and not doc.in_quote(n.span.start) and day_of(n) == day]
    return earlier[-1] if earlier else None


def _day_of(doc: Doc, m: MeetingMention) -> Optional[tuple]:
    """The weekday or day of the month written right next to a meeting mention, in its sentence."""
    def between(d) -> str:
        return doc.text[d.span.end:m.span.start] if d.span.end <= m.span.start else doc.text[m.span.end:d.span.start]
    near = [d for d in doc.dates if d.sentence == m.sentence and d.kind in ("weekday", "day_month", "iso")
            and len(between(d)) <= 25 and not re.search(r"[,;:]", between(d))
            and (d.span.end <= m.span.start or m.span.end <= d.span.start)]
    if not near:
        return None
    d = min(near, key=lambda d: len(between(d)))
    return ("weekday", d.weekday) if d.kind == "weekday" else ("day", d.month, d.day)


def context_meeting(doc: Doc, pos: int) -> Optional[MeetingMention]:
    paragraph = doc.sentences[doc.sentence_at(pos)].paragraph
    same = [m for m in doc.meetings if m.organization and not m.generic and m.span.end <= pos
            and doc.sentences[m.sentence].paragraph == paragraph and not doc.in_quote(m.span.start)]
    return same[-1] if same else doc.topic


def title_organizations(title: str, lang: Language) -> list[str]:
    return [_org(lang, m) for m in lang.org_re.finditer(title)]


def title_meeting(title: str, lang: Language) -> Optional[tuple[str, str]]:
    """(organisation, kind) of the meeting a headline names, if it names one."""
    for m in lang.series_re.finditer(title):
        return lang.series[int(m.lastgroup[1:])]
    orgs = title_organizations(title, lang)
    if not orgs:
        return None
    kind = ""
    for m in lang.meeting_re.finditer(title):
        kind = lang.meeting_kinds[int(m.lastgroup[1:])] or kind
    return orgs[0], kind


def _every(lang, text: str, span: Span) -> bool:
    """"has attended every G20 summit since 2013": "every" right before a singular meeting (at most two words
    between) makes it no one meeting either; "such a meeting" is still one."""
    before = text[max(0, span.start - 40):span.start]
    return any(len(before[q.end():].split()) <= 2 for q in lang.each_re.finditer(before))
