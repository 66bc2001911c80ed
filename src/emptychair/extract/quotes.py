"""Direct quotes and who said them.

`find_spans` runs early (other stages skip quoted text); `attribute` runs once people are known. A quote's
speaker is named next to it (“…,” said X / X said: “…” / – …, sier hun), or carried over from the quote
before it in the same paragraph. Anonymous speakers ("a senior State Department official", "tjenestemannen")
keep their affiliation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..doc import Doc
from ..model import Quote, Speaker, Span
from .people import antecedent

LINE = re.compile(r"[^\n]+")
DASH_LINE = re.compile(r"^\s*[–—-]\s+")
CAPITALISED_ORG = re.compile(
    r"(?:the\s+)?((?:[A-Z][\w&’'.-]*)(?:(?:\s+(?:of|for|and|on|the|de|du|des|für|i|og|for))*\s+[A-Z][\w&’'.-]*)*)")


@dataclass
class Found:
    span: Span                  # the quoted words, without the marks
    outer: Span                 # with the marks (or the dash)
    paragraph: int
    dash_attribution: Optional[Span] = None


def find_spans(doc: Doc) -> list[Found]:
    lang, text = doc.lang, doc.text
    found: list[Found] = []
    for paragraph, line in enumerate(LINE.finditer(text)):
        start, end = line.start(), line.end()
        if lang.dash_quotes and DASH_LINE.match(line.group()):
            found.extend(_dash_quotes(doc, start, end, paragraph))
            continue
        taken: list[Span] = []
        for open_mark, close_mark in lang.quote_marks:
            for q in _pairs(text, start, end, open_mark, close_mark):
                if not any(q.overlaps(t) for t in taken):
                    taken.append(q)
                    found.append(Found(Span(q.start + len(open_mark), q.end - len(close_mark)), q, paragraph))
    found.sort(key=lambda f: f.span.start)
    doc.quote_spans = [f.outer for f in found]
    return found


def _pairs(text: str, start: int, end: int, open_mark: str, close_mark: str) -> list[Span]:
    out, pos = [], start
    apostrophe_like = close_mark in "’'"
    while True:
        i = text.find(open_mark, pos, end)
        if i < 0:
            return out
        if apostrophe_like and i > start and text[i - 1].isalnum():
            pos = i + 1
            continue
        j = i + 1
        while True:
            j = text.find(close_mark, j, end)
            if j < 0:
                return out
            if apostrophe_like and j + 1 < end and text[j + 1].isalpha():
                j += 1   # "Pentagon’s": an apostrophe, not the closing mark
                continue
            break
        out.append(Span(i, j + len(close_mark)))
        pos = j + len(close_mark)


def _dash_quotes(doc: Doc, start: int, end: int, paragraph: int) -> list[Found]:
    """"– Vi kommer ..., sier han." The quote runs to the attribution, or to the end of the line."""
    text = doc.text
    dash = DASH_LINE.match(text[start:end])
    body_start = start + dash.end()
    attribution = None
    for m in doc.lang.dash_attribution_re.finditer(text[body_start:end]):
        attribution = m
    if attribution:
        quote_end = body_start + attribution.start()
        attr_span = Span(quote_end, end)
    else:
        quote_end = end
        attr_span = None
    return [Found(Span(body_start, quote_end), Span(start, quote_end), paragraph, attr_span)]


def attribute(doc: Doc, found: list[Found]) -> list[Quote]:
    quotes: list[Quote] = []
    speakers: list[Optional[Speaker]] = []
    anonymous_seen: list[tuple[str, Optional[str]]] = []
    for f in found:
        speakers.append(_speaker(doc, f, anonymous_seen))
    for i, f in enumerate(found):   # unattributed quotes continue the neighbouring quote's speaker
        if speakers[i] is None:
            if i > 0 and found[i - 1].paragraph in (f.paragraph, f.paragraph - 1) and speakers[i - 1]:
                speakers[i] = speakers[i - 1]
            elif i + 1 < len(found) and found[i + 1].paragraph == f.paragraph and speakers[i + 1]:
                speakers[i] = speakers[i + 1]
    for f, speaker in zip(found, speakers):
        words = doc.text[f.span.start:f.span.end].split()
        if len(words) < doc.lang.quote_min_words:
            continue
        quotes.append(Quote(speaker or Speaker(None), doc.text[f.span.start:f.span.end], f.span))
    return quotes


def _speaker(doc: Doc, f: Found, anonymous_seen: list) -> Optional[Speaker]:
    lang, text = doc.lang, doc.text
    sentence = doc.sentences[doc.sentence_at(f.outer.end - 1)]
    # after the quote: “…,” said X / “…,” X said / – …, sier han
    after = f.dash_attribution or Span(f.outer.end, min(sentence.end, f.outer.end + 160))
    if f.dash_attribution is None:
        line_end = text.find("\n", f.outer.end)
        after = Span(after.start, min(after.end, line_end if line_end >= 0 else len(text)))
    region = text[after.start:after.end]
    verb = lang.speech_re.search(region)
    if verb and verb.start() <= 60 and not re.search(r"[“\"«„]", region[:verb.start()]):
        clause_end = after.start + (re.search(r"(?<![A-Z])\.|[;!?]|$", region[verb.end():]).start() + verb.end())
        # “…,” an official said, adding that Rubio …: the one before the verb; else “…,” said X
        who = _who(doc, Span(after.start, after.start + verb.start()), anonymous_seen) or \
            _who(doc, Span(after.start + verb.start(), clause_end), anonymous_seen)
        if who:
            return who
        if lang.pro_drop and not region[:verb.start()].strip(" ,–—-"):   # «…», dijo: the subject of the text so far
            entity = antecedent(doc, doc.sentence_at(f.outer.start), f.outer.start)
            if entity is not None:
                return _person_speaker(doc, entity)
    # before the quote: X said: “…” / X said … “…”
    start_sentence = doc.sentences[doc.sentence_at(f.outer.start)]
    head = text[start_sentence.start:f.outer.start]
    verbs = list(lang.speech_re.finditer(head))
    if verbs and not re.search(r"[”»]", head[verbs[-1].end():]):
        verb_pos = start_sentence.start + verbs[-1].start()
        who = _who(doc, Span(start_sentence.start, verb_pos), anonymous_seen, first=True)
        if who is None:
            who = _who(doc, Span(start_sentence.start + verbs[-1].end(), f.outer.start), anonymous_seen, first=True)
        if who:
            return who
    return _neighbour_sentence(doc, f, anonymous_seen)


def _neighbour_sentence(doc: Doc, f: Found, anonymous_seen: list) -> Optional[Speaker]:
    """«…» Det sier Sandvik til NTB. / Kuleba explained it in a statement. “…”: the speaker is named in the
    sentence right after the quote (which opens with a speech verb) or right before a quote that opens a
    paragraph (which has a speech verb)."""
    last = doc.sentence_at(f.outer.end - 1)
    if last + 1 < len(doc.sentences):
        nxt = doc.sentences[last + 1]
        opening = " ".join(doc.text[nxt.start:nxt.end].split()[:3])
        if doc.lang.speech_re.search(opening) and not doc.in_quote(nxt.start + 1):
            who = _who(doc, Span(nxt.start, nxt.end), anonymous_seen, first=True)
            if who:
                return who
    first = doc.sentence_at(f.outer.start)
    opens_paragraph = first > 0 and doc.sentences[first].paragraph != doc.sentences[first - 1].paragraph \
        and doc.sentences[first].start >= f.outer.start - 2
    if opens_paragraph:
        prev = doc.sentences[first - 1]
        body = doc.text[prev.start:prev.end]
        if (doc.lang.speech_re.search(body) or body.rstrip().endswith(":")) and not doc.in_quote(prev.start + 1):
            return _who(doc, Span(prev.start, prev.end), anonymous_seen, first=True)
    return None


def _who(doc: Doc, region: Span, anonymous_seen: list, first: bool = False) -> Optional[Speaker]:
    """The person or anonymous source named in `region` (the nearest to the quote, or the first)."""
    people = [p for p in doc.persons if region.start <= p.span.start < region.end and not doc.in_quote(p.span.start)
              and not p.possessive]   # "sier hans pressesekretær": the secretary speaks, not the minister
    anon = list(doc.lang.anonymous_re.finditer(doc.text, region.start, region.end))
    anon = [a for a in anon if not doc.in_quote(a.start()) and not any(   # "the spokesman, Dmitry Peskov": the person
        0 < p.span.start - a.end() <= 80 and doc.lang.apposition_before_re.search(doc.text, a.start(), p.span.start)
        for p in people)]
    candidates = [(p.span.start, "person", p) for p in people] + [(a.start(), "anon", a) for a in anon]
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0])
    if first:
        pos, kind, item = candidates[0]
    else:
        persons = [c for c in candidates if c[1] == "person"]
        pos, kind, item = persons[0] if persons else candidates[0]
    if kind == "person":
        return _person_speaker(doc, item.entity, item.span.end)
    return Speaker(None, _anonymous_affiliation(doc, item, anonymous_seen))


def _person_speaker(doc: Doc, index: int, name_end: Optional[int] = None) -> Speaker:
    entity = doc.entities[index]
    if entity.affiliation is None:
        entity.affiliation = (_affiliation(doc, name_end) if name_end is not None else None) or \
            _title_affiliation(doc, index) or entity.organization
    return Speaker(entity.name, entity.affiliation, entity.kb_id)


def _affiliation(doc: Doc, after_name: int) -> Optional[str]:
    """"X, a former NATO spokesperson who is now a fellow at the RUSI think tank" -> RUSI."""
    text = doc.text
    m = re.match(r"\s*(?:\([^)]{1,8}\))?,\s+([^.;:\n«»“”\"„]{3,200})", text[after_name:after_name + 220])
    if not m or doc.lang.speech_re.match(m.group(1)) or \
            m.group(1).split()[0].lower() in doc.lang.pronouns_subject:   # "Kallas, skrev, at ...": no title
        return None
    start = after_name + m.start(1)
    return _organisation_in(doc, start, start + len(m.group(1)))


def _title_affiliation(doc: Doc, entity: int) -> Optional[str]:
    """"Pentagon press secretary Pat Ryder", "Acting State Department spokesman Mark Toner": the institution
    in the title in front of the person's name."""
    for p in doc.persons:
        if p.entity != entity or p.kind != "name":
            continue
        sentence = doc.sentences[p.sentence]
        head = doc.text[max(sentence.start, p.span.start - 60):p.span.start]
        apposed = doc.lang.apposition_before_re.search(doc.text, max(sentence.start, p.span.start - 90), p.span.start)
        if apposed:   # the title's own phrase, from the clause break before it
            lead = re.split(r"[,;()\n–—]|:\s", doc.text[max(sentence.start, apposed.start() - 60):apposed.start()])[-1]
            head = lead + doc.text[apposed.start():p.span.start]
        else:
            head = re.split(r"[,;()\n–—]|:\s", head)[-1]
        if head.strip():
            found = _organisation_in(doc, p.span.start - len(head), p.span.start)
            if found:
                return found
    return None


