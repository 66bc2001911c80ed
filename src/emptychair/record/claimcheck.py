"""Set every historical claim extracted from articles against the record.

A claim is about the article's main report (its first absence, else its first event): that state's principal
at that organisation's meetings of that kind. The verdict is `supported`, `contradicted`, or `not decidable`,
with the reason (most often: the record does not cover enough of those meetings), and the evidence of both
sides: the claim's text and the meetings the record counted.

  streak           "the second time in a row": consecutive absences up to the article's meeting
  base_rate        "only twice in 21 years": absences in the window before the article
  last_occurrence  "the last time was in 2003": the year of the last absence before the article's meeting
  rarity           "highly unusual": the share of absences over the 20 years before (rare: at most 10%)
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional

from ..store.db import Database
from .link import series_id
from .report import MINISTERIALS, Attendance, Table, across_series, principal_attendance

RARE = 0.10
COMMON = 0.25


@dataclass
class Check:
    article: str
    kind: str
    text: str
    verdict: str
    why: str
    record: str


def check_claims(db: Database, article: Optional[str] = None) -> list[Check]:
    rows = db.query("SELECT a.article_id, a.published, a.record, c.kind, c.count, c.window_years, c.year, c.text "
                    "FROM claims c JOIN articles a ON a.pk = c.article_pk WHERE (CAST(? AS TEXT) IS NULL OR a.article_id = ?) "
                    "AND a.version = (SELECT MAX(version) FROM articles b WHERE b.article_id = a.article_id) "
                    "ORDER BY a.article_id, c.start_pos", (article, article))
    return [_check(db, *row) for row in rows]


def _check(db: Database, article_id, published, record_json, kind, count, window, year, text) -> Check:
    record = json.loads(record_json)
    events = record.get("events") or []
    main = next((e for e in events if e["status"] == "absent"), events[0] if events else None)
    when = published or ((record.get("published_window") or [None, None])[1])
    if main is None or not when:
        return Check(article_id, kind, text, "not decidable", "the article reports no event to anchor it", "")
    country = main["person"].get("country")
    organization, meeting_kind = main["meeting"]["organization"], main["meeting"].get("kind")
    if not country or not meeting_kind:
        return Check(article_id, kind, text, "not decidable",
                     "the claim's state or kind of meeting is unknown", "")
    series = series_id(organization, meeting_kind)
    meeting_date = main["meeting"].get("date") or when
    scope = f"{country} principal at {series}"
    if kind == "base_rate":
        since = _years_before(when, window or 20)
        rows = principal_attendance(db, series, country, since=since, until=when[:10])
        return _counted(article_id, kind, text, rows, count, f"{scope} since {since}")
    if kind == "streak":
        if meeting_kind in MINISTERIALS:   # "the second NATO ministerial in a row": foreign and defence alike
            rows = [a for _, a in across_series(db, country, organization, until=meeting_date)]
            scope = f"{country} principals at {organization} ministerials"
        else:
            rows = principal_attendance(db, series, country, until=meeting_date)
        got, known_run = _streak_to(rows, meeting_date, main["status"] == "absent")
        if got is None:
            return Check(article_id, kind, text, "not decidable", f"the record has no report on {scope} before "
                         f"{meeting_date}", _summary(rows[-3:]))
        verdict = "supported" if got == count else ("contradicted" if known_run else "not decidable")
        why = f"the record counts {got} in a row" + ("" if known_run else ", with gaps in coverage")
        return Check(article_id, kind, text, verdict, why, _summary(rows[-(got or 1) - 1:]))
    if kind == "last_occurrence":
        rows = [a for a in principal_attendance(db, series, country, until=when[:10])
                if a.start[:7] < meeting_date[:7]]
        absences = [a for a in rows if a.status == "absent"]
        coverage = _coverage(rows)
        if absences and year and int(absences[-1].start[:4]) == year:
            return Check(article_id, kind, text, "supported", f"the last absence on record is {absences[-1].start}",
                         _summary(absences[-1:]))
        if absences and year and int(absences[-1].start[:4]) > year:
            return Check(article_id, kind, text, "contradicted", f"the record has an absence on "
                         f"{absences[-1].start}, after {year}", _summary(absences[-1:]))
        return Check(article_id, kind, text, "not decidable", f"no absence on record since {year}; coverage of "
                     f"{scope} is {coverage}%", "")
    if kind == "rarity":
        rows = principal_attendance(db, series, country, since=_years_before(when, 20), until=when[:10])
        known = [a for a in rows if a.status in ("attending", "absent", "virtual")]
        if len(known) < 5 or _coverage(rows) < 50:
            return Check(article_id, kind, text, "not decidable", f"only {len(known)} of {len(rows)} meetings of "
                         f"{scope} in 20 years have a known status", "")
        share = sum(a.status == "absent" for a in known) / len(known)
        verdict = "supported" if share <= RARE else "contradicted" if share >= COMMON else "not decidable"
        return Check(article_id, kind, text, verdict, f"absent from {share:.0%} of {len(known)} meetings with a "
                     f"known status over 20 years (coverage {_coverage(rows)}%)", "")
    return Check(article_id, kind, text, "not decidable", f"no check for claims of kind {kind}", "")


def _counted(article_id, kind, text, rows: list[Attendance], count, scope) -> Check:
    absent = [a for a in rows if a.status == "absent"]
    coverage = _coverage(rows)
    record = _summary(absent)
    if count is None:
        return Check(article_id, kind, text, "not decidable", "the claim gives no number", record)
    if len(absent) > count:
        return Check(article_id, kind, text, "contradicted", f"the record has {len(absent)} absences of {scope}",
                     record)
    if len(absent) == count:
        return Check(article_id, kind, text, "supported", f"the record has {len(absent)} absences of {scope} "
                     f"(coverage {coverage}%)", record)
    verdict = "contradicted" if coverage == 100 else "not decidable"
    return Check(article_id, kind, text, verdict, f"the record has {len(absent)} absences of {scope}; coverage "
                 f"{coverage}% of {len(rows)} meetings", record)


def _streak_to(rows: list[Attendance], meeting_date: str, current_absent: bool):
    """Consecutive absences ending at the article's meeting (which counts when the article reports it)."""
    before = [a for a in rows if a.start[:7] < meeting_date[:7]]
    count, complete = (1 if current_absent else 0), True
    for a in reversed(before):
        if a.status == "absent":
            count += 1
        elif a.status is None:
            complete = False
            break
        else:
            break
    return (count if before or current_absent else None), complete


def _coverage(rows: list[Attendance]) -> int:
    return 100 * sum(a.status is not None for a in rows) // len(rows) if rows else 0


def _summary(rows: list[Attendance]) -> str:
    return "; ".join(f"{a.start} {a.holder or '?'} {a.status or 'no report'}" +
                     (f" (sent {a.sent})" if a.sent else "") for a in rows)


def _years_before(when: str, years: int) -> str:
    return f"{int(when[:4]) - years:04d}{when[4:10] if len(when) >= 10 else '-01-01'}"


def claims_table(checks: list[Check]) -> Table:
    table = Table("Claims checked against the record", ["article", "kind", "verdict", "why", "record", "claim"])
    for c in checks:
        table.rows.append([c.article, c.kind, c.verdict, c.why, c.record, c.text[:120]])
    counts = {v: sum(c.verdict == v for c in checks) for v in ("supported", "contradicted", "not decidable")}
    table.notes.append(", ".join(f"{n} {v}" for v, n in counts.items()))
    return table
