"""Find attendance triggers: the words that say someone skips, attends, joins remotely or is undecided.

Triggers inside quotes are left out: a speaker's "I will not be there" is evidence for a reader, but who
"I" is belongs to quote attribution, not to event extraction.
"""
from __future__ import annotations

import re

from ..doc import Doc, TriggerMention
from ..model import Span


def find(doc: Doc) -> None:
    lang = doc.lang
    for m in doc.finditer(lang.trigger_re, lang.cue_gate):
        if doc.in_quote(m.start()):
            continue
        group = m.lastgroup
        trigger = lang.triggers[int(group[1:])]
        doc.triggers.append(TriggerMention(Span(m.start(), m.end()), doc.sentence_at(m.start()), trigger.lemma,
                                           trigger.status, trigger.noun, past=group.startswith("p"),
                                           act=trigger.act, passive=trigger.passive, travel=trigger.travel))
    near = {t.sentence + k for t in doc.triggers for k in (0, 1, 2)}   # "plans to do so" needs a trigger before it
    for m in (m for i in sorted(near) if i < len(doc.sentences)
              for m in lang.vp_anaphora_re.finditer(doc.text, doc.sentences[i].start, doc.sentences[i].end)):
        if doc.in_quote(m.start()):
            continue
        span = Span(m.start(), m.end())
        if any(t.span.overlaps(span) for t in doc.triggers) or \
                not any(t.span.end <= span.start and doc.sentence_at(span.start) - t.sentence <= 2 for t in doc.triggers):
            continue
        doc.triggers.append(TriggerMention(span, doc.sentence_at(m.start()), "", "", False, False, anaphoric=True,
                                           passive=bool(lang.inverted_anaphora_re.fullmatch(m.group()))))
    doc.triggers.sort(key=lambda t: t.span.start)
    doc.triggers = _absorbed_by_undecided(doc.triggers, doc.text)


def _absorbed_by_undecided(found: list[TriggerMention], text: str) -> list[TriggerMention]:
    """"usikkert om Eide deltar", "unclear whether Rubio will attend": the attend belongs to the doubt."""
    doubts = [t for t in found if t.status == "undecided"]
    return [t for t in found if not any(
        d.sentence == t.sentence and 0 <= t.span.start - d.span.end and _gap(text, d.span.end, t.span.start) <= 80
        for d in doubts if d is not t)]


def _gap(text: str, start: int, end: int) -> int:
    """Characters between, a parenthesis set off by commas left out: "whether X, who faces a revolt, will go"."""
    return len(re.sub(r",[^,]{1,120},", ",", text[start:end]))


def has_cue(doc: Doc) -> bool:
    """Second pass of the prefilter, once sentences are known: a trigger, or a "sent his deputy" cue."""
    if doc.triggers:
        return True
    lang = doc.lang
    return any(next(doc.finditer(lang.substitute_re[cue], lang.cue_gate), None) for cue in ("send", "represent"))


def prefilter(text: str, lang) -> bool:
    """Cheap test: could this text report attendance at all? A trigger (or "sent his deputy") and an
    organisation or meeting."""
    return lang.may_have_cue(text) and bool(
        lang.org_re.search(text) or lang.series_re.search(text) or lang.meeting_re.search(text))
