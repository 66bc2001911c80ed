from pathlib import Path

import pytest

from emptychair import extract
from emptychair.settings import Options

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.fixture(scope="session")
def run():
    """Extract one article given as text (and optionally language and published date)."""
    def _run(text, language="en", published="2025-06-02", title=None):
        return extract({"id": "t", "text": text, "language": language, "published": published, "title": title},
                       Options())
    return _run
