"""Assemble representation events from triggers, people and meetings.

For each trigger, in reading order:
  1. its frame: status (negation flips attending/absent; a "remotely" makes it virtual) and meeting (named in
     the clause, or the meeting the article is talking about when the trigger has no other object);
  2. its subject: the person before it in the clause (or right after it, for inverted word order), not one
     marked as someone else ("instead of X", "follow X in");
  3. modality, tense and attribution from the cues of its clause and sentence.
Then substitutes ("Y will attend instead", "USA vil sende Z") attach to the absent official's event, and
reports of the same person, organisation and status merge into one event with all their evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..doc import Doc, MeetingMention, PersonMention, TriggerMention
from ..model import Span
from . import dates as date_mentions
from . import meetings as meeting_mentions
from .people import antecedent
from .sentences import clauses

MINISTERIAL_SERIES = {"NATO", "EU", "G7", "G20"}   # organisations with separate foreign and defence series
KIND_BY_FUNCTION = {"finance_minister": "finance ministers",
                    "foreign_minister": "foreign ministers", "deputy_foreign_minister": "foreign ministers",
                    "under_secretary_foreign": "foreign ministers", "defence_minister": "defence ministers",
                    "deputy_defence_minister": "defence ministers", "under_secretary_defence": "defence ministers"}


@dataclass
class Frame:
    """What a trigger says happens, before we know to whom."""
    status: str
    organization: Optional[str]
    kind: str
    meeting: Optional[MeetingMention]
    clause: Span
    generic: bool = False       # "skulker NATOs ministermøter": no one meeting, but "do so" may refer to it
    also: list = field(default_factory=list)   # "deltar på begge møtene": the other meeting


@dataclass
class Draft:
    entity: int
    status: str
    organization: str
    kind: str
    modality: str
    tense: Optional[str]
    attribution: Optional[str]
    trigger: TriggerMention
    meeting: Optional[MeetingMention]
    clause: Span
    evidence: list[Span] = field(default_factory=list)
    substitute: Optional[tuple[Optional[int], Optional[str]]] = None   # (entity, role phrase)
    location: Optional[str] = None
    dates: list[tuple[int, Optional[str], str]] = field(default_factory=list)   # (doc.dates index, tense, source)
    dropped: bool = False


def extract(doc: Doc) -> list[Draft]:
    meeting_mentions.resolve_context(doc)
    drafts: list[Draft] = []
    frames: list[Optional[Frame]] = []
    for trig in doc.triggers:
        frame = _frame(doc, trig, frames)
        frames.append(frame)
        if frame is None or frame.generic or not frame.organization:
            continue
        if doc.lang.modality_re["habitual"].search(_unquoted(doc, frame.clause.start, frame.clause.end)):
            continue   # "normally chairs the group's meetings": a habit, not an event
        if {frame.status, trig.status} == {"absent", "attending"} and _history(doc, trig, frame.clause):
            continue   # "has not attended the assembly since 2015": a claim about the record, not an event
        for subject in _with_companions(doc, _subjects(doc, trig, frame.clause), frame.clause):
            for extra in _coordinated_meetings(doc, frame) + frame.also:   # "deltar på både kontaktgruppens møte og Nato-møtet"
                modality, tense = _modality(doc, trig, frame.clause)
                s = doc.sentences[trig.sentence]
                drafts.append(Draft(subject.entity, frame.status, extra.organization, extra.kind, modality, tense,
                                    _attribution(doc, trig.sentence), trig, extra, frame.clause,
                                    [Span(s.start, s.end)]))
            if subject.kind == "role" and _is_generic(doc, trig.sentence):
                continue
            modality, tense = _modality(doc, trig, frame.clause)
            sentence = doc.sentences[trig.sentence]
            drafts.append(Draft(subject.entity, frame.status, frame.organization, frame.kind, modality, tense,
                                _attribution(doc, trig.sentence), trig, frame.meeting, frame.clause,
                                [Span(sentence.start, sentence.end)]))
    _substitutes(doc, drafts)
    _drop_superseded(doc, drafts)
    for d in drafts:
        d.kind = _refine_kind(doc, d)
        d.dates = []
        if d.meeting is not None and d.meeting.sentence == d.trigger.sentence:
            near = meeting_date(doc, d.meeting)
            if near is not None:
                d.dates.append((near, d.tense, "meeting"))
        found = _date_for(doc, d)
        if found is not None and all(found != i for i, _, _ in d.dates):
            d.dates.append((found, d.tense, "clause"))
        d.location = (d.meeting.location if d.meeting else None) or \
            meeting_mentions.place_near(doc, d.clause, d.trigger.sentence)
    return _merge([d for d in drafts if not d.dropped])


# -- frames ------------------------------------------------------------------------------------------------

def _frame(doc: Doc, trig: TriggerMention, frames: list[Optional[Frame]]) -> Optional[Frame]:
    lang, text = doc.lang, doc.text
    clause = _clause_of(doc, trig.span)
    if trig.anaphoric:
        for prior, frame in zip(reversed(doc.triggers[:len(frames)]), reversed(frames)):
            if frame and not prior.anaphoric and trig.sentence - prior.sentence <= 2:
                return Frame(frame.status, frame.organization, frame.kind, frame.meeting, clause)
        return None
    status = trig.status
    if status in ("absent", "attending") and _negated(doc, trig, clause):
        status = "attending" if status == "absent" else "absent"
    if status == "attending" and lang.virtual_re.search(text, clause.start, clause.end):
        status = "virtual"
    if trig.status == "virtual" and _negated(doc, trig, clause):
        return None   # "Tampoco se conectará por videoconferencia": no remote attendance either
    both = _both_meetings(doc, trig, clause)
    if both:
        return Frame(status, both[0].organization, both[0].kind, both[0], clause, also=both[1:])
    following = [m for m in doc.meetings if trig.span.end <= m.span.start < clause.end]
    if following and following[0].generic:   # "være med på Trumps møte med Kinas president": someone's own
        # meeting; "has attended every G20 summit since 2013": no one meeting (and not the next one named)
        return Frame(status, following[0].organization, "", None, clause, generic=True) \
            if following[0].organization else None
    meeting = _meeting_for(doc, trig, clause)
    if meeting is not None:
        return Frame(status, meeting.organization, meeting.kind, meeting, clause)
    org = _org_after(doc, trig, clause)
    if _plural_object(doc, trig, clause):   # "attended dozens of meetings with NATO allies": no one meeting
        return Frame(status, org, "", None, clause, generic=True) if org else None
    if org:
        return Frame(status, org, "", None, clause)
    if status != "undecided" and not _empty_object(doc, trig, clause):
        return None   # "unclear whether he will travel to Sør-Afrika" may name the meeting only by its place
    context = _placed_meeting(doc, trig, clause) or _context_meeting(doc, trig.sentence, trig.span.start)
    if context is None or not _same_place(doc, trig, clause, context):
        return None
    return Frame(status, context.organization, context.kind, context, clause)


def _placed_meeting(doc: Doc, trig: TriggerMention, clause: Span) -> Optional[MeetingMention]:
    """"skal leie delegasjonen i Haag": the meeting the article places in The Hague, not the headline's."""
    for m in doc.lang.place_re.finditer(doc.text, clause.start, clause.end):
        if m.start() > trig.span.end and _in_aside(doc, trig.span.end, m.start()):
            continue
        where = doc.lang.places.get(m.group())
        held = [x for x in doc.meetings if x.location == where and x.organization and not x.generic
                and not doc.in_quote(x.span.start)]
        if held:
            before = [x for x in held if x.span.start < trig.span.start]
            return (before or held)[-1] if before else held[0]
    return None


