"""Article text and metadata out of raw HTML, with trafilatura."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..errors import InputError


MIN_WORDS = 10   # less than a sentence: a menu or a cookie notice, not an article


@dataclass
class Extracted:
    text: str
    title: Optional[str]
    published: Optional[str]


def extract(html: str) -> Extracted:
    import trafilatura   # imported here: ~0.3 s, and only HTML input needs it

    text = trafilatura.extract(html, include_comments=False, include_tables=False, deduplicate=True)
    if not text or len(text.split()) < MIN_WORDS:
        raise InputError("no_article_body", "no article text found in the HTML (navigation or boilerplate "
                         "only); give the article text in the record's \"text\" field instead")
    meta = trafilatura.extract_metadata(html)
    published = meta.date if meta and meta.date else None
    return Extracted(text, meta.title if meta else None, published)
