"""Typed records passed between the pipeline's stages.

Input is an `Article`; output is a `Record`. In between, stages add `Sentence`s and mentions to a `Doc`.
Every extracted item keeps the character spans (`Span`, end exclusive) of the text that supports it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

STATUSES = ("absent", "attending", "virtual", "undecided")
MODALITIES = ("confirmed", "expected", "planned", "denied")
ATTRIBUTIONS = ("official", "anonymous_sources", "media_reports")
CLAIM_KINDS = ("streak", "base_rate", "last_occurrence", "rarity")


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


@dataclass
class Article:
    """One news article as read from input. `published` is `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or None."""
    id: str
    text: str = ""
    url: Optional[str] = None
    language: Optional[str] = None
    published: Optional[str] = None
    title: Optional[str] = None
    html: Optional[str] = None
    source: Optional[str] = None  # where it was read from: "file.jsonl:12"


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int


@dataclass
class Person:
    name: Optional[str]
    role: Optional[str] = None
    country: Optional[str] = None
    kb_id: Optional[str] = None
    affiliation: Optional[str] = None

    @property
    def resolved(self) -> bool:
        return self.kb_id is not None


@dataclass
class Meeting:
    organization: Optional[str]
    kind: Optional[str] = None
    date: Optional[str] = None
    location: Optional[str] = None
    year: Optional[int] = None   # when the text names only the year ("last year's summit"); not in FORMAT.md


@dataclass
class Event:
    person: Person
    meeting: Meeting
    status: str
    modality: str = "confirmed"
    attribution: Optional[str] = None
    substitute: Optional[Person] = None
    reason: Optional[str] = None
    evidence: list[Span] = field(default_factory=list)
    type: str = "representation"


@dataclass
class Speaker:
    name: Optional[str]
    affiliation: Optional[str] = None
    kb_id: Optional[str] = None


@dataclass
class Quote:
    speaker: Speaker
    text: str
    span: Span


@dataclass
class Claim:
    kind: str
    text: str
    span: Span
    count: Optional[int] = None
    window_years: Optional[int] = None
    year: Optional[int] = None


@dataclass
class Problem:
    """Why an article could not be processed, with what to do about it."""
    code: str
    message: str


@dataclass
class Record:
    """The extraction record for one article (see README, "Output")."""
    id: str
    language: Optional[str] = None
    published: Optional[str] = None
    published_window: Optional[tuple[str, str]] = None
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    error: Optional[Problem] = None
    text: Optional[str] = None  # set when the text was extracted from HTML, so that offsets can be read
    source: Optional[str] = None

    @property
    def ok(self) -> bool:
        return self.error is None
