"""Measure linking against gold: articles whose gold events carry a `fact` label (the same label for every
report of one person at one meeting; tests/linking/README.md).

The articles are ingested into a fresh record; each gold event is matched to a stored report of its article
(same surname, status and organisation); then every pair of matched gold events is a link if the gold labels
agree, and the record links them if it put both reports in one fact. Precision and recall are over those
pairs; `matched` says how many gold events extraction found at all.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from ..evaluate import same_org, same_surname
from ..settings import Options
from ..store.db import Database
from .ingest import ingest


@dataclass
class LinkScores:
    gold_events: int
    matched: int
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def evaluate_links(db: Database, directory: Path, options: Options | None = None) -> LinkScores:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(directory.rglob("*.json"))]
    articles = [{k: g.get(k) for k in ("id", "url", "language", "published", "title", "text")} for g in golds]
    staging = directory / ".linking-input.jsonl"
    import tempfile
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        fh.write("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles))
        staging = Path(fh.name)
    try:
        list(ingest(db, [str(staging)], options))
    finally:
        staging.unlink()
    labelled: list[tuple[str, int]] = []   # (gold fact label, predicted fact pk)
    total = 0
    for g in golds:
        reports = db.query("SELECT r.person_name, r.status, r.organization, r.fact_pk FROM reports r JOIN articles a "
                           "ON a.pk = r.article_pk WHERE a.article_id = ? ORDER BY r.idx", (g["id"],))
        used: set[int] = set()
        for event in g["gold"]["events"]:
            if event.get("optional"):
                continue
            total += 1
            for i, (name, status, org, fact) in enumerate(reports):
                if i in used or status != event["status"] or not same_surname(event["person"]["name"], name) \
                        or not same_org(event["meeting"]["organization"], org):
                    continue
                used.add(i)
                labelled.append((event["fact"], fact))
                break
    tp = fp = fn = 0
    for (gold_a, pred_a), (gold_b, pred_b) in combinations(labelled, 2):
        if gold_a == gold_b and pred_a == pred_b:
            tp += 1
        elif gold_a == gold_b:
            fn += 1
        elif pred_a == pred_b:
            fp += 1
    return LinkScores(total, len(labelled), tp, fp, fn)
