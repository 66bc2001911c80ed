"""Split text into sentences and clauses.

A line break always ends a sentence: headlines, crossheads and datelines often have no full stop. Inside a
line, a sentence ends at . ! ? (and closing quotes) followed by a capital, a digit or an opening quote,
unless the word before the stop is an abbreviation of the language or a single initial ("J. D. Vance").
"""
from __future__ import annotations

import re

from ..language.data import Language
from ..model import Sentence, Span

LINE = re.compile(r"[^\n]+")
BOUNDARY = re.compile(r"[.!?…]+[\"”’»)]*\s+(?=[\"“‘«(–—-]?\s*[^\W\d_a-zæøåäöüéèàç]|\d)")
WORD_BEFORE = re.compile(r"([\w.]+)\.+$")


def split(text: str, lang: Language) -> list[Sentence]:
    sentences: list[Sentence] = []
    for paragraph, line in enumerate(LINE.finditer(text)):
        start = line.start()
        for m in BOUNDARY.finditer(line.group()):
            end = line.start() + m.start() + len(m.group().rstrip())
            if _is_abbreviation(text[start:end].rstrip("\"”’»)"), lang):
                continue
            _add(sentences, text, start, end, paragraph)
            start = line.start() + m.end()
        _add(sentences, text, start, line.end(), paragraph)
    return sentences


def _is_abbreviation(chunk: str, lang: Language) -> bool:
    m = WORD_BEFORE.search(chunk)
    if not m:
        return False
    word = m.group(1)
    return word in lang.abbreviations or word.lower() in lang.abbreviations or (len(word) == 1 and word.isupper())


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, paragraph))


def clauses(text: str, span: Span, lang: Language) -> list[Span]:
    """The clauses of the sentence at `span`, split at the language's clause breaks."""
    out, start = [], span.start
    for m in lang.clause_re.finditer(text, span.start, span.end):
        if m.start() > start:
            out.append(Span(start, m.start()))
        start = m.end()
    if span.end > start:
        out.append(Span(start, span.end))
    return out or [span]
