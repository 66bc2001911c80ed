"""Records to and from the JSON of the extraction-record format (README, "Output")."""
from __future__ import annotations

from typing import Optional

from .model import Claim, Event, Person, Quote, Record, Span


def record_to_dict(record: Record) -> dict:
    out = {
        "id": record.id,
        "language": record.language,
        "published": record.published,
        "published_window": list(record.published_window) if record.published_window else None,
        "events": [_event(e) for e in record.events],
        "quotes": [_quote(q) for q in record.quotes],
        "claims": [_claim(c) for c in record.claims],
    }
    if record.text is not None:
        out["text"] = record.text
    if record.error:
        out["error"] = {"code": record.error.code, "message": record.error.message}
        if record.source:
            out["source"] = record.source
    return out


def _person(p: Optional[Person], with_country: bool = True) -> Optional[dict]:
    if p is None:
        return None
    d = {"name": p.name, "role": p.role}
    if with_country:
        d["country"] = p.country
    if p.kb_id:
        d["kb_id"] = p.kb_id
    return d


def _spans(spans: list[Span]) -> list[dict]:
    return [{"start": s.start, "end": s.end} for s in spans]


def _event(e: Event) -> dict:
    return {
        "type": e.type,
        "person": _person(e.person),
        "meeting": {"organization": e.meeting.organization, "kind": e.meeting.kind, "date": e.meeting.date,
                    "location": e.meeting.location, **({"year": e.meeting.year} if e.meeting.year else {})},
        "status": e.status,
        "modality": e.modality,
        "attribution": e.attribution,
        "substitute": _person(e.substitute, with_country=False),
        "reason": e.reason,
        "evidence": _spans(e.evidence),
    }


def _quote(q: Quote) -> dict:
    return {"speaker": {"name": q.speaker.name, "affiliation": q.speaker.affiliation},
            "text": q.text, "start": q.span.start, "end": q.span.end}


def _claim(c: Claim) -> dict:
    d = {"kind": c.kind, "text": c.text, "start": c.span.start, "end": c.span.end}
    for name in ("count", "window_years", "year"):
        if getattr(c, name) is not None:
            d[name] = getattr(c, name)
    return d
