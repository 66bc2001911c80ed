"""The knowledge base of officeholders: who held which office when (docs/knowledge-base.md).

Loaded from the CSV files under `data/` (and any extra directory a user gives), indexed for the questions the
pipeline asks: which person is this name, who held this function for this country on this date, and when
was this person in office.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from ..errors import KnowledgeBaseError
from ..textutil import fold, surname

DATA_DIR = Path(__file__).parent / "data"
COLUMNS = ("person", "name", "office", "function", "country", "organization", "start", "end", "source")


@dataclass(frozen=True)
class Term:
    person: str
    name: str
    office: str
    functions: tuple[str, ...]
    country: Optional[str]
    organization: Optional[str]
    start: date
    end: Optional[date]
    source: str
    file: str = ""
    line: int = 0

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def overlaps(self, lo: date, hi: date) -> bool:
        return self.start <= hi and (self.end is None or lo <= self.end)


class KnowledgeBase:
    def __init__(self, terms: Iterable[Term], aliases: Iterable[tuple[str, str, str]] = ()):
        self.terms: list[Term] = sorted(terms, key=lambda t: (t.start, t.person))
        self.names: dict[str, str] = {}
        self.by_person: dict[str, list[Term]] = defaultdict(list)
        self.by_function: dict[tuple[str, str], list[Term]] = defaultdict(list)
        for t in self.terms:
            self.names.setdefault(t.person, t.name)
            self.by_person[t.person].append(t)
            for f in t.functions:
                self.by_function[(f, t.country or t.organization or "")].append(t)
        # name index: folded word tuples of full names and aliases; surnames separately
        self.full: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.aliases: list[tuple[str, str, str]] = list(aliases)
        self.aliases_of: dict[str, list[str]] = defaultdict(list)
        for person, alias, _note in self.aliases:
            self.aliases_of[person].append(alias)
        for person, name in self.names.items():
            self._index(person, name)
            self.surnames[fold(surname(name))].add(person)
        for person, alias, _note in self.aliases:
            self._index(person, alias)

    def _index(self, person: str, name: str) -> None:
        words = tuple(fold(name).replace("-", " ").replace(".", " ").split())
        if len(words) == 1:
            self.surnames[words[0]].add(person)
        elif words:
            self.full[words].add(person)

    def lookup(self, words: tuple[str, ...]) -> set[str]:
        """People whose full name or alias is exactly these (folded) words."""
        if len(words) == 1:
            return set(self.surnames.get(words[0], ()))
        return set(self.full.get(words, ()))

    def holders(self, function: str, where: str, lo: date, hi: Optional[date] = None) -> list[Term]:
        """Terms of `function` for a country code or organisation that overlap [lo, hi]."""
        hi = hi or lo
        return [t for t in self.by_function.get((function, where), ()) if t.overlaps(lo, hi)]

    def terms_of(self, person: str, function: Optional[str] = None) -> list[Term]:
        return [t for t in self.by_person.get(person, ()) if function is None or function in t.functions]

    def office_on(self, person: str, lo: date, hi: Optional[date] = None,
                  function: Optional[str] = None) -> Optional[Term]:
        """The person's term during [lo, hi], preferring `function`; the highest-ranked if several."""
        hi = hi or lo
        terms = [t for t in self.by_person.get(person, ()) if t.overlaps(lo, hi)]
        if function:
            terms = [t for t in terms if function in t.functions] or terms
        return min(terms, key=_rank) if terms else None


_RANK = ("head_of_state", "head_of_government", "secretary_general", "institution_president", "vice_head",
         "foreign_minister", "defence_minister", "high_representative", "deputy_secretary_general",
         "deputy_foreign_minister", "deputy_defence_minister", "under_secretary_foreign",
         "under_secretary_defence", "permanent_representative")


def _rank(term: Term) -> int:
    return min((_RANK.index(f) for f in term.functions if f in _RANK), default=len(_RANK))


def read_terms(path: Path) -> list[Term]:
    terms = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if tuple(header or ()) != COLUMNS:
            raise KnowledgeBaseError(path, 1, f"header should be {','.join(COLUMNS)}")
        for line, row in enumerate(reader, 2):
            if not row or not any(row):
                continue
            if len(row) != len(COLUMNS):
                raise KnowledgeBaseError(path, line, f"has {len(row)} fields, expected {len(COLUMNS)}")
            rec = dict(zip(COLUMNS, (c.strip() for c in row)))
            try:
                start = date.fromisoformat(rec["start"])
                end = date.fromisoformat(rec["end"]) if rec["end"] else None
            except ValueError as exc:
                raise KnowledgeBaseError(path, line, f"bad date ({exc}); use YYYY-MM-DD") from None
            terms.append(Term(rec["person"], rec["name"], rec["office"], tuple(rec["function"].split("|")),
                              rec["country"] or None, rec["organization"] or None, start, end, rec["source"],
                              path.name, line))
    return terms


def read_aliases(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if tuple(header or ())[:2] != ("person", "alias"):
            raise KnowledgeBaseError(path, 1, "header should be person,alias,note")
        out = []
        for line, row in enumerate(reader, 2):
            if not row or not any(row):
                continue
            if len(row) < 2 or not row[0].strip() or not row[1].strip():
                raise KnowledgeBaseError(path, line, "needs a person id and an alias")
            out.append((row[0].strip(), row[1].strip(), row[2].strip() if len(row) > 2 else ""))
    return out


def load(extra: Optional[Path] = None) -> KnowledgeBase:
    """The shipped knowledge base, plus the files of `extra` (a directory laid out like `data/`)."""
    return _load(str(extra) if extra else None)


@lru_cache(maxsize=4)
def _load(extra: Optional[str]) -> KnowledgeBase:
    roots = [DATA_DIR] + ([Path(extra)] if extra else [])
    terms, aliases = [], []
    for root in roots:
        for path in sorted((root / "offices").glob("*.csv")):
            terms.extend(read_terms(path))
        for path in sorted((root / "aliases").glob("*.csv")):
            aliases.extend(read_aliases(path))
    return KnowledgeBase(terms, aliases)
