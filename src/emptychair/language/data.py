"""Load and validate a language's data file (`<code>.toml` beside this module) into compiled patterns.

Everything language-specific lives in those files; this module only knows their schema (docs/languages.md).
A file that breaks the schema raises `LanguageDataError` naming the file and the entry.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from babel import Locale

from ..errors import LanguageDataError, UnsupportedLanguage
from ..model import CLAIM_KINDS, STATUSES
from .keywords import Gate

DATA_DIR = Path(__file__).parent
FUNCTIONS = ("head_of_state", "head_of_government", "vice_head", "foreign_minister", "defence_minister",
             "finance_minister",
             "deputy_foreign_minister", "deputy_defence_minister", "under_secretary_foreign",
             "under_secretary_defence", "permanent_representative", "secretary_general",
             "deputy_secretary_general", "institution_president", "high_representative")
APOS = "[’']"
ACRONYM = re.compile(r"[A-Z0-9][A-Z0-9\\.\-]*")


@dataclass(frozen=True)
class Trigger:
    lemma: str
    status: str
    noun: bool
    act: bool = False
    passive: bool = False     # "chaired by X": the subject comes after the trigger
    travel: bool = False      # "travels to Brussels on Tuesday": its date is the journey's, not the meeting's


@dataclass(frozen=True)
class Role:
    function: str
    title: str
    country: Optional[str]
    organization: Optional[str] = None   # "Natochefen": the title itself says whose


@dataclass
class Language:
    """A language's knowledge, compiled. Patterns named `*_re` are compiled regular expressions."""
    code: str
    name: str
    detect: tuple[str, ...]
    markers: tuple[str, ...]
    path: Path
    abbreviations: frozenset[str]
    clause_re: re.Pattern
    genitives: tuple[str, ...]
    name_particles: frozenset[str]
    not_names: frozenset[str]
    name_modifiers_re: re.Pattern     # "Trump administration": the name modifies a noun, it is not the actor
    modifier_before_re: re.Pattern    # "l'administration Trump": the same, the noun before the name
    elision_re: re.Pattern            # "l'", "d'": an elided article glued to the next word
    elisions: bool                    # whether the language has any
    negation_exception_re: re.Pattern  # "ne participera qu'à": restrictive, not negative
    not_object_re: re.Pattern         # "before the summit": a meeting named as a time, not as the object
    coordination_re: re.Pattern       # what joins two people: "Rubio and Hegseth", "ni Putin ni Xi"
    together_re: re.Pattern           # "together with X", "liksom X", "accompanied X": X does the same
    adjunct_re: re.Pattern            # "attend as part of a tour": a phrase that is not the trigger's object
    aside_re: re.Pattern              # ", volcado en", ", because": after a comma, an aside whose meeting is not the object
    of_re: re.Pattern                 # "the absence of X", "la ausencia del ministro": whose noun trigger
    pro_drop: bool                    # "Asistirá a la cumbre": a finite verb carries its own subject
    subject_words: frozenset[str]     # ... unless the clause names one: "la ministra asistirá"
    pronouns_subject: frozenset[str]
    pronouns_possessive: frozenset[str]
    pronouns_object: frozenset[str]
    pronouns_plural: frozenset[str]
    triggers: list[Trigger]
    trigger_re: re.Pattern            # group t<i> = trigger i, p<i> = its past forms
    negation_re: re.Pattern
    negation_window: tuple[int, int]
    vp_anaphora_re: re.Pattern
    inverted_anaphora_re: re.Pattern  # "as did X": the subject follows
    modality_re: dict[str, re.Pattern]  # denied, expected, planned, past, reversal
    attribution_re: dict[str, re.Pattern]
    virtual_re: re.Pattern
    substitute_re: dict[str, re.Pattern]  # instead, instead_of, send, represent, role_only, not_subject_before
    reason_res: list[re.Pattern]
    roles: list[Role]
    role_re: re.Pattern               # group r<i> = role i
    former_re: re.Pattern
    generic_role_re: re.Pattern       # "a U.S. secretary of state": any holder, not the one in office
    generic_words: frozenset[str]     # the same determiners as words: "aucun", "no", "ingen"
    acting_re: re.Pattern             # "acting", "fungerende": an acting holder
    countries: dict[str, str]         # folded word -> ISO code
    country_re: re.Pattern
    organizations: list[str]
    org_re: re.Pattern                # group o<i> = organizations[i]
    weak_org_re: re.Pattern           # group o<i> = organizations[i]
    meeting_kinds: list[str]
    meeting_re: re.Pattern            # group m<i> = meeting_kinds[i]
    plural_meeting_re: re.Pattern
    quantifier_re: re.Pattern         # "dozens of", "alle": before a plural, no one meeting
    each_re: re.Pattern               # "every", "jeden": before a singular, no one meeting either
    both_re: re.Pattern               # "both meetings", "begge møtene": the two meetings just named
    participants_re: re.Pattern       # "host the leaders": the people of a meeting, standing for it
    adverbials_re: re.Pattern         # "for the first time", "som planlagt": not an object of the trigger
    venue_re: re.Pattern              # "headquarters" after an organisation: a place
    series: list[tuple[str, str]]
    series_re: re.Pattern             # group s<i> = series[i]
    months: dict[str, int]
    weekdays: dict[str, int]
    date_res: list[tuple[str, re.Pattern]]  # (kind, pattern) in priority order
    relative_dates: dict[str, str]
    date_next_words: frozenset[str]   # "next Wednesday": the one ahead
    date_last_words: frozenset[str]   # "last Wednesday": the one before
    reporting_re: re.Pattern          # "said on Tuesday": the date of the report
    relative_re: re.Pattern
    places: dict[str, str]
    place_re: re.Pattern
    quote_marks: list[tuple[str, str]]
    dash_quotes: bool
    quote_min_words: int
    speech_re: re.Pattern
    anonymous_re: re.Pattern
    speaker_determiners: frozenset[str]
    affiliation_prepositions: tuple[str, ...]
    org_heads_re: re.Pattern
    institutions_re: re.Pattern
    institutions: dict[str, str]      # folded local name -> the English name it is reported under
    claim_res: dict[str, list[re.Pattern]]
    claim_context_re: re.Pattern
    numbers: dict[str, int]
    country_before_re: re.Pattern = None   # "U.S. Defense Secretary", "USAs utenriksminister": country before a title
    org_before_re: re.Pattern = None       # "NATO Secretary-General"
    country_after_re: re.Pattern = None    # "foreign minister of Norway"
    speech_before_re: re.Pattern = None    # "said Oana Lungescu": a speech verb right before a name
    role_noun_before_re: re.Pattern = None  # "spokesman Mark Toner"
    apposition_before_re: re.Pattern = None  # "the Kremlin spokesman, Dmitry Peskov"
    country_at_end_re: re.Pattern = None     # "the U.S. absence": a country right before a noun
    country_lead_re: re.Pattern = None       # "til Tyrkia": a country as a trigger's destination
    country_at_start_re: re.Pattern = None   # "l'absence américaine": right after it
    not_subject_re: re.Pattern = None      # "instead of X": the words end right before a person
    dash_attribution_re: re.Pattern = None  # ", sier han" ending a dash quote
    date_re: re.Pattern = None             # all date patterns in one: group d<i> = date_res[i]
    date_anchors: frozenset = frozenset()  # words (and 3-letter stems) without which no date matches
    cue_gate: Gate = None             # words every trigger or "sent his deputy" match contains
    claim_gate: Gate = None
    date_gate: Gate = None
    role_gate: Gate = None

    def may_have_cue(self, text: str) -> bool:
        """Cheap and never wrong in the "no" direction: False means no trigger can match in `text`."""
        return self.cue_gate.open(text)

    def number(self, word: Optional[str]) -> Optional[int]:
        if not word:
            return None
        word = _fold(word).rstrip(".")   # the keys are folded the same way: "dreißig" is "dreissig"
        digits = re.match(r"\d+", word)
        if digits:
            return int(digits.group())
        return self.numbers.get(word)


