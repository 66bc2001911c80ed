"""Historical claims about attendance: streaks, base rates, last occurrences, rarity.

A claim pattern counts only in attendance context (a trigger or a context word in its sentence or the one
before), so "a rare earth deal" is not a claim. The same claim repeated (a lead printed twice) counts once.
"""
from __future__ import annotations

import re
from typing import Optional

from ..doc import Doc
from ..model import CLAIM_KINDS, Claim, Span


def find(doc: Doc) -> list[Claim]:
    lang, text = doc.lang, doc.text
    claims: list[Claim] = []
    seen: set[tuple[str, str]] = set()
    with_trigger = {t.sentence for t in doc.triggers} | {m.sentence for m in doc.meetings}
    context = [i in with_trigger or bool(lang.claim_context_re.search(doc.sentence_text(i)))
               for i in range(len(doc.sentences))]
    claimed = set()
    for i in doc.gated(lang.claim_gate):
        s = doc.sentences[i]
        body = text[s.start:s.end]
        for kind in CLAIM_KINDS:
            m = next((m for p in lang.claim_res[kind] if (m := p.search(body))), None)
            if not m:
                continue
            if not (context[i] or (i > 0 and (context[i - 1] or i - 1 in claimed))):
                continue
            key = (kind, " ".join(body[m.start():m.end() + 60].split()))   # a lead printed twice counts once
            if key in seen:
                continue
            seen.add(key)
            claimed.add(i)
            a, b = _clause(body, m)
            claims.append(_claim(doc, kind, m, body[a:b], Span(s.start + a, s.start + b)))
    return claims


BREAK = re.compile(r"[,;:–—()«»“”\"]")


def _clause(body: str, m: re.Match) -> tuple[int, int]:
    """The clause around the claim's words, so that two claims of one sentence keep apart."""
    before = [x.end() for x in BREAK.finditer(body, 0, m.start())]
    after = BREAK.search(body, m.end())
    start = before[-1] if before else 0
    end = after.start() if after else len(body)
    while start < end and body[start] == " ":
        start += 1
    return start, end


def _claim(doc: Doc, kind: str, m: re.Match, body: str, span: Span) -> Claim:
    lang = doc.lang
    groups = m.groupdict()
    claim = Claim(kind, body, span)
    if kind in ("streak", "base_rate"):
        claim.count = lang.number(groups.get("count"))
    if kind == "base_rate":
        claim.window_years = lang.number(groups.get("window"))
        start = groups.get("window_start")
        if start and claim.window_years is None and _year(doc):
            claim.window_years = _year(doc) - int(start)
    if kind == "last_occurrence" and groups.get("year"):
        claim.year = int(groups["year"])
    return claim


def _year(doc: Doc) -> Optional[int]:
    if doc.published:
        return doc.published.year
    return doc.window[1].year if doc.window else None