def _organisation_in(doc: Doc, start: int, end: int) -> Optional[str]:
    lang, text = doc.lang, doc.text
    found: list[tuple[int, int, str]] = []   # (position, priority, name): known institutions first
    for m in lang.institutions_re.finditer(text, start, end):
        name = m.group().casefold()
        name = name if name in lang.institutions else re.sub(r"(?:s|:s|’s|'s)$", "", name)
        found.append((m.start(), 2, lang.institutions.get(name, m.group())))
    for m in lang.org_re.finditer(text, start, end):
        found.append((m.start(), 1, lang.organizations[int(next(k for k, v in m.groupdict().items() if v)[1:])]))
    for m in lang.weak_org_re.finditer(text, start, end):
        found.append((m.start(), 1, lang.organizations[int(next(k for k, v in m.groupdict().items() if v)[1:])]))
    preps = "|".join(map(re.escape, lang.affiliation_prepositions))
    for m in re.finditer(r"\b(?:" + preps + r")\s+" + CAPITALISED_ORG.pattern, text[start:end]):
        name = re.sub(r"\s+(?:" + lang.org_heads_re.pattern + r")$", "", m.group(1), flags=re.I)
        name = re.sub(r"^(?:the|The)\s+", "", name)
        if len(name) > 1 and not lang.country_re.fullmatch(name) and not lang.place_re.fullmatch(name) \
                and name.split()[0] not in lang.not_names:
            found.append((start + m.start(1), 0, name))
    if not found:
        return None
    current = [f for f in found if not lang.former_re.search(text[max(start, f[0] - 25):f[0]])]
    pool = current or found
    return sorted(pool, key=lambda f: (f[0], f[1], len(f[2])))[-1][2]   # the last named; a known name there


