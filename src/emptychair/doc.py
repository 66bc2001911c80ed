"""The working document: an article's text plus what each stage found in it.

Stages append mentions here; the last stage turns the doc into a `Record`. Mentions are located by
character offsets into `Doc.text` and by the index of their sentence.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from .language.data import Language
from .model import Article, Sentence, Span


@dataclass
class Entity:
    """One person as the article refers to them, across mentions."""
    name: Optional[str]
    kb_id: Optional[str] = None
    role_function: Optional[str] = None
    role_title: Optional[str] = None
    country: Optional[str] = None
    organization: Optional[str] = None
    affiliation: Optional[str] = None
    former: bool = False
    acting: bool = False        # "acting defence minister"

    @property
    def surname(self) -> Optional[str]:
        return self.name.split()[-1] if self.name else None


@dataclass
class PersonMention:
    span: Span
    sentence: int
    entity: int                 # index into Doc.entities
    kind: str                   # name, surname, role, pronoun
    possessive: bool = False
    role_span: Optional[Span] = None


@dataclass
class OrgMention:
    span: Span
    sentence: int
    organization: str
    weak: bool = False
    venue: bool = False         # "at NATO headquarters": a place, not whose meeting it is


@dataclass
class MeetingMention:
    """A phrase naming a meeting. `organization` may be filled from context later."""
    span: Span
    sentence: int
    kind: str
    organization: Optional[str] = None
    date_index: Optional[int] = None     # into Doc.dates
    location: Optional[str] = None
    past: bool = False                   # "the last meeting", "forrige møte"
    generic: bool = False                # "dozens of meetings": no one meeting


@dataclass
class DateMention:
    span: Span
    sentence: int
    kind: str                   # iso, day_month, weekday, month, year, relative
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    weekday: Optional[int] = None
    offset: Optional[str] = None       # relative: "+1M", "-1D"; others: "+"/"-" for "next"/"last"
    year_offset: Optional[int] = None  # "i oktober i fjor": October of the year before


@dataclass
class TriggerMention:
    span: Span
    sentence: int
    lemma: str
    status: str
    noun: bool
    past: bool
    anaphoric: bool = False     # "plans to do so": status comes from an earlier trigger
    act: bool = False           # a decision already taken ("has cancelled"): confirmed
    passive: bool = False       # "chaired by X", "as did X": the subject comes after
    travel: bool = False        # a journey: its date is not the meeting's


@dataclass
class Doc:
    article: Article
    text: str
    lang: Language
    published: Optional[date] = None          # reference date, when known to the day
    published_month: Optional[tuple[int, int]] = None
    window: Optional[tuple[date, date]] = None
    sentences: list[Sentence] = field(default_factory=list)
    quote_spans: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    persons: list[PersonMention] = field(default_factory=list)
    orgs: list[OrgMention] = field(default_factory=list)
    meetings: list[MeetingMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    triggers: list[TriggerMention] = field(default_factory=list)
    roles: list = field(default_factory=list)                 # people.RolePhrase, named or not
    topic: Optional[MeetingMention] = None                    # the meeting the article is about
    _starts: list[int] = field(default_factory=list, repr=False)
    _gated: dict = field(default_factory=dict, repr=False)

    def index_sentences(self) -> None:
        self._starts = [s.start for s in self.sentences]

    def sentence_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def sentence_text(self, i: int) -> str:
        s = self.sentences[i]
        return self.text[s.start:s.end]

    def in_quote(self, pos: int) -> bool:
        return any(q.contains(pos) for q in self.quote_spans)

    def in_sentence(self, items: list, i: int) -> list:
        return [m for m in items if m.sentence == i]

    def gated(self, gate) -> list[int]:
        """Indices of the sentences in which one of the gate's patterns may match."""
        key = id(gate)
        if key not in self._gated:
            self._gated[key] = sorted({self.sentence_at(p) for p in gate.positions(self.text)})
        return self._gated[key]

    def finditer(self, pattern, gate):
        """`pattern.finditer` over the sentences the gate lets through (runs of them searched at once)."""
        for start, end in self._ranges(gate):
            yield from pattern.finditer(self.text, start, end)

    def _ranges(self, gate) -> list[tuple[int, int]]:
        key = ("ranges", id(gate))
        if key not in self._gated:
            ranges: list[list[int]] = []
            for i in self.gated(gate):
                s = self.sentences[i]
                if ranges and ranges[-1][2] == i - 1:
                    ranges[-1][1], ranges[-1][2] = s.end, i
                else:
                    ranges.append([s.start, s.end, i])
            self._gated[key] = [(a, b) for a, b, _ in ranges]
        return self._gated[key]
