"""The knowledge base's rules (docs/knowledge-base.md), as a list of problems naming file and line."""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Optional

from ..errors import KnowledgeBaseError
from ..language.data import FUNCTIONS
from ..textutil import fold
from .officeholders import DATA_DIR, read_aliases, read_terms

SINGLE_HOLDER = {"head_of_government", "foreign_minister", "defence_minister", "secretary_general",
                 "high_representative", "vice_head"}
EARLIEST = date(1990, 1, 1)


def check(extra: Optional[Path] = None, today: Optional[date] = None) -> list[str]:
    today = today or date.today()
    problems: list[str] = []
    terms, aliases = [], []
    for root in [DATA_DIR] + ([extra] if extra else []):
        for path in sorted((root / "offices").glob("*.csv")):
            try:
                terms.extend(read_terms(path))
            except KnowledgeBaseError as exc:
                problems.append(str(exc))
        for path in sorted((root / "aliases").glob("*.csv")):
            try:
                aliases.extend((path.name, line, a) for line, a in enumerate(read_aliases(path), 2))
            except KnowledgeBaseError as exc:
                problems.append(str(exc))
    names: dict[str, str] = {}
    for t in terms:
        where = f"{t.file}:{t.line}"
        if t.end and t.end < t.start:
            problems.append(f"{where}: ends ({t.end}) before it starts ({t.start})")
        if t.start > today or (t.end and t.end > today):
            problems.append(f"{where}: a date after today")
        if t.start < EARLIEST and t.end and t.end < EARLIEST:
            problems.append(f"{where}: ended before 1990")
        for f in t.functions:
            if f not in FUNCTIONS:
                problems.append(f"{where}: unknown function {f!r}")
        if not t.source.startswith(("http://", "https://")):
            problems.append(f"{where}: no source URL")
        if names.setdefault(t.person, t.name) != t.name:
            problems.append(f"{where}: {t.person} is called {t.name!r} here but {names[t.person]!r} elsewhere")
        if t.country and (len(t.country) != 2 or not t.country.isupper()):
            problems.append(f"{where}: country {t.country!r} should be an upper-case ISO 3166-1 alpha-2 code")
    problems.extend(_overlaps(terms))
    named: dict[str, set[str]] = defaultdict(set)   # two people may share a name; an alias must not
    for person, name in names.items():
        named[fold(name)].add(person)
    owners: dict[str, set[str]] = defaultdict(set)
    for file, line, (person, alias, note) in aliases:
        if person not in names:
            problems.append(f"{file}:{line}: alias {alias!r} names an unknown person {person!r}")
        if "ambiguous" not in note:
            owners[fold(alias)].add(person)
    for alias, people in owners.items():
        people = people | named.get(alias, set())
        if len(people) > 1:
            problems.append(f"aliases: {alias!r} resolves to {len(people)} people: {', '.join(sorted(people))}")
    return problems


def _overlaps(terms) -> list[str]:
    """Two holders of a single-holder office at once (a shared handover day is fine)."""
    out = []
    by_office = defaultdict(list)
    for t in terms:
        for f in t.functions:
            if f in SINGLE_HOLDER and "(acting)" not in t.office:
                by_office[(f, t.country or t.organization)].append(t)
    for (function, where), rows in by_office.items():
        rows.sort(key=lambda t: t.start)
        for a, b in zip(rows, rows[1:]):
            if a.person != b.person and (a.end is None or a.end > b.start):
                out.append(f"{b.file}:{b.line}: {b.name} starts {b.start} as {function} of {where} while "
                           f"{a.name} ({a.file}:{a.line}) is in office until {a.end or 'today'}")
    return out