# defaults for languages whose file does not list their own
COORDINATION = ["and", "og", "und", "et", "y", "och", "samt", "as well as"]
OF_WORDS = ["from", "of", "by", "fra", "til", "av", "von", "de", "du", "des"]


def available() -> list[str]:
    """Codes of the languages that have a data file."""
    return sorted(p.stem for p in DATA_DIR.glob("*.toml"))


@lru_cache(maxsize=None)
def header(code: str) -> dict:
    """The `[language]` table of a data file, without compiling the rest; {} if the file does not parse
    (the error then comes from `load` when that language is used, not for every other language)."""
    try:
        raw = tomllib.loads((DATA_DIR / f"{code}.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    table = raw.get("language")
    return table if isinstance(table, dict) else {}


@lru_cache(maxsize=None)
def load(code: str) -> Language:
    path = DATA_DIR / f"{code}.toml"
    if not path.exists():
        raise UnsupportedLanguage(code, available())
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LanguageDataError(path, "file", f"not valid TOML: {exc}") from None
    return _derive(_compile(path, raw))


class _Reader:
    """Typed access to the raw TOML, raising errors that name the file and entry."""

    def __init__(self, path: Path, raw: dict):
        self.path, self.raw = path, raw

    def get(self, dotted: str, kind: type, default=...):
        node = self.raw
        for part in dotted.split("."):
            if not isinstance(node, dict) or part not in node:
                if default is not ...:
                    return default
                raise LanguageDataError(self.path, dotted, "is missing")
            node = node[part]
        if not isinstance(node, kind):
            raise LanguageDataError(self.path, dotted, f"should be a {kind.__name__}, not {type(node).__name__}")
        return node

    def strings(self, dotted: str, default=...) -> list[str]:
        value = self.get(dotted, list, default)
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise LanguageDataError(self.path, f"{dotted}[{i}]", "should be a string")
        return value

    def error(self, entry: str, message: str) -> LanguageDataError:
        return LanguageDataError(self.path, entry, message)


def _compile(path: Path, raw: dict) -> Language:
    r = _Reader(path, raw)
    code = r.get("language.code", str)
    if code != path.stem:
        raise r.error("language.code", f"is {code!r} but the file is named {path.name}")
    locale = Locale.parse(r.get("language.babel_locale", str))
    months = _calendar_names(locale.months, ("wide", "abbreviated"))
    weekdays = _calendar_names(locale.days, ("wide",))  # abbreviations ("man", "mar") are ordinary words
    fill = {"{month}": "(?:" + "|".join(sorted(map(re.escape, months), key=len, reverse=True)) + ")",
            "{weekday}": "(?:" + "|".join(sorted(map(re.escape, weekdays), key=len, reverse=True)) + ")",
            "{apos}": APOS}

    def rx(entry: str, patterns: list[str], flags=re.I) -> re.Pattern:
        return _alternation(r, entry, patterns, fill, flags)

    def separate(entry: str, patterns: list[str]) -> list[re.Pattern]:
        """Patterns with named groups of the same name can't share one alternation."""
        return [_one(r, f"{entry}[{i}]", f"(?<!\\w)(?:{_case(p)})(?!\\w)", fill, re.I) for i, p in enumerate(patterns)]

    triggers, trigger_parts = [], []
    for i, t in enumerate(r.get("trigger", list)):
        entry = f"trigger[{i}] ({t.get('lemma', '?')})"
        status = t.get("status")
        if status not in STATUSES:
            raise r.error(entry, f"status {status!r} is not one of {', '.join(STATUSES)}")
        forms, past = t.get("forms", []), t.get("past", [])
        if not forms and not past:
            raise r.error(entry, "has neither forms nor past forms")
        triggers.append(Trigger(t.get("lemma", ""), status, bool(t.get("noun", False)), bool(t.get("act", False)),
                                bool(t.get("passive", False)), bool(t.get("travel", False))))
        for group, pats in ((f"t{i}", forms), (f"p{i}", past)):
            if pats:
                trigger_parts.append((STATUSES.index(status), group, _join(r, f"{entry}.forms", pats, fill),
                                      triggers[-1].passive))
    # At one position the first alternative wins: let the narrow statuses (undecided, virtual) and the
    # longer absent phrases ("declined to attend") win over a plain "attend", and a passive "chaired by" over
    # an active "chaired".
    order = {"undecided": 0, "virtual": 1, "absent": 2, "attending": 3}
    trigger_parts.sort(key=lambda part: (order[STATUSES[part[0]]], not part[3]))
    trigger_re = re.compile("(?<!\\w)(?:" + "|".join(f"(?P<{g}>{p})" for _, g, p, _ in trigger_parts) + ")(?!\\w)",
                            re.I)
    cue_patterns = [_fill(p, fill) for t in r.get("trigger", list) for p in t.get("forms", []) + t.get("past", [])]
    cue_patterns += [_fill(p, fill) for k in ("send", "represent") for p in r.strings(f"substitute.{k}")]

    roles, role_parts = [], []
    for i, ro in enumerate(r.get("role", list)):
        entry = f"role[{i}] ({ro.get('title', '?')})"
        if ro.get("function") not in FUNCTIONS:
            raise r.error(entry, f"function {ro.get('function')!r} is not one of {', '.join(FUNCTIONS)}")
        roles.append(Role(ro["function"], ro.get("title") or ro["function"], ro.get("country"), ro.get("organization")))
        role_parts.append(f"(?P<r{i}>{_join(r, entry + '.patterns', ro.get('patterns', []), fill)})")
    role_re = re.compile("(?<!\\w)(?:" + "|".join(role_parts) + ")(?!\\w)", re.I)

    organizations = list(r.get("organizations", dict))
    weak = r.get("weak_organizations", dict, {})
    for name in weak:
        if name not in organizations:
            raise r.error(f"weak_organizations.{name}", "is not listed under [organizations]")

    def grouped(table: dict, prefix: str, names: list[str], entry: str) -> re.Pattern:
        parts = [f"(?P<{prefix}{names.index(k)}>{_join(r, f'{entry}.{k}', v, fill)})" for k, v in table.items()]
        return re.compile("(?<![\\w-])(?:" + ("|".join(parts) or "(?!)") + ")(?:s|:s|’s|'s)?(?!\\w)", re.I)

    kinds, meeting_parts = [], []
    for i, m in enumerate(r.get("meeting", list)):
        kinds.append(m.get("kind", ""))
        meeting_parts.append(f"(?P<m{i}>{_join(r, f'meeting[{i}].patterns', m.get('patterns', []), fill)})")
    series, series_parts = [], []
    for i, s in enumerate(r.get("series", list)):
        if s.get("organization") not in organizations:
            raise r.error(f"series[{i}]", f"organization {s.get('organization')!r} is not under [organizations]")
        series.append((s["organization"], s.get("kind", "")))
        series_parts.append(f"(?P<s{i}>{_join(r, f'series[{i}].patterns', s.get('patterns', []), fill)})")

    date_res = []
    for kind in ("iso", "day_month", "weekday", "month", "year"):
        for i, p in enumerate(r.strings(f"dates.{kind}", [])):
            date_res.append((kind, _one(r, f"dates.{kind}[{i}]", p, fill, re.I)))
    relative = r.get("dates.relative", dict, {})

    countries = {_fold(k): v for k, v in r.get("countries", dict).items()}
    for territory, name in locale.territories.items():
        if len(territory) == 2 and territory.isalpha():
            countries.setdefault(_fold(name), territory)
    country_words = sorted(set(r.get("countries", dict)) | {n for t, n in locale.territories.items()
                                                             if len(t) == 2 and t.isalpha()}, key=len, reverse=True)
    genitives = tuple(r.strings("text.genitive"))
    gen = "(?:" + "|".join(re.escape(g) for g in genitives) + ")?"
    country_re = re.compile("(?<![\\w.])(?P<c>" + "|".join(_term(w) for w in country_words) + ")" + gen + "(?!\\w)")

    places = r.get("places", dict, {})
    claims = {}
    for kind in CLAIM_KINDS:
        claims[kind] = separate(f"claims.{kind}", r.strings(f"claims.{kind}"))
    marks = r.get("quotes.marks", list)
    for i, pair in enumerate(marks):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(m, str) and m for m in pair)):
            raise r.error(f"quotes.marks[{i}]", "should be a pair of opening and closing marks")
    numbers = r.get("numbers", dict)
    for k, v in numbers.items():
        if not isinstance(v, int):
            raise r.error(f"numbers.{k}", "should be an integer")
    neg_window = r.get("negation.window", list, [4, 1])
    if len(neg_window) != 2 or not all(isinstance(n, int) and n >= 0 for n in neg_window):
        raise r.error("negation.window", "should be two word counts: [before, after]")
    subst = {k: rx(f"substitute.{k}", r.strings(f"substitute.{k}"))
             for k in ("instead", "instead_of", "send", "represent", "role_only", "not_subject_before")}
    return Language(
        code=code, name=r.get("language.name", str), detect=tuple(r.strings("language.detect")),
        markers=tuple(r.strings("language.markers", [])), path=path,
        abbreviations=frozenset(r.strings("text.abbreviations")),
        clause_re=re.compile(_join(r, "text.clause_breaks", r.strings("text.clause_breaks"), fill), re.I),
        genitives=genitives, name_particles=frozenset(r.strings("text.name_particles")),
        not_names=frozenset(r.strings("text.not_names")),
        modifier_before_re=re.compile(r"(?:" + _join(r, "text.modifiers_before", r.strings("text.modifiers_before", ["(?!)"]),
                                                      fill) + r")\s+$", re.I),
        elisions=bool(r.strings("text.elisions", [])),
        elision_re=re.compile(r"^(?:" + "|".join(map(re.escape, r.strings("text.elisions", []))) + r")(?=\w)", re.I)
        if r.strings("text.elisions", []) else re.compile("(?!)"),
        negation_exception_re=re.compile(r"\s*(?:" + _join(r, "negation.exceptions", r.strings("negation.exceptions", ["(?!)"]),
                                                            fill) + r")", re.I),
        aside_re=re.compile(r"\s*(?:" + _join(r, "text.aside_starts", r.strings("text.aside_starts", ["(?!)"]), fill)
                            + r")(?!\w)", re.I),
        adjunct_re=re.compile(r"\s*(?:" + _join(r, "text.adjunct_starts", r.strings("text.adjunct_starts", ["(?!)"]), fill)
                              + r")(?!\w)", re.I),
        together_re=re.compile(r"(?<!\w)(?:" + _join(r, "text.together", r.strings("text.together", ["(?!)"]), fill)
                               + r")\s+", re.I),
        coordination_re=re.compile(
            r"(?:\s*\([^)]{1,8}\))?\s*,?\s*(?:(?:" + _join(r, "text.coordination", r.strings("text.coordination", COORDINATION),
                                                         fill) + r")\s+(?:[\w’'.-]+[\s,]+){0,4}?|,\s*)", re.I),
        of_re=re.compile(r"\s*(?:" + _join(r, "text.of_words", r.strings("text.of_words", OF_WORDS), fill) + r")(?:\s|(?<=['’]))",
                         re.I),
        pro_drop=bool(r.get("text.pro_drop", bool, False)),
        subject_words=frozenset(w.lower() for w in r.strings("text.subject_words", [])),
        not_object_re=re.compile(r"(?:" + _join(r, "meetings.not_object", r.strings("meetings.not_object", ["(?!)"]),
                                              fill) + r")\s+(?:\w+\s+){0,3}$", re.I),
        name_modifiers_re=re.compile(r"\s+(?:" + _join(r, "text.name_modifiers", r.strings("text.name_modifiers"), fill)
                                     + r")(?!\w)", re.I),
        pronouns_subject=frozenset(r.strings("pronouns.subject")),
        pronouns_possessive=frozenset(r.strings("pronouns.possessive")),
        pronouns_object=frozenset(r.strings("pronouns.object")),
        pronouns_plural=frozenset(r.strings("pronouns.plural", [])),
        triggers=triggers, trigger_re=trigger_re,
        negation_re=rx("negation.words", r.strings("negation.words")), negation_window=tuple(neg_window),
        vp_anaphora_re=rx("anaphora.patterns", r.strings("anaphora.patterns", []) + r.strings("anaphora.inverted", [])),
        inverted_anaphora_re=rx("anaphora.inverted", r.strings("anaphora.inverted", [])),
        modality_re={k: rx(f"modality.{k}", r.strings(f"modality.{k}", []))
                     for k in ("denied", "expected", "planned", "past", "reversal", "habitual", "superseded")},
        attribution_re={k: rx(f"attribution.{k}", r.strings(f"attribution.{k}"))
                        for k in ("anonymous_sources", "media_reports", "official")},
        virtual_re=rx("status.virtual", r.strings("status.virtual")),
        substitute_re=subst,
        reason_res=separate("reason.patterns", r.strings("reason.patterns")),
        roles=roles, role_re=role_re, former_re=rx("roles.former", r.strings("roles.former")),
        acting_re=rx("roles.acting", r.strings("roles.acting", [])),
        generic_words=frozenset(w.lower() for w in r.strings("roles.generic")),
        generic_role_re=re.compile(r"(?<!\w)(?:" + _join(r, "roles.generic", r.strings("roles.generic"), fill) + r")\s+$", re.I),
        countries=countries, country_re=country_re,
        organizations=organizations,
        org_re=grouped(r.get("organizations", dict), "o", organizations, "organizations"),
        weak_org_re=grouped(weak, "o", organizations, "weak_organizations"),
        meeting_kinds=kinds,
        meeting_re=re.compile("(?<!\\w)(?:" + "|".join(meeting_parts) + ")(?!\\w)", re.I),
        plural_meeting_re=rx("meetings.plural", r.strings("meetings.plural")),
        both_re=re.compile(r"(?<!\w)(?:" + _join(r, "meetings.both", r.strings("meetings.both", ["(?!)"]), fill)
                           + r")\s+(?:\w+\s+)?$", re.I),
        quantifier_re=rx("meetings.quantifiers", r.strings("meetings.quantifiers")),
        each_re=rx("meetings.each", r.strings("meetings.each", ["(?!)"])),
        participants_re=rx("meetings.participants", r.strings("meetings.participants")),
        adverbials_re=rx("text.adverbials", r.strings("text.adverbials", [])),
        venue_re=re.compile(r"(?:s|’s|'s|:s)?\s*[-]?\s*(?:" + _join(r, "meetings.venue", r.strings("meetings.venue"), fill)
                            + r")(?!\w)", re.I),
        series=series,
        series_re=re.compile("(?<!\\w)(?:" + ("|".join(series_parts) or "(?!)") + ")(?!\\w)", re.I),
        months=months, weekdays=weekdays, date_res=date_res,
        relative_dates={k.lower(): v for k, v in relative.items()},
        date_next_words=frozenset(w.lower() for w in r.strings("dates.next", [])),
        date_last_words=frozenset(w.lower() for w in r.strings("dates.last", [])),
        reporting_re=re.compile(r"(?<!\w)(?:" + _join(r, "dates.reporting", r.strings("dates.reporting"), fill)
                                + r")(?:\s+\w+){0,3}?\s+(?:on|this|last|i|på|den|am|le|el)?\s*$", re.I),
        relative_re=rx("dates.relative", [re.escape(k) for k in relative] or ["(?!)"]),
        places=places,
        place_re=re.compile("(?<!\\w)(?:" + "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True))
                            + ")(?!\\w)") if places else re.compile("(?!)"),
        quote_marks=[tuple(p) for p in marks], dash_quotes=bool(r.get("quotes.dash", bool, False)),
        quote_min_words=r.get("quotes.min_words", int, 4),
        speech_re=rx("quotes.verbs", r.strings("quotes.verbs")),
        anonymous_re=rx("speakers.anonymous", r.strings("speakers.anonymous")),
        speaker_determiners=frozenset(r.strings("speakers.determiners")),
        affiliation_prepositions=tuple(r.strings("speakers.affiliation_prepositions")),
        org_heads_re=rx("speakers.org_heads", r.strings("speakers.org_heads")),
        institutions_re=re.compile("(?<!\\w)(?:" + "|".join(
            _term(w) for w in sorted(r.get("speakers.institutions", dict), key=len, reverse=True)) + ")(?:s|:s|’s|'s)?(?!\\w)"),
        institutions={k.casefold(): v for k, v in r.get("speakers.institutions", dict).items()},
        claim_res=claims, claim_context_re=rx("claims.context", r.strings("claims.context")),
        numbers={_fold(k): v for k, v in numbers.items()},
        cue_gate=Gate(cue_patterns, frozenset(r.strings("text.common_words", []))),
        date_re=_combined(date_res),
        claim_gate=Gate([_fill(p, fill) for k in CLAIM_KINDS for p in r.strings(f"claims.{k}")]),
        date_gate=Gate([p.pattern for _, p in date_res] + [re.escape(k) for k in relative]),
        role_gate=Gate([_fill(p, fill) for ro in r.get("role", list) for p in ro.get("patterns", [])]),
    )