def _both_meetings(doc: Doc, trig: TriggerMention, clause: Span) -> list[MeetingMention]:
    """"deltar på begge møtene", "présent aux deux réunions": the last two different meetings named before."""
    plural = next((m for m in doc.meetings if trig.span.end <= m.span.start < clause.end
                   and doc.lang.both_re.search(doc.text[max(trig.span.end, m.span.start - 25):m.span.start])), None)
    if plural is None:
        return []
    found: list[MeetingMention] = []
    for m in reversed([m for m in doc.meetings if m.span.end <= plural.span.start]):
        if m.organization and not m.generic and not doc.in_quote(m.span.start) and \
                all((m.organization, m.kind) != (f.organization, f.kind) for f in found):
            found.append(m)
        if len(found) == 2:
            return found
    return []


def _same_place(doc: Doc, trig: TriggerMention, clause: Span, meeting: MeetingMention) -> bool:
    """"travel to Moscow" is not going to the meeting in Brussels: a place right after the trigger must be
    the meeting's place."""
    if trig.status in ("undecided", "virtual"):
        return True   # "unclear whether Ukraine's president travels to ...": the place is a clause away;
        # "by video link from Washington": where they stay
    gap = re.match(r" (?:\w{1,4} )?", doc.text[trig.span.end:trig.span.end + 6])   # "reise til Moskva"
    m = doc.lang.place_re.match(doc.text, trig.span.end + gap.end()) if gap else None
    if m is None:
        return True   # a country is too broad to rule a meeting out ("reiser til India" for New Delhi)
    topic = doc.topic if doc.topic and doc.topic.organization == meeting.organization else None
    where = meeting.location or (topic.location if topic else None)
    return where is None or doc.lang.places[m.group()] == where


def _clause_of(doc: Doc, span: Span) -> Span:
    s = doc.sentences[doc.sentence_at(span.start)]
    for c in clauses(doc.text, Span(s.start, s.end), doc.lang):
        if c.start <= span.start < c.end:
            return c
    return Span(s.start, s.end)


def _negated(doc: Doc, trig: TriggerMention, clause: Span) -> bool:
    before_words, after_words = doc.lang.negation_window
    if trig.noun:   # "no participation" is negated; "gave no reason for the absence" is not
        before_words, after_words = 1, 0
    before = doc.text[clause.start:trig.span.start].split()[-before_words:] if before_words else []
    after = doc.text[trig.span.end:clause.end].split()[:after_words] if after_words else []
    # "reiser ikke til": a negation inside an attending trigger counts; inside an absent one ("kan ikke
    # delta") it is part of the trigger's own meaning
    inside = doc.text[trig.span.start:trig.span.end] if trig.status == "attending" else ""
    if doc.lang.negation_exception_re.match(doc.text, trig.span.end):
        return False   # "ne participera qu'à la réunion": only, not not
    return any(doc.lang.negation_re.search(" ".join(part)) for part in (before, after)) or \
        bool(doc.lang.negation_re.search(inside))


def _meeting_for(doc: Doc, trig: TriggerMention, clause: Span) -> Optional[MeetingMention]:
    inside = [m for m in doc.meetings if clause.start <= m.span.start < clause.end and m.organization
              and not m.generic and not doc.in_quote(m.span.start)
              and not doc.lang.not_object_re.search(doc.text[max(clause.start, m.span.start - 40):m.span.start])]
    # not inside an adjunct: "Tampoco estará Lula, volcado en la cumbre del G20 que Río acoge": that one is
    # why he stays away, and the meeting he misses is the one the article is about
    after = [m for m in inside if m.span.start >= trig.span.start and not _in_aside(doc, trig.span.end, m.span.start)]
    if after:
        return after[0]
    before = [m for m in inside if m.span.end <= trig.span.start]
    return before[-1] if before else None


def _in_aside(doc: Doc, start: int, end: int) -> bool:
    """Whether a comma between start and end opens an aside (", volcado en", ", because")."""
    pos = doc.text.find(",", start, end)
    while pos >= 0:
        if doc.lang.aside_re.match(doc.text, pos + 1, end):
            return True
        pos = doc.text.find(",", pos + 1, end)
    return False


def _coordinated_meetings(doc: Doc, frame: Frame) -> list[MeetingMention]:
    """Meetings joined to the frame's meeting by "and", "og" or commas, with another organisation or kind."""
    if frame.meeting is None or frame.meeting.sentence < 0:
        return []
    out, last = [], frame.meeting
    for m in doc.meetings:
        if m.span.start <= last.span.end or m.span.start >= frame.clause.end or not m.organization or m.generic:
            continue
        gap = doc.text[last.span.end:m.span.start]
        if len(gap) > 60 or not re.search(r"(?:^|\W)(?:and|og|und|et|y|och|samt|as well as|,)(?:\W|$)", gap) \
                or re.search(r"[.;:]", gap):
            break
        if (m.organization, m.kind) != (frame.organization, frame.kind) and m.organization:
            out.append(m)
        last = m
    return out


def _org_after(doc: Doc, trig: TriggerMention, clause: Span) -> Optional[str]:
    """"skip NATO", "Trumps fravær fra NATO": the organisation itself as the object, after at most two
    short words ("the", "fra", "at the")."""
    for o in doc.orgs:
        if trig.span.end <= o.span.start < clause.end and \
                re.fullmatch(r"\s*(?:\w{1,4}\s+){0,2}", doc.text[trig.span.end:o.span.start]):
            return o.organization
    return None


def _plural_object(doc: Doc, trig: TriggerMention, clause: Span) -> bool:
    return any(m.generic and trig.span.end <= m.span.start < clause.end and m.span.start - trig.span.end <= 40
               for m in doc.meetings)


def _empty_object(doc: Doc, trig: TriggerMention, clause: Span) -> bool:
    """Nothing but dates, places, adverbs or a pronoun after the trigger: "will skip", "er på plass"."""
    text = doc.text[trig.span.end:clause.end]
    for q in doc.quote_spans:   # « quelle que soit la décision »: a quotation, not the trigger's object
        if q.overlaps(Span(trig.span.end, clause.end)):
            a, b = max(q.start, trig.span.end) - trig.span.end, min(q.end, clause.end) - trig.span.end
            text = text[:a] + " " * (b - a) + text[b:]
    for p in doc.persons:   # "I stedet deltar viseutenriksminister Landau": the subject may follow the verb
        if p.kind in ("pronoun", "plural") or p.possessive:
            continue
        for span in (p.span, p.role_span):
            if span and trig.span.end <= span.start and span.end <= clause.end:
                a, b = span.start - trig.span.end, span.end - trig.span.end
                text = text[:a] + " " * (b - a) + text[b:]
    rest = re.split(r"[,;:.–—]|\s(?:and|or|but|og|eller|men|und|oder|aber|et|ou|mais|y|o|pero|och|eller)\s",
                    text, maxsplit=1)[0]
    for d in doc.dates:
        if trig.span.end <= d.span.start < clause.end:
            rest = rest.replace(doc.text[d.span.start:d.span.end], " ")
    rest = doc.lang.place_re.sub(" ", rest)
    rest = doc.lang.negation_re.sub(" ", rest)
    rest = doc.lang.country_lead_re.sub(" ", rest)   # "reiser ikkje til Tyrkia", "acudirán el argentino Milei"
    rest = doc.lang.substitute_re["instead"].sub(" ", rest)
    rest = doc.lang.substitute_re["instead_of"].sub(" ", rest)   # "attended in place of President Xi"
    rest = doc.lang.participants_re.sub(" ", rest)
    rest = doc.lang.adverbials_re.sub(" ", rest)
    adjunct = doc.lang.adjunct_re.match(rest)
    if adjunct:   # "is expected to attend as part of a five-nation tour"
        rest = rest[:adjunct.start()]
    words = [w for w in re.findall(r"\w+", rest) if len(w) > 2]   # "el", "ni", "to" say nothing of an object
    return len(words) <= 2


def _context_meeting(doc: Doc, sentence: int, pos: Optional[int] = None) -> Optional[MeetingMention]:
    return meeting_mentions.context_meeting(doc, doc.sentences[sentence].start if pos is None else pos)


# -- subjects ----------------------------------------------------------------------------------------------

def _subjects(doc: Doc, trig: TriggerMention, clause: Span) -> list[PersonMention]:
    people = [p for p in doc.persons if clause.start <= p.span.start < clause.end
              and not doc.in_quote(p.span.start) and (trig.passive or not _marked_other(doc, p))
              and not _modifier(doc, p)]
    if trig.passive:   # "chaired by Britain's defence secretary, John Healey"; "as did Wang Yi"
        after = [p for p in people if p.span.start >= trig.span.end and not p.possessive]
        return _coordinated(doc, after, forward=True) if after else []
    if trig.noun:
        near = [p for p in people if p.possessive and 0 <= trig.span.start - p.span.end <= 30]
        if near:
            return [near[-1]]
        follows = [p for p in people if p.possessive and 0 <= p.span.start - trig.span.end <= 8]
        if follows:   # "fråværet hans"
            return follows[:1]
        after = [p for p in people if 0 <= p.span.start - trig.span.end <= 25]
        if after and doc.lang.of_re.match(doc.text[trig.span.end:after[0].span.start]):
            return [after[0]]
        if _country_owned(doc, trig):
            return []   # "Healey played down the U.S. absence": the noun's owner is not the verb's subject
        owner = [p for p in people if p.span.end <= trig.span.start and not p.possessive]
        gap = re.sub(r",[^,]*,", " ", doc.text[owner[-1].span.end:trig.span.start]) if owner else ""
        if owner and len(gap.split()) > 5:   # (a relative clause between does not count)
            return []   # "was a no-show", "announced this boycott"; not "gave no reason at all for the absence"
    before = [p for p in people if p.span.end <= trig.span.start and not p.possessive]
    if before:
        plural = [p for p in before if p.kind == "plural" and p.span == before[-1].span]
        if plural:
            return plural
        # coordination may reach across a clause break: "X, and German Defence Minister Y will host"
        sentence = doc.sentences[trig.sentence]
        earlier = [p for p in doc.persons if sentence.start <= p.span.start < before[-1].span.start
                   and not p.possessive and not doc.in_quote(p.span.start) and not _marked_other(doc, p)]
        return _coordinated(doc, earlier + before[-1:])
    inside = [p for p in people if trig.span.start < p.span.start and p.span.end <= trig.span.end and not p.possessive]
    if inside:   # "I september 2023 ble Xi Jinping hjemme": the verb's second place puts the subject inside
        return inside[:1]
    after = [p for p in people if p.span.start >= trig.span.end and not p.possessive]
    if after and _front(after[0], trig) - trig.span.end <= 40 and "," not in doc.text[trig.span.end:_front(after[0], trig)]:
        return _coordinated(doc, after, forward=True)   # "Tampoco acudirán el argentino Milei ni el brasileño Lula"
    sentence = doc.sentences[trig.sentence]
    gap = doc.text[clause.start:trig.span.start].lower().split()
    # "Rubio skulle delta, men trekte seg": the same subject; "et aucun responsable n'a": a subject of its own
    if clause.start > sentence.start and not people and len(gap) <= 4 and \
            not any(w in doc.lang.generic_words for w in gap):
        earlier = [p for p in doc.persons if sentence.start <= p.span.start < clause.start and not p.possessive
                   and not doc.in_quote(p.span.start) and not _marked_other(doc, p)]
        return earlier[:1]
    if doc.lang.pro_drop and not trig.noun and not people and not _names_subject(doc, clause, trig):
        entity = antecedent(doc, trig.sentence, trig.span.start)   # "Llegó el lunes. Asistirá a la cumbre."
        if entity is not None:
            return [p for p in doc.persons if p.entity == entity and p.span.start < trig.span.start][-1:]
    return []


def _country_owned(doc: Doc, trig: TriggerMention) -> bool:
    """"the U.S. absence", "det amerikanske fravær", "l'absence américaine": a country's, not a person's."""
    before = doc.text[max(0, trig.span.start - 30):trig.span.start]
    after = doc.text[trig.span.end:trig.span.end + 30]
    return bool(doc.lang.country_at_end_re.search(before) or doc.lang.country_at_start_re.match(after))


def _with_companions(doc: Doc, subjects: list[PersonMention], clause: Span) -> list[PersonMention]:
    """"deltek saman med utanriksminister Eide", "liksom Costa", "accompanied Trump to": they go too."""
    if not subjects:
        return subjects
    out = list(subjects)
    for m in doc.lang.together_re.finditer(doc.text, clause.start, clause.end):
        # the person (or their title) right after the cue, inside the clause
        nxt = next((p for p in doc.persons if p.span.start < clause.end
                    and m.end() <= (p.role_span or p.span).start <= m.end() + 3), None)
        if nxt and not nxt.possessive and nxt.kind != "pronoun" and nxt.entity not in {p.entity for p in out} \
                and not doc.in_quote(nxt.span.start):
            out.append(nxt)
    return out


def _front(p: PersonMention, trig: TriggerMention) -> int:
    """Where a person's phrase begins: the title of "står Storbritanniens forsvarsminister, John Healey"."""
    return p.role_span.start if p.role_span and trig.span.end <= p.role_span.start < p.span.start else p.span.start


def _names_subject(doc: Doc, clause: Span, trig: TriggerMention) -> bool:
    """"La ministra asistirá", "Los aliados asistirán": the clause has a subject of its own, if not a person.
    Dates are left out: "El martes asistirá" has none."""
    gap = list(doc.text[clause.start:trig.span.start])
    for d in doc.dates:
        if clause.start <= d.span.start < trig.span.start:
            gap[d.span.start - clause.start:d.span.end - clause.start] = " " * (d.span.end - d.span.start)
    words = re.findall(r"\w+", "".join(gap).lower())
    return any(w in doc.lang.subject_words or w in doc.lang.generic_words for w in words)


def _modifier(doc: Doc, p: PersonMention) -> bool:
    if p.kind == "pronoun":
        return False
    return bool(doc.lang.name_modifiers_re.match(doc.text, p.span.end)) or \
        bool(doc.lang.modifier_before_re.search(doc.text[max(0, p.span.start - 30):p.span.start]))


def _coordinated(doc: Doc, people: list[PersonMention], forward: bool = False) -> list[PersonMention]:
    """"Rubio and Hegseth will skip", "Healey and his German counterpart, Boris Pistorius, chaired": the
    person next to the trigger, and those joined to them by a conjunction."""
    ordered = people if forward else list(reversed(people))
    chosen = [ordered[0]]
    for p in ordered[1:]:
        a, b = (chosen[-1], p) if forward else (p, chosen[-1])
        gap = doc.text[a.span.end:(b.role_span or b.span).start if (b.role_span or b.span).start >= a.span.end
                       else b.span.start]
        if doc.lang.coordination_re.fullmatch(gap) and p.entity not in {c.entity for c in chosen}:
            chosen.append(p)
        else:
            break
    return chosen if forward else list(reversed(chosen))


def _marked_other(doc: Doc, p: PersonMention) -> bool:
    """"instead of Hegseth", "follow Rubio in": the person is not the one the trigger is about."""
    start = min(p.span.start, p.role_span.start if p.role_span else p.span.start)
    before = doc.text[max(0, start - 30):start]
    return bool(doc.lang.not_subject_re.search(before))


def _history(doc: Doc, trig: TriggerMention, clause: Span) -> bool:
    return any(m.end() > trig.span.end for kind in ("last_occurrence", "streak") for p in doc.lang.claim_res[kind]
               for m in p.finditer(doc.text, clause.start, clause.end))


def _is_generic(doc: Doc, sentence: int) -> bool:
    """"It is unusual for X's foreign minister to skip": a statement about an office, not an event."""
    s = doc.sentences[sentence]
    text = doc.text[s.start:s.end]
    return any(p.search(text) for kind in ("rarity", "base_rate") for p in doc.lang.claim_res[kind])


# -- modality, attribution ---------------------------------------------------------------------------------

def _modality(doc: Doc, trig: TriggerMention, clause: Span) -> tuple[str, Optional[str]]:
    lang = doc.lang
    s = doc.sentences[trig.sentence]
    sentence_text = _unquoted(doc, s.start, s.end)
    scope = _unquoted(doc, _own_start(doc, trig, clause, parenthesis=True), trig.span.end)
    if _denied(doc, trig, s) or _denied_next(doc, trig.sentence):
        return "denied", "future"
    if trig.past:   # "It would be a change from a year ago, when he flew to Brussels": only "would have flown"
        scope = _unquoted(doc, max(clause.start, trig.span.start - 25), trig.span.end)
    if lang.modality_re["expected"].search(scope):
        return "expected", "future"
    if lang.modality_re["planned"].search(scope):
        return "planned", "future"
    if trig.act:
        return "confirmed", None   # "has cancelled his trip": the decision is past, the meeting may be ahead
    if trig.past or lang.modality_re["past"].search(scope):
        return "confirmed", "past"
    return "confirmed", None


def _own_start(doc: Doc, trig: TriggerMention, clause: Span, parenthesis: bool = False) -> int:
    """Where a trigger's own words begin: after an earlier trigger in its clause ("had been due to host it,
    but pulled out"); for modality only when a comma closes the earlier one ("X, who had been expected to
    lead it, will stay away"), since "is expected to skip it and attend the other" shares its hedge."""
    ends = [t.span.end for t in doc.triggers if clause.start <= t.span.end <= trig.span.start
            and (not parenthesis or "," in doc.text[t.span.end:trig.span.start])]
    return max([clause.start] + ends)


def _denied(doc: Doc, trig: TriggerMention, s: Span) -> bool:
    """"denied reports that X would skip": the denial covers what follows it; a trigger before the denial
    is denied only when no other trigger follows ("sera bien présent, démentant qu'il bouderait")."""
    m = doc.lang.modality_re["denied"].search(_unquoted(doc, s.start, s.end))
    if not m:
        return False
    at = s.start + m.start()
    return trig.span.start > at or not any(t.sentence == trig.sentence and t.span.start > at for t in doc.triggers)


def _denied_next(doc: Doc, sentence: int) -> bool:
    """"... ville blive væk fra NATO-mødet. Det afviste regeringen tirsdag.": a short reply that denies it."""
    if sentence + 1 >= len(doc.sentences) or any(t.sentence == sentence + 1 for t in doc.triggers):
        return False
    nxt = doc.sentences[sentence + 1]
    words = _unquoted(doc, nxt.start, nxt.end).split()
    return len(words) <= 12 and bool(doc.lang.modality_re["denied"].search(" ".join(words[:4])))


def _attribution(doc: Doc, sentence: int) -> Optional[str]:
    """From the report's sentence; else from a short sentence right after it that only says who says so
    ("Det bekræfter Forsvarsministeriet over for Ritzau.")."""
    for i in (sentence, sentence + 1):
        if i >= len(doc.sentences):
            break
        s = doc.sentences[i]
        text = _unquoted(doc, s.start, s.end)
        if i > sentence and (len(text.split()) > 10 or any(t.sentence == i for t in doc.triggers)):
            break
        for kind in ("anonymous_sources", "media_reports", "official"):
            if doc.lang.attribution_re[kind].search(text):
                return kind
    return None


def _unquoted(doc: Doc, start: int, end: int) -> str:
    text = doc.text[start:end]
    for q in doc.quote_spans:
        if q.overlaps(Span(start, end)):
            a, b = max(q.start, start) - start, min(q.end, end) - start
            text = text[:a] + " " * (b - a) + text[b:]
    return text


def _drop_superseded(doc: Doc, drafts: list[Draft]) -> None:
    """"had been due to host the meeting ... pulled out": the overtaken plan is not an event of its own
    when the same sentence reports what happened instead."""
    for d in drafts:
        # the plan's own words: "who had been expected to lead it, will stay away" supersedes the lead only
        scope = _unquoted(doc, _own_start(doc, d.trigger, d.clause), d.trigger.span.end)
        if not doc.lang.modality_re["superseded"].search(scope):
            continue
        if any(o is not d and o.entity == d.entity and o.organization == d.organization and o.status != d.status
               and o.trigger.sentence == d.trigger.sentence for o in drafts):
            d.dropped = True
    for d in drafts:   # "will not travel to the summit but join by video" (or: "... . He will join by video"):
        # virtual, not absent as well
        if d.status == "absent" and any(o.status == "virtual" and o.entity == d.entity and not o.dropped
                                        and o.organization == d.organization
                                        and 0 <= o.trigger.sentence - d.trigger.sentence <= 1 for o in drafts):
            d.dropped = True


# -- substitutes -------------------------------------------------------------------------------------------

