"""Date an undated article from what it says: who held which office, and which years it refers to.

Each person the knowledge base knows gives the periods in which the article could have been written: the
terms of the office the article gives them ("NATOs generalsekretær Jens Stoltenberg"), or all their terms
if it gives none. The window is the intersection of those periods, strongest evidence first; a constraint
that would leave nothing is set aside (an article may call someone by a past title).
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from ..doc import Doc
from .officeholders import KnowledgeBase

Periods = list[tuple[date, date]]


def window(doc: Doc, kb: KnowledgeBase, today: date) -> Optional[tuple[date, date]]:
    strong, weak = [], []
    for entity in doc.entities:
        if not entity.kb_id or entity.former:
            continue
        terms = kb.terms_of(entity.kb_id, entity.role_function) if entity.role_function else []
        if entity.acting:   # "fungerende forsvarsminister": the acting term, if the knowledge base has one
            terms = [t for t in terms if "(acting)" in t.office] or terms
        (strong if terms else weak).append(_periods(terms or kb.terms_of(entity.kb_id), today))
    if not strong and not weak:
        return None
    current: Periods = [(date(1900, 1, 1), today)]
    for periods in strong + weak:
        narrowed = _intersect(current, periods)
        if narrowed:
            current = narrowed
    for periods in _meetings_referred_to(doc):   # "NATO's summit on 11-12 July": the calendar knows the year
        narrowed = _intersect(current, periods)
        if narrowed:
            current = narrowed
    years = [d.year for d in doc.dates if d.year and d.year <= today.year and _told_as_past(doc, d.sentence)]
    if years:   # an article that tells of 2003 in the past tense was written in 2003 or later
        narrowed = _intersect(current, [(date(max(years), 1, 1), today)])
        current = narrowed or current
    lo, hi = current[-1]   # several periods left: the latest (news archives lean to the recent)
    return lo, min(hi, today)


def _meetings_referred_to(doc: Doc) -> list[Periods]:
    """For each day and month the article names for a meeting of an organisation whose calendar ships, the
    periods around the calendar's meetings on that day: an article is written within months of a meeting."""
    from ..record.calendar import shipped   # the calendar is data; reading it needs no database

    organizations = {o.organization for o in doc.orgs}
    out = []
    for d in doc.dates:
        if not (d.day and d.month) or d.year:
            continue
        exact, within = [], []   # the named day opens a meeting ("11-12 July"), or falls in one (or the eve)
        for row in shipped():
            if row.organization not in organizations or row.informal:
                continue
            start, end = date.fromisoformat(row.start), date.fromisoformat(row.end)
            if (start.month, start.day) == (d.month, d.day):
                exact.append(start)
            else:
                try:
                    named = date(start.year, d.month, d.day)
                except ValueError:
                    continue
                if start - timedelta(days=1) <= named <= end:
                    within.append(start)
        days = exact or within
        if days:
            out.append(_normalise([(s - timedelta(days=150), s + timedelta(days=60)) for s in days]))
    return out


def _told_as_past(doc: Doc, sentence: int) -> bool:
    text = doc.sentence_text(sentence)
    return bool(doc.lang.modality_re["past"].search(text)) and not doc.lang.modality_re["planned"].search(text)


def _periods(terms, today: date) -> Periods:
    return _normalise([(t.start, t.end or today) for t in terms])


def _intersect(a: Periods, b: Periods) -> Periods:
    out = []
    for lo1, hi1 in a:
        for lo2, hi2 in b:
            lo, hi = max(lo1, lo2), min(hi1, hi2)
            if lo <= hi:
                out.append((lo, hi))
    return _normalise(out)


def _normalise(periods: Periods) -> Periods:
    merged: Periods = []
    for lo, hi in sorted(periods):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged
