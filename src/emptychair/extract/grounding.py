"""Ground drafted events: resolve meeting dates, fill roles and countries, find reasons, build `Event`s."""
from __future__ import annotations

from typing import Optional

from ..doc import Doc, Entity
from ..model import Event, Meeting, Person, Span
from . import dates as date_mentions
from .events import Draft, kinds_compatible


def events(doc: Doc, drafts: list[Draft]) -> list[Event]:
    out = []
    for d in drafts:
        entity = doc.entities[d.entity]
        meeting = Meeting(d.organization, d.kind or None, _date(doc, d), d.location)
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
    if d.modality != "confirmed" or d.tense == "past" or d.trigger.act:
        return d.modality
    ahead = any((doc.dates[i].offset or "").startswith("+") for i, _ in d.dates)
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
    """The most precise date the reports give, among those that agree with the first."""
    values = [date_mentions.resolve(doc.dates[i], doc.published, doc.window, tense) for i, tense in d.dates]
    values = [v for v in values if v]
    if not values:
        values = _from_other_mentions(doc, d)
    if not values:
        return None
    first = values[0]
    agreeing = [v for v in values if v.startswith(first) or first.startswith(v)]
    return max(agreeing, key=len)


def _from_other_mentions(doc: Doc, d: Draft) -> list[str]:
    """"ministermøtet i april": the same meeting, dated where the article names it again."""
    past = d.tense == "past"
    out = []
    for m in doc.meetings:
        if m.organization != d.organization or m.past != past or not kinds_compatible(m.kind, d.kind):
            continue
        s = doc.sentences[m.sentence]
        near = [x for x in doc.dates if s.start <= x.span.start < s.end and x.kind != "year"
                and abs(x.span.start - m.span.end) <= 60]
        for x in near:
            value = date_mentions.resolve(x, doc.published, doc.window, d.tense)
            if value:
                out.append(value)
    return out


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