def _substitutes(doc: Doc, drafts: list[Draft]) -> None:
    lang, text = doc.lang, doc.text
    for i, s in enumerate(doc.sentences):
        body = _unquoted(doc, s.start, s.end)
        people = [p for p in doc.persons if p.sentence == i and not doc.in_quote(p.span.start)]
        here = [d for d in drafts if d.trigger.sentence == i]
        m = lang.substitute_re["instead_of"].search(body)
        if m:
            replaced = next((p for p in people if 0 <= p.span.start - (s.start + m.end()) <= 30), None)
            stand_in = next((d for d in here if d.status == "attending" and replaced and d.entity != replaced.entity),
                            None)
            represent = lang.substitute_re["represent"].search(body)
            if replaced and stand_in is None and represent:   # "X will represent the U.S. ... in place of Y"
                subject = [p for p in people if p.span.end <= s.start + represent.start() and not p.possessive
                           and p.entity != replaced.entity]
                if subject:
                    stand_in = _report_from_cue(doc, subject[-1].entity, "attending", i, s.start + represent.start(),
                                                s.start + represent.end())
            if replaced and stand_in:
                _attach(doc, drafts, stand_in, replaced.entity, i)
                continue
        if lang.substitute_re["instead"].search(body):
            stand_in = next((d for d in here if d.status == "attending"), None)
            if stand_in:
                _attach(doc, drafts, stand_in, None, i)
                continue
        m = lang.substitute_re["send"].search(body)
        if m and _sent(doc, drafts, i, s.start + m.start(), s.start + m.end(), people):
            continue
        m = lang.substitute_re["represent"].search(body)
        if m:
            stand_in = next((d for d in here if d.status == "attending"), None)
            after = [p for p in people if 0 <= p.span.start - (s.start + m.end()) <= 40 and not p.possessive][:1]
            passive = re.search(r"\b(?:by|av|af|von|par|por|de)\s*$", m.group(), re.I)
            subject = after if passive else \
                ([p for p in people if p.span.end <= s.start + m.start() and not p.possessive] or after)
            if stand_in is None and subject:
                stand_in = _absent_for(doc, drafts, i, exclude=subject[-1].entity,
                                       side=subject[-1].entity)
                if stand_in is not None:
                    stand_in.substitute = (subject[-1].entity, None)
                    stand_in.evidence.append(Span(s.start, s.end))
                elif passive:   # "China will be represented by Premier Li Qiang": no one is said to stay away
                    later = [p for p in people if p.span.start >= subject[0].span.start and not p.possessive]
                    for p in _coordinated(doc, later, forward=True):
                        d = _report_from_cue(doc, p.entity, "attending", i, s.start + m.start(), s.start + m.end())
                        if d is not None:
                            d.evidence.append(Span(s.start, s.end))
                            drafts.append(d)
                continue
            if stand_in and _absent_for(doc, drafts, i, exclude=stand_in.entity,
                                        side=stand_in.entity):
                _attach(doc, drafts, stand_in, None, i)


def _attach(doc: Doc, drafts: list[Draft], stand_in: Draft, replaced: Optional[int], sentence: int) -> None:
    """The stand-in's attendance becomes the substitute of the replaced official's absence."""
    # a stand-in represents their own country: Biden does not stand in for Putin
    absent = _absent_for(doc, drafts, sentence, exclude=stand_in.entity, entity=replaced,
                         side=None if replaced is not None else stand_in.entity)
    if absent is None and replaced is not None:
        absent = Draft(replaced, "absent", stand_in.organization, stand_in.kind, stand_in.modality, stand_in.tense,
                       stand_in.attribution, stand_in.trigger, stand_in.meeting, stand_in.clause,
                       list(stand_in.evidence))
        drafts.append(absent)
    if absent is None:
        return
    absent.substitute = (stand_in.entity, None)
    absent.evidence.extend(stand_in.evidence)
    for d in drafts:   # the stand-in is recorded as the substitute, not as an event of their own
        if d.entity == stand_in.entity and d.status == "attending" and d.organization == absent.organization \
                and _same_time(d, stand_in):
            d.dropped = True


def _absent_for(doc: Doc, drafts: list[Draft], sentence: int, exclude: Optional[int] = None,
                entity: Optional[int] = None, country: Optional[str] = None,
                side: Optional[int] = None) -> Optional[Draft]:
    """The absence a stand-in fills: of `entity`, of an official of `country`, or of someone `side` (the
    stand-in) can represent."""
    pool = [d for d in drafts if d.status == "absent" and d.entity != exclude and not d.dropped
            and (entity is None or d.entity == entity)
            and (country is None or doc.entities[d.entity].country in (None, country))
            and (side is None or _same_side(doc.entities[side], doc.entities[d.entity]))]
    before = [d for d in pool if d.trigger.sentence <= sentence]
    return (before[-1] if before else None) or (pool[0] if pool else None)


def _same_time(a: Draft, b: Draft) -> bool:
    """"sent Lavrov in his place" in 2023 says nothing of Lavrov attending this year: the same tense, and the
    same meeting mention or neighbouring sentences."""
    near = abs(a.trigger.sentence - b.trigger.sentence) <= 1 or (a.meeting is not None and a.meeting is b.meeting)
    return near and (a.tense == "past") == (b.tense == "past")


def _same_side(stand_in, absent) -> bool:
    """Biden does not stand in for Putin; the Commission's president does not stand in for Milei."""
    if stand_in.country and absent.country:
        return stand_in.country == absent.country
    if stand_in.country is None and stand_in.organization and absent.country:
        return False
    return True


