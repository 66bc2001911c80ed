"""Link reports into facts: one person at one meeting, with every report of it kept.

A report goes to a meeting of its organisation whose kind fits and whose dates contain the report's meeting
date (a day, or a month). A report without a date goes to the meeting its tense points at: the next one after
the article for a plan or an expectation, the last one before it for what already happened. A report that no
known meeting fits makes a new meeting, `origin = 'reports'`.

A fact's status follows from its reports by this rule (docs/record.md):
  1. the strongest basis wins: official record > official statement > sourced report > expectation;
  2. between reports of the same basis, the newer one wins (by the article's date, then by order stored);
  3. a denial of an absence ("denied reports that X would skip") counts as attending, and the other way round.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from ..store.db import Database
from ..textutil import fold, slug

BASIS = {"official_record": 4, "official": 3, "sourced": 2, "expectation": 1}
MINISTERS = {"ministerial", "foreign ministers", "defence ministers", "finance ministers"}
WINDOW_AHEAD = timedelta(days=120)
WINDOW_BEHIND = timedelta(days=120)
APPROXIMATE = timedelta(days=60)   # an undated report's meeting is at most this far from the article
MOVED = 14                         # days a meeting may be moved from its announced date


@dataclass
class Meeting:
    pk: int
    series: str
    kind: Optional[str]
    start: str
    end: Optional[str]
    origin: str


def person_key(kb_id: Optional[str], name: Optional[str]) -> str:
    if kb_id:
        return kb_id
    words = fold(name or "unknown").replace("-", " ").split()
    return "name:" + slug(" ".join(words[:1] + words[-1:]) if len(words) > 1 else " ".join(words))


def basis(source: str, attribution: Optional[str], modality: Optional[str]) -> str:
    if source == "official_record":
        return "official_record"
    if attribution == "official":
        return "official"
    if modality == "expected":
        return "expectation"
    return "sourced"


def effective_status(status: str, modality: Optional[str]) -> str:
    if modality == "denied":
        return {"absent": "attending", "attending": "absent"}.get(status, status)
    return status


def series_id(organization: str, kind: Optional[str]) -> str:
    return slug(f"{organization} {kind or 'meeting'}")


def kinds_fit(report_kind: Optional[str], meeting_kind: Optional[str]) -> bool:
    if not report_kind or not meeting_kind or report_kind == meeting_kind:
        return True
    return report_kind == "ministerial" and meeting_kind in MINISTERS


def _day(value: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def assign_meeting(db: Database, r: dict) -> int:
    """The meeting a report is about, creating one from the report when none is known."""
    meetings = [Meeting(*row) for row in db.query(
        "SELECT pk, series, kind, start_date, end_date, origin FROM meetings WHERE organization = ?",
        (r["organization"],))]
    fitting = [m for m in meetings if kinds_fit(r["kind"], m.kind)]
    when = r["meeting_date"]
    anchor = _day(r["reported_on"])
    chosen = None
    until = _day(r.get("until"))
    if when and len(when) >= 10 and until:   # an official trip: any meeting its days overlap
        day = date.fromisoformat(when[:10])
        chosen = _closest([m for m in fitting if _overlaps(m, day, until)], day)
    elif when and len(when) >= 10:
        day = date.fromisoformat(when[:10])
        chosen = _closest([m for m in fitting if _contains(m, day, slack=1)], day)
        if chosen is None:   # a date announced, then moved ("April 5-6", held on March 31): the series' calendar
            near = [m for m in fitting if m.origin != "reports" and _day(m.start)
                    and abs((_day(m.start) - day).days) <= MOVED]
            chosen = _closest(near, day) or \
                _closest([m for m in fitting if m.origin == "reports" and m.start == when[:7]], day)
    elif when and len(when) == 7:
        month = [m for m in fitting if m.start[:7] == when]
        first = date.fromisoformat(when + "-01")
        moved = [m for m in fitting if m.origin != "reports" and _day(m.start)   # "in April", moved to 31 March
                 and first - timedelta(days=MOVED) <= _day(m.start) <= first + timedelta(days=31 + MOVED)]
        chosen = _closest(month, anchor) if month else _closest(moved, first + timedelta(days=15))
    elif anchor and r.get("meeting_year"):   # "a year ago": that year's meeting nearest the same time of year
        year = [m for m in fitting if m.start[:4] == str(r["meeting_year"]) and _day(m.start)]
        same_time = _shift_year(anchor, r["meeting_year"])
        chosen = min(year, key=lambda m: abs((_day(m.start) - same_time).days)) if year else None
        if chosen is None:
            anchor = same_time
    elif anchor:
        ahead = r["modality"] in ("planned", "expected", "denied") or r["tense"] == "future"
        if ahead:
            pool = [m for m in fitting if _day(m.start) and anchor - timedelta(days=1) <= _day(m.start) <= anchor + WINDOW_AHEAD]
            chosen = min(pool, key=lambda m: m.start) if pool else None
        else:   # stated as fact: the meeting in progress, just past, or (present tense) just ahead
            pool = [m for m in fitting if _day(m.start) and anchor - WINDOW_BEHIND <= _day(m.start) <= anchor + APPROXIMATE]
            chosen = min(pool, key=lambda m: (abs((_day(m.start) - anchor).days), m.start)) if pool else None
        if chosen is None:
            approximate = [m for m in fitting if m.start.startswith("~") and _day(m.start[1:])
                           and abs(_day(m.start[1:]) - anchor) <= APPROXIMATE]
            chosen = approximate[0] if approximate else None
    if chosen is not None:
        if chosen.origin == "reports" and when and len(when) > len(chosen.start):
            db.execute("UPDATE meetings SET start_date = ?, end_date = ? WHERE pk = ? AND NOT EXISTS "
                       "(SELECT 1 FROM meetings WHERE series = ? AND start_date = ?)",
                       (when, when, chosen.pk, chosen.series, when))   # a day now known for a month's meeting
        return chosen.pk
    # no known meeting: start one; an undated report's meeting is "~" + the article's date until a dated
    # report of the same series comes within reach and takes it over
    start = when or ("~" + anchor.isoformat() if anchor else "unknown")
    series = series_id(r["organization"], r["kind"])
    row = db.one("SELECT pk FROM meetings WHERE series = ? AND start_date = ?", (series, start))
    if row:
        return row[0]
    pk = db.one("INSERT INTO meetings (series, organization, kind, start_date, end_date, location, origin) "
                "VALUES (?, ?, ?, ?, ?, ?, 'reports') RETURNING pk",
                (series, r["organization"], r["kind"], start, when if when and len(when) == 10 else None,
                 r["location"]))[0]
    if when and len(when) >= 10:
        _absorb_approximate(db, pk, series, date.fromisoformat(when[:10]))
    return pk


def _absorb_approximate(db: Database, pk: int, series: str, day: date) -> None:
    """Reports that went to an undated meeting near this day were about this meeting."""
    for other, start in db.query("SELECT pk, start_date FROM meetings WHERE series = ? AND start_date LIKE '~%'",
                                 (series,)):
        if _day(start[1:]) and abs(_day(start[1:]) - day) <= APPROXIMATE:
            moved = [row[0] for row in db.query("SELECT pk FROM reports WHERE meeting_pk = ?", (other,))]
            db.execute("UPDATE reports SET meeting_pk = NULL, fact_pk = NULL WHERE meeting_pk = ?", (other,))
            db.execute("DELETE FROM facts WHERE meeting_pk = ?", (other,))
            db.execute("DELETE FROM meetings WHERE pk = ?", (other,))
            link(db, moved)


def _shift_year(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:   # 29 February
        return day.replace(year=year, day=28)


def _contains(m: Meeting, day: date, slack: int) -> bool:
    start, end = _day(m.start), _day(m.end) or _day(m.start)
    return bool(start) and start - timedelta(days=slack) <= day <= end + timedelta(days=slack)


def _overlaps(m: Meeting, first: date, last: date) -> bool:
    start, end = _day(m.start), _day(m.end) or _day(m.start)
    return bool(start) and start <= last + timedelta(days=1) and first - timedelta(days=1) <= end


def _closest(meetings: list[Meeting], anchor: Optional[date]) -> Optional[Meeting]:
    if not meetings:
        return None
    if anchor is None:
        return meetings[0]
    return min(meetings, key=lambda m: abs(((_day(m.start) or anchor) - anchor).days))


REPORT_COLUMNS = ("pk", "person_key", "person_name", "role", "country", "kb_id", "organization", "kind",
                  "meeting_date", "location", "status", "modality", "attribution", "substitute_name",
                  "substitute_role", "reported_on", "official_pk", "meeting_year")


def link(db: Database, report_pks: list[int]) -> set[int]:
    """Give each report its meeting and fact; recompute the facts it touched. Returns those facts."""
    touched: set[int] = set()
    for pk in report_pks:
        row = db.one(f"SELECT {', '.join(REPORT_COLUMNS)} FROM reports WHERE pk = ?", (pk,))
        r = dict(zip(REPORT_COLUMNS, row))
        r["tense"] = None
        if r["official_pk"]:
            r["until"] = db.one("SELECT end_date FROM official_records WHERE pk = ?", (r["official_pk"],))[0]
        meeting = assign_meeting(db, r)
        fact = db.one("SELECT pk FROM facts WHERE meeting_pk = ? AND person_key = ?", (meeting, r["person_key"]))
        if fact is None:
            fact = db.one("INSERT INTO facts (meeting_pk, person_key, person_name, role, country, kb_id) "
                          "VALUES (?, ?, ?, ?, ?, ?) RETURNING pk",
                          (meeting, r["person_key"], r["person_name"], r["role"], r["country"], r["kb_id"]))
        db.execute("UPDATE reports SET meeting_pk = ?, fact_pk = ? WHERE pk = ?", (meeting, fact[0], pk))
        touched.add(fact[0])
    for fact in touched:
        recompute(db, fact)
    return touched


def recompute(db: Database, fact_pk: int) -> None:
    rows = db.query("SELECT r.pk, r.status, r.modality, r.attribution, r.official_pk, r.reported_on, "
                    "r.substitute_name, r.substitute_role, r.person_name, r.role, r.country, r.kb_id "
                    "FROM reports r WHERE r.fact_pk = ?", (fact_pk,))
    if not rows:
        db.execute("DELETE FROM facts WHERE pk = ?", (fact_pk,))
        return

    def rank(row):
        source = "official_record" if row[4] else "article"
        return BASIS[basis(source, row[3], row[2])], row[5] or "", row[0]

    best = max(rows, key=rank)
    source = "official_record" if best[4] else "article"
    status = effective_status(best[1], best[2])
    with_substitute = [r for r in rows if r[6] or r[7]]
    sub = max(with_substitute, key=rank) if with_substitute and status == "absent" else None
    named = max(rows, key=lambda r: (bool(r[11]), len(r[8] or ""), r[0]))
    db.execute("UPDATE facts SET status = ?, basis = ?, decided_by = ?, substitute_name = ?, substitute_role = ?, "
               "person_name = ?, role = COALESCE(?, role), country = COALESCE(?, country), kb_id = COALESCE(?, kb_id) "
               "WHERE pk = ?",
               (status, basis(source, best[3], best[2]), best[0], sub[6] if sub else None,
                sub[7] if sub else None, named[8], named[9], named[10], named[11], fact_pk))


def relink_all(db: Database) -> int:
    """Recompute every meeting assignment and fact (after a calendar import, say)."""
    with db.transaction():
        db.execute("UPDATE reports SET meeting_pk = NULL, fact_pk = NULL")
        db.execute("DELETE FROM facts")
        db.execute("DELETE FROM meetings WHERE origin = 'reports'")
        pks = [row[0] for row in db.query("SELECT pk FROM reports ORDER BY official_pk IS NULL, pk")]
        link(db, pks)
    return len(pks)
