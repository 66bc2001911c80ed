"""The meeting calendar: meeting series and their dated meetings, the denominator of base rates.

Shipped calendars live in `data/calendar/*.csv`; users import more with `emptychair import calendar`. A CSV
row: series, organization, kind, start, end, location, informal (yes/no), source. A file with any bad row is
refused as a whole, with the file and line of every problem.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..errors import EmptychairError
from ..store.db import Database

DATA = Path(__file__).parent / "data" / "calendar"
COLUMNS = ("series", "organization", "kind", "start", "end", "location", "informal", "source")


class CalendarError(EmptychairError):
    code = "calendar"


@dataclass
class Row:
    series: str
    organization: str
    kind: str
    start: str
    end: str
    location: str
    informal: bool
    source: str


def read(path: Path) -> list[Row]:
    problems, rows = [], []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if tuple(h.strip() for h in header or ()) != COLUMNS:
                raise CalendarError(f"{path}:1: the header should be {','.join(COLUMNS)}, not "
                                    f"{','.join(header or [])}")
            for line, fields in enumerate(reader, 2):
                if not any(fields):
                    continue
                if len(fields) != len(COLUMNS):
                    problems.append(f"{path}:{line}: {len(fields)} fields, expected {len(COLUMNS)}")
                    continue
                v = dict(zip(COLUMNS, (f.strip() for f in fields)))
                try:
                    start, end = date.fromisoformat(v["start"]), date.fromisoformat(v["end"] or v["start"])
                except ValueError:
                    problems.append(f"{path}:{line}: dates must be YYYY-MM-DD (got {v['start']!r}, {v['end']!r})")
                    continue
                if end < start or start.year < 1945 or end > date.today().replace(year=date.today().year + 2):
                    problems.append(f"{path}:{line}: dates out of range ({start} .. {end})")
                    continue
                if not v["series"] or not v["organization"]:
                    problems.append(f"{path}:{line}: series and organization are required")
                    continue
                if v["informal"] not in ("yes", "no", ""):
                    problems.append(f"{path}:{line}: informal must be yes or no")
                    continue
                rows.append(Row(v["series"], v["organization"], v["kind"], start.isoformat(), end.isoformat(),
                                v["location"], v["informal"] == "yes", v["source"]))
    except (OSError, UnicodeDecodeError) as exc:
        raise CalendarError(f"{path}: cannot read it: {exc}") from None
    if problems:
        raise CalendarError("; ".join(problems[:20]) + (f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""))
    return rows


@lru_cache(maxsize=1)
def shipped() -> tuple[Row, ...]:
    """The calendars that ship with emptychair (also used to date undated articles)."""
    return tuple(row for path in sorted(DATA.glob("*.csv")) for row in read(path))


def load(db: Database, rows: list[Row]) -> int:
    """Add or update the meetings, all in one transaction."""
    with db.transaction():
        for r in rows:
            db.execute("INSERT INTO meetings (series, organization, kind, start_date, end_date, location, informal, "
                       "origin, source) VALUES (?, ?, ?, ?, ?, ?, ?, 'calendar', ?) "
                       "ON CONFLICT (series, start_date) DO UPDATE SET end_date = excluded.end_date, "
                       "location = excluded.location, informal = excluded.informal, origin = 'calendar', "
                       "source = excluded.source",
                       (r.series, r.organization, r.kind, r.start, r.end, r.location, int(r.informal), r.source))
    return len(rows)


def ensure(db: Database) -> None:
    """A new database starts with the shipped calendars."""
    if db.one("SELECT 1 FROM meetings WHERE origin = 'calendar' LIMIT 1") is None:
        for path in sorted(DATA.glob("*.csv")):
            load(db, read(path))
