"""emptychair: a provenance-first record of who shows up at diplomacy's tables, read from the news."""
__version__ = "0.1.0"

from .api import extract, extract_many, who  # noqa: E402
from .model import Article, Claim, Event, Meeting, Person, Quote, Record, Span, Speaker  # noqa: E402
from .serialize import record_to_dict  # noqa: E402

__all__ = ["extract", "extract_many", "who", "record_to_dict", "Article", "Record", "Event", "Person", "Meeting",
           "Quote", "Speaker", "Claim", "Span", "__version__"]
