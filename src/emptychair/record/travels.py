"""Import the U.S. Office of the Historian's travel records (one XML file per officeholder, `<trip>` elements;
schema `trips.rnc`, public domain).

Every trip is kept as an official record. A trip whose remarks name a multilateral meeting ("Attended a NATO
Ministerial Meeting.", "Participated in the G7 Foreign Ministers' Meeting") becomes an attendance report with
the highest basis, linked to the meeting it fits in the record. A file with any invalid trip is refused as a
whole, naming the file and line.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Optional

from lxml import etree

from ..errors import EmptychairError
from ..kb import officeholders
from ..language import data as language_data
from ..store.db import Database
from ..textutil import fold
from .link import link, person_key

SOURCE = "history.state.gov travels"
ROLES = {"secretary": ("Secretary of State", "foreign_minister"),
         "president": ("President", "head_of_state")}
REQUIRED = ("id", "name", "start-date", "end-date")
KIND_FOR_ROLE = {"secretary": "foreign ministers", "president": "summit"}
MINISTERIAL_ORGS = {"NATO", "EU", "G7", "G20", "OSCE", "ASEAN"}


class TravelsError(EmptychairError):
    code = "travels"


@dataclass
class Trip:
    record_id: str
    role: str
    name: str
    start: str
    end: str
    country: str
    locale: str
    remarks: str
    line: int


def read(path: Path) -> list[Trip]:
    try:
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    except (OSError, etree.XMLSyntaxError) as exc:
        raise TravelsError(f"{path}: not readable XML ({exc}); nothing was imported") from None
    root = tree.getroot()
    if root.tag != "trips":
        raise TravelsError(f"{path}:{root.sourceline}: the root element is <{root.tag}>, not <trips>; nothing "
                           "was imported")
    trips, problems = [], []
    for element in root.iter("trip"):
        line = element.sourceline
        values = {child.tag: " ".join((child.text or "").split()) for child in element}
        missing = [f for f in REQUIRED if not values.get(f)]
        if missing:
            problems.append(f"{path}:{line}: <trip> lacks {', '.join('<' + m + '>' for m in missing)}")
            continue
        role = element.get("role") or values.get("role", "")
        if role not in ROLES:
            problems.append(f"{path}:{line}: role {role!r} is not one of {', '.join(ROLES)}")
            continue
        try:
            start, end = date.fromisoformat(values["start-date"]), date.fromisoformat(values["end-date"])
        except ValueError:
            problems.append(f"{path}:{line}: dates must be YYYY-MM-DD (got {values['start-date']!r}, "
                            f"{values['end-date']!r})")
            continue
        if end < start or start.year < 1776 or end > date.today():
            problems.append(f"{path}:{line}: dates out of range ({start} .. {end})")
            continue
        trips.append(Trip(values["id"], role, values["name"], start.isoformat(), end.isoformat(),
                          values.get("country", ""), values.get("locale", ""), values.get("remarks", ""), line))
    if problems:
        raise TravelsError("; ".join(problems[:20]) + "; nothing was imported")
    return trips


def meeting_in(remarks: str) -> Optional[tuple[str, Optional[str]]]:
    """(organisation, kind) of a multilateral meeting the remarks say was attended, if any."""
    lang = language_data.load("en")
    series = lang.series_re.search(remarks)
    if series:
        return lang.series[int(series.lastgroup[1:])]
    org = lang.org_re.search(remarks)
    meeting = lang.meeting_re.search(remarks)
    if not org or not meeting:
        return None
    if any(word in remarks.lower() for word in ("en route", "stopped", "briefed", "met with")) and \
            not any(word in remarks.lower() for word in ("attended", "participated", "took part")):
        return None
    organization = lang.organizations[int(next(k for k, v in org.groupdict().items() if v)[1:])]
    return organization, lang.meeting_kinds[int(meeting.lastgroup[1:])] or None


def _who(kb: officeholders.KnowledgeBase, name: str) -> Optional[str]:
    words = tuple(w for w in fold(name).replace(".", " ").split() if len(w) > 1)
    for candidate in (words, words[:1] + words[-1:]):
        ids = kb.lookup(candidate)
        if len(ids) == 1:
            return next(iter(ids))
    return None


def import_files(db: Database, paths: list[Path]) -> tuple[int, int]:
    """Import every file (each all or nothing). Returns (trips, attendance reports) added."""
    kb = officeholders.load()
    all_trips = [(path, read(path)) for path in paths]   # every file is checked before anything is written
    added_trips = added_reports = 0
    for path, trips in all_trips:
        with db.transaction():
            new_reports = []
            for t in trips:
                kb_id = _who(kb, t.name)
                key = person_key(kb_id, t.name)
                title, _ = ROLES[t.role]
                row = db.one("INSERT INTO official_records (source, record_id, person_key, person_name, role, "
                             "country, start_date, end_date, location, visited, remarks, file) VALUES "
                             "(?, ?, ?, ?, ?, 'US', ?, ?, ?, ?, ?, ?) ON CONFLICT (source, record_id) DO NOTHING "
                             "RETURNING pk",
                             (SOURCE, t.record_id, key, t.name, title, t.start, t.end, t.locale, t.country,
                              t.remarks, path.name))
                if row is None:
                    continue   # imported before
                added_trips += 1
                found = meeting_in(t.remarks)
                if found is None:
                    continue
                organization, kind = found
                if kind in (None, "ministerial") and organization in MINISTERIAL_ORGS:
                    kind = KIND_FOR_ROLE[t.role]
                name = kb.names.get(kb_id, t.name) if kb_id else t.name
                new_reports.append(db.one(
                    "INSERT INTO reports (official_pk, idx, person_key, person_name, role, country, kb_id, "
                    "organization, kind, meeting_date, location, status, modality, attribution, evidence, "
                    "reported_on) VALUES (?, 0, ?, ?, ?, 'US', ?, ?, ?, ?, ?, 'attending', 'confirmed', "
                    "'official', ?, ?) RETURNING pk",
                    (row[0], key, name, title, kb_id, organization, kind, t.start, t.locale,
                     f"{path.name}:{t.line}", t.end))[0])
            link(db, new_reports)
            added_reports += len(new_reports)
    return added_trips, added_reports
