"""Extract articles and store them with their record and evidence; link the reports into facts.

Each article is stored in one transaction, with its reports linked, before it is reported as stored: a
killed run loses nothing it reported, leaves no half-written article, and a re-run skips what is stored and
does the rest. The same text again changes nothing; another text under the same id is a new version, and
the old version stays.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Iterator, Optional

from ..ingest.files import Bad, read
from ..model import Article, Record
from ..pipeline import extract
from ..serialize import record_to_dict
from ..settings import Options
from ..store.db import Database
from . import calendar
from .link import link, person_key


@dataclass
class Outcome:
    id: str
    status: str            # stored, new_version, unchanged, failed
    events: int = 0
    message: str = ""
    source: Optional[str] = None


def ingest(db: Database, paths: Iterable[str], options: Optional[Options] = None) -> Iterator[Outcome]:
    options = options or Options()
    calendar.ensure(db)
    for item in read(paths, options.max_bytes):
        if isinstance(item, Bad):
            yield Outcome(item.id, "failed", message=str(item.error), source=item.source)
            continue
        yield store_article(db, item, options)


def store_article(db: Database, article: Article, options: Options) -> Outcome:
    digest = hashlib.sha256((article.text or article.html or "").encode("utf-8")).hexdigest()
    if db.one("SELECT 1 FROM articles WHERE article_id = ? AND sha256 = ?", (article.id, digest)):
        return Outcome(article.id, "unchanged", source=article.source)
    record = extract(article, options)
    if record.error:   # not stored: a later run with a fixed input or a newer emptychair retries it
        return Outcome(article.id, "failed", message=record.error.message, source=article.source)
    with db.transaction():
        previous = db.one("SELECT MAX(version) FROM articles WHERE article_id = ?", (article.id,))[0]
        version = (previous or 0) + 1
        text = record.text if record.text is not None else article.text
        article_pk = db.one(
            "INSERT INTO articles (article_id, version, sha256, url, language, published, title, text, source, "
            "record, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk",
            (article.id, version, digest, article.url, record.language, record.published, article.title, text,
             article.source, json.dumps(record_to_dict(record), ensure_ascii=False),
             datetime.now(timezone.utc).isoformat(timespec="seconds")))[0]
        reports = _store_reports(db, article_pk, record)
        _store_quotes_and_claims(db, article_pk, record)
        link(db, reports)
    return Outcome(article.id, "new_version" if previous else "stored", len(record.events), source=article.source)


def reported_on(record: Record) -> Optional[str]:
    if record.published:
        return record.published
    if record.published_window:
        return record.published_window[1]
    return None


def _store_reports(db: Database, article_pk: int, record: Record) -> list[int]:
    pks = []
    for i, e in enumerate(record.events):
        p, m, s = e.person, e.meeting, e.substitute
        pks.append(db.one(
            "INSERT INTO reports (article_pk, idx, person_key, person_name, role, country, kb_id, organization, "
            "kind, meeting_date, location, status, modality, attribution, substitute_name, substitute_role, "
            "reason, evidence, reported_on, meeting_year) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?) RETURNING pk",
            (article_pk, i, person_key(p.kb_id, p.name), p.name, p.role, p.country, p.kb_id, m.organization,
             m.kind, m.date, m.location, e.status, e.modality, e.attribution, s.name if s else None,
             s.role if s else None, e.reason, json.dumps([[x.start, x.end] for x in e.evidence]),
             reported_on(record), m.year))[0])
    return pks


def _store_quotes_and_claims(db: Database, article_pk: int, record: Record) -> None:
    db.executemany("INSERT INTO quotes (article_pk, speaker_name, affiliation, text, start_pos, end_pos) "
                   "VALUES (?, ?, ?, ?, ?, ?)",
                   [(article_pk, q.speaker.name, q.speaker.affiliation, q.text, q.span.start, q.span.end)
                    for q in record.quotes])
    db.executemany("INSERT INTO claims (article_pk, kind, count, window_years, year, text, start_pos, end_pos) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [(article_pk, c.kind, c.count, c.window_years, c.year, c.text, c.span.start, c.span.end)
                    for c in record.claims])
