"""Small text helpers shared by stages."""
from __future__ import annotations

import re
import unicodedata

_SPECIAL = str.maketrans({"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ß": "ss", "ł": "l", "Ł": "l", "đ": "d",
                          "Đ": "d", "ı": "i", "’": "'", "‘": "'"})
ROMAN = re.compile(r"^(?:[IVX]+|Jr\.?|Sr\.?)$")


def fold(s: str) -> str:
    """Lower-case ASCII-ish form for matching names across spellings: Støre -> store, Erdoğan -> erdogan."""
    s = unicodedata.normalize("NFKD", s.translate(_SPECIAL))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def slug(name: str) -> str:
    """The knowledge base's person id for a name: `Børge Brende` -> `borge-brende`."""
    return "-".join(re.sub(r"[^a-z0-9 -]", "", fold(name).replace("-", " ")).split())


def surname(name: str) -> str:
    """The last word of a name that is not a regnal number or a suffix (Charles III -> Charles)."""
    words = [w for w in name.split() if not ROMAN.match(w)]
    return words[-1] if words else name
