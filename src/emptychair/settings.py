"""Options for a run: one object, built from defaults and command-line flags, passed explicitly.

Every setting is declared in `SETTINGS` with a description; a test checks that each is documented in the
README. `Options` is a plain dataclass, so it pickles for worker processes.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Optional

SETTINGS = {
    "max_bytes": "Largest article (or JSON line) read, in bytes; larger ones get a `too_large` error.",
    "language": "Language code to assume for every article, instead of the record's hint or detection.",
    "prefilter": "Skip articles with no attendance vocabulary before any heavy work (on by default).",
    "kb_dir": "An extra knowledge-base directory (with `offices/` and `aliases/`) loaded on top of the shipped one "
              "(default: $EMPTYCHAIR_KB_DIR).",
    "today": "The latest date an undated article can have (default: the day of the run).",
}


@dataclass(frozen=True)
class Options:
    max_bytes: int = 5_000_000
    language: Optional[str] = None
    prefilter: bool = True
    kb_dir: Optional[str] = field(default_factory=lambda: os.environ.get("EMPTYCHAIR_KB_DIR") or None)
    today: date = field(default_factory=date.today)


assert set(SETTINGS) == {f.name for f in fields(Options)}, "every option needs a description in SETTINGS"