def _combined(patterns: list[tuple[str, re.Pattern]]) -> re.Pattern:
    """One alternation of patterns that reuse group names: group `d<i>` wraps pattern i, its inner groups
    become `<name>__<i>`. At one position the earlier (more specific) pattern wins."""
    parts = []
    for i, (_, p) in enumerate(patterns):
        body = re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}__{i}>", p.pattern)
        parts.append(f"(?P<d{i}>{body})")
    return re.compile("|".join(parts), re.I)


def _derive(lang: Language) -> Language:
    """Patterns built from other patterns, compiled once."""
    lang.country_before_re = re.compile(r"(?:" + lang.country_re.pattern + r")\s+(?:(?:\w+|[A-Z][\w.]*)\s+)?$")
    lang.org_before_re = re.compile(r"(?:" + lang.org_re.pattern + r")(?:\s+\w{1,4})?[\s-]*$", re.I)   # "NATO sin"
    lang.country_after_re = re.compile(r"\s+(?:of|for|i|av|de|des|von|del|til|från|för|af|aus|di|du)\s+"
                                       r"(?:the\s+|la\s+|le\s+|der\s+|los\s+)?(?:" + lang.country_re.pattern + r")")
    lang.speech_before_re = re.compile(r"(?:^|\W)(?:" + lang.speech_re.pattern + r")\s*$", re.I)
    lang.role_noun_before_re = re.compile(r"(?:" + lang.anonymous_re.pattern + r")\s+$", re.I)
    # "the State Department spokeswoman, Tammy Bruce", "el portavoz del Kremlin, Dmitri Peskov"
    lang.apposition_before_re = re.compile(r"(?:" + lang.anonymous_re.pattern + r")(?:\s+[^\s,.;:«»“”\"„]+){0,6}?\s*,\s*$",
                                           re.I)
    lang.country_lead_re = re.compile(r"^\s*(?:\w{1,4}\s+){0,2}?(?:" + lang.country_re.pattern + r")\W*$",
                                      lang.country_re.flags)
    lang.country_at_end_re = re.compile(r"(?:" + lang.country_re.pattern + r")\s*$", lang.country_re.flags)
    lang.country_at_start_re = re.compile(r"\s*(?:" + lang.country_re.pattern + r")", lang.country_re.flags)
    lang.not_subject_re = re.compile(r"(?:" + lang.substitute_re["not_subject_before"].pattern + r")\s+$", re.I)
    lang.dash_attribution_re = re.compile(r",\s+(?:" + lang.speech_re.pattern + r")\b", re.I)
    names = set(lang.months) | set(lang.weekdays)
    lang.date_anchors = frozenset(names | {n[:3] for n in names} | {p.split()[0] for p in lang.relative_dates})
    return lang


