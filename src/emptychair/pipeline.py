"""The extraction pipeline: one article in, one `Record` out.

Stages, in order (each a module with one job):
  1. clean       HTML -> text (ingest.html), and checks that the text is text
  2. language    the record's hint, or detection (language.detect)
  3. prefilter   no trigger word and no organisation or meeting word: stop here (extract.triggers)
  4. sentences   lines, sentences and clauses (extract.sentences)
  5. mentions    quotes' extent, people, organisations and meetings, dates (extract.quotes/people/meetings/dates)
  6. dating      undated articles get a window from who held which office (kb.dating)
  7. grounding   role-only phrases and pronouns resolved on that date (extract.people.resolve)
  8. events      triggers -> frames -> drafts -> substitutes -> merged events (extract.triggers, extract.events)
  9. quotes, claims
 10. record      dates resolved, roles filled, evidence spans (extract.grounding)
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional, Union

from .doc import Doc
from .errors import EmptychairError, InputError
from .ingest import html as html_reader
from .ingest.files import article_from_dict
from .kb import dating, officeholders
from .language import data as language_data
from .language import detect as language_detect
from .model import Article, Problem, Record
from .settings import Options
from .extract import claims, dates, events, grounding, meetings, people, quotes, sentences, triggers

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")


def extract(article: Union[Article, dict, str], options: Optional[Options] = None) -> Record:
    """Extract events, quotes and claims from one article (an `Article`, an article record dict, or text)."""
    options = options or Options()
    try:
        article = _as_article(article)
    except InputError as exc:
        return Record(id=str(article.get("id", "")) if isinstance(article, dict) else "",
                      error=Problem(exc.code, str(exc)))
    record = Record(id=article.id, published=article.published, source=article.source)
    try:
        return _run(article, options, record)
    except EmptychairError as exc:
        record.error = Problem(exc.code, str(exc))
        return record


def _as_article(article) -> Article:
    if isinstance(article, Article):
        return article
    if isinstance(article, str):
        return Article(id="text", text=article)
    if isinstance(article, dict):
        return article_from_dict(article, "record")
    raise InputError("bad_record", f"expected an Article, a dict or a string, not {type(article).__name__}")


def _run(article: Article, options: Options, record: Record) -> Record:
    text = article.text
    if article.html is not None and not text:
        extracted = html_reader.extract(article.html)
        text = extracted.text
        record.text = text
        article.title = article.title or extracted.title
        if not article.published and extracted.published:
            article.published = record.published = extracted.published
    _check_text(text)
    code = language_detect.normalise(options.language or article.language)
    if not code:
        code, found = language_detect.detect(text)
        if code is None:
            raise language_data.UnsupportedLanguage(found, language_data.available())
    lang = language_data.load(code)
    record.language = code
    if options.prefilter and not triggers.prefilter(text, lang):
        return record
    doc = Doc(article, text, lang)
    _published(doc, article.published)
    doc.sentences = sentences.split(text, lang)
    doc.index_sentences()
    found_quotes = quotes.find_spans(doc)
    triggers.find(doc)
    kb = officeholders.load(options.kb_dir)
    if options.prefilter and not triggers.has_cue(doc):
        if found_quotes:   # no attendance report, but who said what may still matter
            people.find(doc, kb)
            people.resolve(doc, kb)
            record.quotes = quotes.attribute(doc, found_quotes)
        return record
    people.find(doc, kb)
    meetings.find(doc)
    dates.find(doc)
    if doc.published is None and doc.window is None:
        doc.window = dating.window(doc, kb, options.today)
        if doc.window:
            record.published_window = (doc.window[0].isoformat(), doc.window[1].isoformat())
    people.resolve(doc, kb)
    record.events = grounding.events(doc, events.extract(doc))
    record.quotes = quotes.attribute(doc, found_quotes)
    record.claims = claims.find(doc)
    return record


def _check_text(text: str) -> None:
    if not text or not text.strip():
        raise InputError("empty_text", "the article text is empty")
    sample = text[:20000]
    if len(CONTROL.findall(sample)) > max(8, len(sample) // 50):
        raise InputError("binary", "the text is mostly control characters or undecodable bytes, not an article; "
                                   "check the file's encoding")


def _published(doc: Doc, published: Optional[str]) -> None:
    """A day is a reference date; a month or a year is a window."""
    if not published:
        return
    parts = [int(p) for p in published[:10].split("-")]
    try:
        if len(parts) == 3:
            doc.published = date(*parts)
        elif len(parts) == 2:
            last = (date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1) - date.resolution)
            doc.window = (date(parts[0], parts[1], 1), last)
        else:
            doc.window = (date(parts[0], 1, 1), date(parts[0], 12, 31))
    except ValueError:
        raise InputError("bad_published", f"\"published\" is {published!r}, which is not a real date") from None