def _anonymous_affiliation(doc: Doc, m: re.Match, anonymous_seen: list) -> Optional[str]:
    text = doc.text
    phrase_start = max(0, m.start() - 60)
    head = text[phrase_start:m.start()]
    det = list(re.finditer(r"(?i)(?:^|[\s,])(" + "|".join(map(re.escape, doc.lang.speaker_determiners)) + r")\s", head))
    start = phrase_start + (det[-1].start(1) if det else len(head))
    end = min(len(text), m.end() + 50)
    tail = re.match(r"[^,.;:\n]*", text[m.end():end])
    affiliation = _organisation_in(doc, start, m.end() + (tail.end() if tail else 0))
    noun = m.group().lower()
    if affiliation:
        anonymous_seen.append((noun, affiliation))
        return affiliation
    for seen, aff in reversed(anonymous_seen):   # "tjenestemannen" is the "tjenestemann i alliansen" above
        if noun.startswith(seen[:6]) or seen.startswith(noun[:6]):
            return aff
    return _earlier_anonymous(doc, m, noun)


def _earlier_anonymous(doc: Doc, m: re.Match, noun: str) -> Optional[str]:
    stem = noun[:6]
    for earlier in doc.lang.anonymous_re.finditer(doc.text, 0, m.start()):
        if earlier.group().lower().startswith(stem):
            end = min(len(doc.text), earlier.end() + 50)
            tail = re.match(r"[^,.;:\n]*", doc.text[earlier.end():end])
            aff = _organisation_in(doc, max(0, earlier.start() - 40), earlier.end() + (tail.end() if tail else 0))
            if aff:
                return aff
    return None