def _calendar_names(table, widths: tuple[str, ...]) -> dict[str, int]:
    """Month or weekday names of a CLDR locale, lower-cased, with their number (weekdays: 0 = Monday)."""
    names = {}
    for context in ("format",):   # babel's cache can leak a sibling locale's stand-alone names (nb into nn)
        for width in widths:
            for number, name in table[context][width].items():
                name = name.lower().rstrip(".")
                if len(name) >= 3:
                    names[name] = number
    return names


def _term(word: str) -> str:
    """A literal word list entry: acronyms match as written, other words case-insensitively."""
    escaped = re.escape(word)
    return escaped if ACRONYM.fullmatch(word.replace(".", "")) and word.upper() == word else f"(?i:{escaped})"


def _join(r: _Reader, entry: str, patterns: list, fill: dict) -> str:
    if not isinstance(patterns, list) or not patterns:
        raise r.error(entry, "should be a non-empty list of patterns")
    parts = []
    for i, p in enumerate(patterns):
        if not isinstance(p, str):
            raise r.error(f"{entry}[{i}]", "should be a string")
        _one(r, f"{entry}[{i}]", p, fill, re.I)
        if p != p.strip():   # the pattern is closed by a word boundary: "with a " could never match
            raise r.error(f"{entry}[{i}]", f"{p!r} begins or ends with a space; remove it")
        parts.append(_case(_fill(p, fill)))
    return "|".join(parts)


def _case(pattern: str) -> str:
    """All-capital acronyms ("UN", "NATO") must not match ordinary words ("un", "nato")."""
    return f"(?-i:{pattern})" if ACRONYM.fullmatch(pattern) and any(c.isalpha() for c in pattern) else pattern


def _fill(pattern: str, fill: dict) -> str:
    for key, value in fill.items():
        pattern = pattern.replace(key, value)
    return pattern


def _one(r: _Reader, entry: str, pattern: str, fill: dict, flags) -> re.Pattern:
    try:
        return re.compile(_fill(pattern, fill), flags)
    except re.error as exc:
        raise r.error(entry, f"pattern {pattern!r} is not a valid regular expression: {exc}") from None


def _alternation(r: _Reader, entry: str, patterns: list[str], fill: dict, flags) -> re.Pattern:
    if not patterns:
        return re.compile("(?!)")
    return re.compile("(?<!\\w)(?:" + _join(r, entry, patterns, fill) + ")(?!\\w)", flags)


def _fold(s: str) -> str:
    return s.casefold().strip()
