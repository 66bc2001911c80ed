"""Questions the record answers, as tables: who represented each state at a series' meetings; an office's
attendance history, base rate and streak; a state's run of meetings without its principal.

Every function returns a `Table` (title, columns, rows, notes); `format_table` renders it for a terminal, as
JSON, CSV or Markdown. The coverage of the record (meetings with a known status) is always stated.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from ..kb import officeholders
from ..store.db import Database

PRINCIPAL = {"foreign ministers": "foreign_minister", "defence ministers": "defence_minister",
             "finance ministers": "finance_minister", "summit": "head_of_government"}
STATUS_WORD = {"attending": "attended", "absent": "absent", "virtual": "joined remotely", "undecided": "undecided"}


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dicts(self) -> list[dict]:
        return [dict(zip(self.columns, row)) for row in self.rows]


@dataclass
class Attendance:
    """The principal of one state at one meeting, as the record knows it."""
    meeting_pk: int
    start: str
    location: Optional[str]
    holder: Optional[str]
    status: Optional[str]           # attending, absent, virtual, undecided, or None (no report)
    basis: Optional[str]
    sent: Optional[str]             # who went instead
    sources: int


def meetings_of(db: Database, series: str, since: Optional[str] = None, until: Optional[str] = None,
                informal: bool = False) -> list[tuple]:
    """The series' meetings. Where a calendar covers the series it is the denominator: a meeting known only
    from reports (a date announced and then moved) is left out; elsewhere the reported meetings are all
    there is."""
    calendared = db.one("SELECT 1 FROM meetings WHERE series = ? AND origin <> 'reports' LIMIT 1", (series,))
    return db.query("SELECT pk, start_date, end_date, location, kind, informal FROM meetings WHERE series = ? "
                    "AND start_date >= ? AND start_date <= ? AND (informal = 0 OR ? = 1) AND (origin <> 'reports' OR ? = 1) "
                    "ORDER BY start_date",
                    (series, since or "0000", until or "9999", int(informal), int(calendared is None)))


def principal_attendance(db: Database, series: str, country: str, function: Optional[str] = None,
                         since: Optional[str] = None, until: Optional[str] = None) -> list[Attendance]:
    """Per meeting of the series: the office-holder of `country` and what the record says of them."""
    kb = officeholders.load()
    out = []
    for pk, start, _end, location, kind, _informal in meetings_of(db, series, since, until):
        fn = function or PRINCIPAL.get(kind or "", "head_of_government")
        day = date.fromisoformat(start[:10]) if len(start) >= 10 else None
        holders = [t.person for t in kb.holders(fn, country, day)] if day else []
        if fn == "head_of_government" and not holders and day:   # presidential systems
            holders = [t.person for t in kb.holders("head_of_state", country, day)]
        facts = db.query("SELECT f.person_key, f.status, f.basis, f.substitute_name, f.person_name, "
                         "(SELECT COUNT(*) FROM reports r WHERE r.fact_pk = f.pk) FROM facts f "
                         "WHERE f.meeting_pk = ? AND f.country = ?", (pk, country))
        mine = [f for f in facts if f[0] in holders]
        others = [f for f in facts if f[0] not in holders and f[1] in ("attending", "virtual")]
        holder = kb.names.get(holders[0]) if holders else None
        if mine:
            f = mine[0]
            sent = f[3] or (others[0][4] if f[1] == "absent" and others else None)
            out.append(Attendance(pk, start, location, f[4] or holder, f[1], f[2], sent, f[5]))
        else:
            sent = others[0][4] if others else None
            out.append(Attendance(pk, start, location, holder, None, None, sent, 0))
    return out


def office_report(db: Database, series: str, country: str, function: Optional[str] = None,
                  since: Optional[str] = None, until: Optional[str] = None) -> Table:
    rows = principal_attendance(db, series, country, function, since, until)
    table = Table(f"{country} at {series}" + (f" since {since}" if since else ""),
                  ["meeting", "location", "holder", "status", "basis", "instead", "reports"])
    for a in rows:
        status = STATUS_WORD.get(a.status or "", "no report")
        if a.status is None and a.sent:
            status = f"no report (other {country} delegate: {a.sent})"
        table.rows.append([a.start, a.location or "", a.holder or "", status, a.basis or "", a.sent or "",
                           a.sources])
    table.notes.extend(rate_notes(rows, series, since))
    return table


def rate_notes(rows: list[Attendance], series: str, since: Optional[str]) -> list[str]:
    known = [a for a in rows if a.status in ("attending", "absent", "virtual")]
    absent = [a for a in known if a.status == "absent"]
    notes = []
    if rows:
        notes.append(f"absent from {len(absent)} of {len(known)} meetings with a known status "
                     f"({len(rows)} meetings of {series}{' since ' + since if since else ''}; "
                     f"coverage {100 * len(known) // len(rows)}%)")
    streak = current_streak(rows)
    if streak:
        notes.append(f"{ordinal(streak)} consecutive meeting absent, up to {rows[-1].start}" if streak > 1
                     else f"absent from the latest meeting ({rows[-1].start})")
    return notes


def current_streak(rows: list[Attendance]) -> int:
    """Consecutive absences ending at the latest meeting with a report (meetings without one break it)."""
    count = 0
    for a in reversed(rows):
        if a.status is None and count == 0:
            continue   # meetings not yet reported on (the future, or a gap) before the latest known
        if a.status == "absent":
            count += 1
        else:
            break
    return count


MINISTERIALS = ("foreign ministers", "defence ministers")


def across_series(db: Database, country: str, organization: str, kinds: tuple[str, ...] = MINISTERIALS,
                  since: Optional[str] = None, until: Optional[str] = None) -> list[tuple[str, Attendance]]:
    """The state's principal at every meeting of the organisation's series of these kinds, in date order."""
    series = [row[0] for row in db.query(
        "SELECT DISTINCT series FROM meetings WHERE organization = ? AND kind IN (" + ",".join("?" * len(kinds)) +
        ")", (organization, *kinds))]
    rows = [(s, a) for s in series for a in principal_attendance(db, s, country, since=since, until=until)]
    return sorted(rows, key=lambda x: x[1].start)


def country_report(db: Database, country: str, organization: str, kinds: tuple[str, ...] = MINISTERIALS,
                   since: Optional[str] = None) -> Table:
    """Across an organisation's ministerial series: the state's principal at each meeting, in date order."""
    rows = across_series(db, country, organization, kinds, since)
    table = Table(f"{country} principals at {organization} {' and '.join(kinds)} meetings",
                  ["meeting", "series", "holder", "status", "instead"])
    for s, a in rows:
        table.rows.append([a.start, s, a.holder or "", STATUS_WORD.get(a.status or "", "no report"), a.sent or ""])
    streak = current_streak([a for _, a in rows])
    if streak:
        table.notes.append(f"{ordinal(streak)} consecutive {organization} ministerial without a {country} "
                           f"principal (minister of the meeting's portfolio)")
    return table


def series_report(db: Database, series: str, since: Optional[str] = None, country: Optional[str] = None) -> Table:
    """Each meeting and, per state, who represented it as the record knows, with basis and sources."""
    table = Table(f"{series}" + (f" since {since}" if since else ""),
                  ["meeting", "country", "person", "role", "status", "basis", "instead", "reports"])
    for pk, start, _end, _location, _kind, _informal in meetings_of(db, series, since, informal=True):
        facts = db.query("SELECT f.country, f.person_name, f.role, f.status, f.basis, f.substitute_name, "
                         "(SELECT COUNT(*) FROM reports r WHERE r.fact_pk = f.pk) FROM facts f WHERE f.meeting_pk = ? "
                         "AND (CAST(? AS TEXT) IS NULL OR f.country = ?) ORDER BY f.country, f.person_name",
                         (pk, country, country))
        if not facts:
            table.rows.append([start, country or "", "nobody known", "", "", "", "", 0])
        for c, name, role, status, basis, sub, n in facts:
            table.rows.append([start, c or "", name or "", role or "", STATUS_WORD.get(status or "", status or ""),
                               basis or "", sub or "", n])
    total = len(meetings_of(db, series, since, informal=True))
    covered = len({r[0] for r in table.rows if r[2] != "nobody known"})
    table.notes.append(f"{total} meetings; {covered} with at least one report")
    return table


def person_report(db: Database, key: str) -> Table:
    rows = db.query("SELECT m.start_date, m.series, m.location, f.status, f.basis, f.substitute_name, f.person_name, "
                    "(SELECT COUNT(*) FROM reports r WHERE r.fact_pk = f.pk) FROM facts f JOIN meetings m "
                    "ON m.pk = f.meeting_pk WHERE f.person_key = ? ORDER BY m.start_date", (key,))
    name = rows[0][6] if rows else key
    table = Table(f"{name}: attendance in the record", ["meeting", "series", "location", "status", "basis",
                                                         "instead", "reports"])
    for start, series, location, status, basis, sub, _name, n in rows:
        table.rows.append([start, series, location or "", STATUS_WORD.get(status or "", status or ""), basis or "",
                           sub or "", n])
    absent = sum(1 for r in rows if r[3] == "absent")
    table.notes.append(f"{len(rows)} meetings in the record, absent from {absent}")
    return table


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def format_table(table: Table, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps({"title": table.title, "rows": table.as_dicts(), "notes": table.notes},
                          ensure_ascii=False, indent=1)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows(table.rows)
        return buf.getvalue()
    if fmt == "markdown":
        lines = [f"### {table.title}", "", "| " + " | ".join(table.columns) + " |",
                 "|" + "---|" * len(table.columns)]
        lines += ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in table.rows]
        return "\n".join(lines + [""] + [f"- {n}" for n in table.notes]) + "\n"
    cells = [table.columns] + [[str(c) for c in row] for row in table.rows]
    widths = [min(40, max(len(r[i]) for r in cells)) for i in range(len(table.columns))]
    out = [table.title, ""]
    for i, row in enumerate(cells):
        out.append("  ".join(c[:w].ljust(w) for c, w in zip(row, widths)).rstrip())
        if i == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out + [""] + table.notes) + "\n"
