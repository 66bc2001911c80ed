"""The library's public entry points. The CLI and any web or Spark layer call these."""
from __future__ import annotations

from datetime import date
from typing import Iterable, Iterator, Optional

from .ingest.files import Bad, read
from .kb import officeholders
from .kb.officeholders import Term
from .model import Problem, Record
from .pipeline import extract
from .settings import Options
from .textutil import fold

__all__ = ["extract", "extract_many", "who"]


def extract_many(paths: Iterable[str], options: Optional[Options] = None) -> Iterator[Record]:
    """Records for every article in `paths` (files, directories, "-" for stdin), in input order.
    Articles that can't be read yield a record whose `error` says why."""
    options = options or Options()
    for item in read(paths, options.max_bytes):
        if isinstance(item, Bad):
            yield Record(id=item.id, error=Problem(item.error.code, str(item.error)), source=item.source)
        else:
            yield extract(item, options)


def who(name: str, on: Optional[date] = None, options: Optional[Options] = None) -> list[Term]:
    """Terms of office of everyone the knowledge base knows by `name`."""
    kb = officeholders.load((options or Options()).kb_dir)
    words = tuple(fold(name).replace("-", " ").replace(".", " ").split())
    people = kb.lookup(words) or kb.lookup(words[-1:])
    terms = [t for p in sorted(people) for t in kb.terms_of(p)]
    return [t for t in terms if on is None or t.covers(on)]