def _sent(doc: Doc, drafts: list[Draft], sentence: int, start: int, end: int, people: list[PersonMention]) -> bool:
    """"USA vil sende Tom Shannon", "sent his deputy, Z", "will send a deputy"."""
    lang, text = doc.lang, doc.text
    def front(p: PersonMention) -> int:   # "por el subjefe de la Administración presidencial, Maxim Oreshkin"
        return p.role_span.start if p.role_span and end <= p.role_span.start < p.span.start else p.span.start
    obj = next((p for p in people if 0 <= front(p) - end <= 40 and not p.possessive), None)
    role = lang.substitute_re["role_only"].search(text, end, min(len(text), end + 40))
    if role and (obj is not None and obj.span.start < role.start()):
        role = None
    if obj is None and role is None:
        return False
    sender = [p for p in people if p.span.end <= start and not p.possessive and p is not obj]
    country = None
    head = text[max(doc.sentences[sentence].start, start - 40):start]
    c = list(lang.country_re.finditer(head))
    if c and not sender:
        country = lang.countries.get(c[-1].group("c").casefold()) or \
            lang.countries.get(c[-1].group("c").casefold().rstrip("s"))
    if sender:
        absent = _absent_for(doc, drafts, sentence, entity=sender[-1].entity)
        if absent is None:   # "X sent his deputy to the meeting": X was absent
            absent = _report_from_cue(doc, sender[-1].entity, "absent", sentence, start, end)
            if absent is None:
                return False
            drafts.append(absent)
    else:
        absent = _absent_for(doc, drafts, sentence, country=country)
    if absent is None:
        return False
    s = doc.sentences[sentence]
    absent.evidence.append(Span(s.start, s.end))
    if obj is not None:
        absent.substitute = (obj.entity, role.group() if role else None)
        for d in drafts:
            if d.entity == obj.entity and d.status == "attending" and d.organization == absent.organization \
                    and _same_time(d, absent):
                d.dropped = True
    else:
        absent.substitute = (None, role.group())
    return True


def _report_from_cue(doc: Doc, entity: int, status: str, sentence: int, start: int, end: int) -> Optional[Draft]:
    """A report made by a substitute cue rather than a trigger: "X sent his deputy" (X absent), "Y will
    represent the U.S. in place of X" (Y attending)."""
    cue = TriggerMention(Span(start, end), sentence, "substitute cue", status, False, past=False, act=status == "absent")
    clause = _clause_of(doc, cue.span)
    meeting = _meeting_for(doc, cue, clause) or _context_meeting(doc, sentence)
    if meeting is None or not meeting.organization:
        return None
    modality, tense = _modality(doc, cue, clause)
    return Draft(entity, status, meeting.organization, meeting.kind, modality, tense, _attribution(doc, sentence),
                 cue, meeting, clause, [])


# -- grounding the meeting ---------------------------------------------------------------------------------

def _refine_kind(doc: Doc, d: Draft) -> str:
    """A "ministerial" of NATO attended by a foreign minister is the foreign ministers' meeting."""
    if d.kind in ("", "ministerial") and d.organization in MINISTERIAL_SERIES:
        function = doc.entities[d.entity].role_function
        if function in KIND_BY_FUNCTION:
            return KIND_BY_FUNCTION[function]
        if d.kind == "" and function in ("head_of_state", "head_of_government"):
            return "summit"
    return d.kind


def _date_for(doc: Doc, d: Draft) -> Optional[int]:
    """The date mention for this report: in its clause or sentence, nearest the meeting it names; not the
    date something was said."""
    anchor = d.meeting.span if d.meeting and d.meeting.sentence == d.trigger.sentence else d.trigger.span
    s = doc.sentences[d.trigger.sentence]
    for lo, hi in ((d.clause.start, d.clause.end), (s.start, s.end)):
        found = [(i, x) for i, x in enumerate(doc.dates) if lo <= x.span.start < hi and x.kind != "year"
                 and not date_mentions.is_reporting(doc, x)]
        if found:
            return min(found, key=lambda ix: _gap(ix[1].span, anchor))[0]
    return None


def meeting_date(doc: Doc, m: MeetingMention) -> Optional[int]:
    """The date written next to a meeting mention ("Thursday's meeting", "møtet 12. februar")."""
    if m.sentence < 0:
        return None
    s = _clause_of(doc, m.span)
    found = [(i, x) for i, x in enumerate(doc.dates) if s.start <= x.span.start < s.end and x.kind != "year"
             and _gap(x.span, m.span) <= 60 and not date_mentions.is_reporting(doc, x)]
    return min(found, key=lambda ix: _gap(ix[1].span, m.span))[0] if found else None


def _gap(a: Span, b: Span) -> int:
    return 0 if a.overlaps(b) else (b.start - a.end if a.end <= b.start else a.start - b.end)


# -- merging -----------------------------------------------------------------------------------------------

def kinds_compatible(a: str, b: str) -> bool:
    if not a or not b or a == b:
        return True
    ministerial = {"ministerial", "foreign ministers", "defence ministers"}
    return (a == "ministerial" and b in ministerial) or (b == "ministerial" and a in ministerial)


def _merge(drafts: list[Draft]) -> list[Draft]:
    merged: list[Draft] = []
    for d in drafts:
        same = next((m for m in merged if m.entity == d.entity and m.organization == d.organization
                     and m.status == d.status and kinds_compatible(m.kind, d.kind)
                     and ((m.tense == "past") == (d.tense == "past")   # "arrived in Brussels; will attend"
                          or m.trigger.travel or d.trigger.travel)), None)
        if same is None:
            merged.append(d)
            continue
        for span in d.evidence:
            if span not in same.evidence:
                same.evidence.append(span)
        if same.kind in ("", "ministerial") and d.kind:
            same.kind = d.kind
        same.substitute = same.substitute or d.substitute
        same.location = same.location or d.location
        same.dates.extend(d.dates)
    return merged
