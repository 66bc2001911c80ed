"""Linking reports into facts, measured on the linking corpus (tests/linking: 36 articles in three languages
about nine meetings, with gold fact labels). Precision and recall of pairwise links must stay >= 0.95."""
from emptychair.record.linkeval import evaluate_links
from emptychair.store import open_database

from conftest import ROOT


def test_linking_precision_and_recall(tmp_path):
    scores = evaluate_links(open_database(str(tmp_path / "links.db")), ROOT / "tests" / "linking")
    assert scores.gold_events >= 100
    assert scores.matched / scores.gold_events >= 0.6, "extraction found too few gold events to measure linking"
    assert scores.precision >= 0.95, scores
    assert scores.recall >= 0.95, scores
