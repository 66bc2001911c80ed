"""Which language an article is in: py3langid over all its languages, mapped onto our data files.

langid says `no` for Norwegian Bokmål and cannot always tell it from Nynorsk or Danish on short texts;
each data file lists the codes it answers to (`detect`) and marker words that settle close calls.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from . import data

WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    """langid code -> our code, for every language with a data file."""
    out = {}
    for code in data.available():
        for alias in data.header(code).get("detect", [code]):
            out[alias] = code
    return out


def detect(text: str) -> tuple[Optional[str], str]:
    """(our language code or None, the code langid gave) for a text."""
    sample = text[:800]   # enough for an article's language; langid's cost grows with length
    if not WORD.search(sample):
        return None, "und"
    found, _score = _identifier().classify(sample)
    codes = _codes()
    if found in codes:
        return _settle(codes[found], sample, codes), found
    return None, found


@lru_cache(maxsize=1)
def _markers() -> dict[str, tuple[str, ...]]:
    return {c: tuple(data.header(c)["markers"]) for c in set(_codes().values()) if data.header(c).get("markers")}


def _settle(code: str, sample: str, codes: dict[str, str]) -> str:
    """Bokmål, Nynorsk and Danish share most words; count each one's marker words and take the most."""
    markers = _markers()
    if code not in markers or len(markers) < 2:
        return code
    words = Counter(w.lower() for w in WORD.findall(sample))
    counts = {c: sum(words[m] for m in ms) for c, ms in markers.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] > counts.get(code, 0) * 1.5 else code


def normalise(code: Optional[str]) -> Optional[str]:
    """A language hint as users write it (`no`, `NB`, `en-GB`) -> our code, or the hint unchanged."""
    if not code:
        return None
    short = code.strip().lower().replace("_", "-").split("-")[0]
    return _codes().get(short, short)
