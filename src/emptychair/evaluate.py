"""Score extraction records against gold files (docs/annotation.md).

Matching follows the interchange format's scoring rules: an event is found when the person (by surname),
the organisation and the status agree, and is then scored field by field; a quote when its text overlaps the
gold text; a claim when its span overlaps the gold claim. Optional gold items are neither required nor
counted against.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from .pipeline import extract
from .serialize import record_to_dict
from .settings import Options

ORGS = {"nato": {"north atlantic treaty organization", "otan"},
        "eu": {"european union", "european council", "council of the european union"},
        "un": {"united nations", "un general assembly", "unga"},
        "coalition": {"global coalition against daesh", "global coalition to defeat isis"},
        "udcg": {"ukraine defense contact group", "ukraine defence contact group"}}
KINDS = {"defence ministers": {"defense ministers", "defence ministerial", "defense ministerial"},
         "foreign ministers": {"foreign ministerial"}}


def norm(s) -> str:
    s = unicodedata.normalize("NFKD", str(s or "")).replace("ø", "o").replace("æ", "ae").replace("ß", "ss")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in s).split())


def _canon(value, table) -> str:
    n = norm(value)
    return next((k for k, names in table.items() if n == k or n in names), n)


def same_surname(gold, pred) -> bool:
    g, p = norm(gold).split(), norm(pred).split()
    return bool(g) and g[-1] in p


def same_org(gold, pred) -> bool:
    g, p = _canon(gold, ORGS), _canon(pred, ORGS)
    return not g or (bool(p) and (g == p or g in p or p in g))


def same_kind(gold, pred) -> bool:
    g, p = _canon(gold, KINDS), _canon(pred, KINDS)
    return g == p or (bool(g) and bool(p) and (g in p or p in g))


def same_date(gold, pred) -> bool:
    return not pred if not gold else bool(pred) and str(pred).startswith(gold)


def word_overlap(a, b) -> float:
    x, y = set(norm(a).split()), set(norm(b).split())
    if not x or not y:
        return 0.0
    both = len(x & y)
    return max(both / len(x | y), 0.9 * both / min(len(x), len(y)) if min(len(x), len(y)) >= 4 else 0)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields: dict = field(default_factory=dict)

    def check(self, name: str, ok: bool) -> None:
        right, total = self.fields.get(name, (0, 0))
        self.fields[name] = (right + bool(ok), total + 1)

    @property
    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "f1": round(self.f1, 3),
                "fields": {k: {"right": a, "of": b} for k, (a, b) in sorted(self.fields.items())}}


@dataclass
class Scores:
    events: Tally = field(default_factory=Tally)
    quotes: Tally = field(default_factory=Tally)
    claims: Tally = field(default_factory=Tally)
    dating: Tally = field(default_factory=Tally)
    log: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return {k: getattr(self, k).as_dict() for k in ("events", "quotes", "claims", "dating")}


def _pair(golds: list, preds: list, score: Callable) -> tuple[list, list, list]:
    """Greedy one-to-one matching; required gold items choose first."""
    used, pairs, missed = set(), [], []
    for gi in sorted(range(len(golds)), key=lambda i: bool(golds[i].get("optional"))):
        # the earliest prediction wins a tie, as in the shared scorer
        best = max(((score(golds[gi], p), -pi) for pi, p in enumerate(preds) if pi not in used), default=(0, None))
        best = (best[0], -best[1] if best[1] is not None else None)
        if best[0]:
            used.add(best[1])
            pairs.append((gi, best[1]))
        else:
            missed.append(gi)
    return pairs, missed, [pi for pi in range(len(preds)) if pi not in used]


def _spans(item: dict) -> list[tuple[int, int]]:
    out = [(e["start"], e["end"]) for e in item.get("evidence") or [] if isinstance(e, dict)]
    if isinstance(item.get("start"), int):
        out.append((item["start"], item["end"]))
    return out


def _located(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    return [(i, i + len(p)) for p in pieces if (i := text.find(p)) >= 0]


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_article(gold: dict, pred: dict, s: Scores) -> None:
    text, g = gold["text"], gold["gold"]

    def event_score(ge, pe):
        gp, pp = ge.get("person") or {}, pe.get("person") or {}
        gm, pm = ge.get("meeting") or {}, pe.get("meeting") or {}
        if not same_surname(gp.get("name"), pp.get("name")) or ge.get("status") != pe.get("status") \
                or not same_org(gm.get("organization"), pm.get("organization")):
            return 0
        return 1 + same_kind(gm.get("kind"), pm.get("kind")) + same_date(gm.get("date"), pm.get("date"))

    golds, preds = g.get("events", []), pred.get("events") or []
    pairs, missed, extra = _pair(golds, preds, event_score)
    t = s.events
    for gi, pi in pairs:
        ge, pe = golds[gi], preds[pi]
        if ge.get("optional"):
            continue
        t.tp += 1
        gm, pm = ge.get("meeting") or {}, pe.get("meeting") or {}
        if gm.get("kind"):
            t.check("meeting.kind", same_kind(gm.get("kind"), pm.get("kind")))
        t.check("meeting.date", same_date(gm.get("date"), pm.get("date")))
        if ge.get("modality"):
            t.check("modality", ge.get("modality") == pe.get("modality"))
        gs, ps = ge.get("substitute"), pe.get("substitute")
        if gs and not gs.get("name"):
            t.check("substitute", bool(ps))
        else:
            t.check("substitute", (not gs and not ps) or (bool(gs) and bool(ps) and same_surname(gs["name"], ps.get("name"))))
        t.check("person.country", (ge["person"].get("country") or "") == ((pe.get("person") or {}).get("country") or ""))
        t.check("evidence", any(_overlap(a, b) for a in _located(text, ge.get("evidence", [])) for b in _spans(pe)))
        s.log.append(f"  event ok    {ge['person']['name']} {ge['status']} {gm.get('organization')} {gm.get('kind')}")
    for gi in missed:
        if not golds[gi].get("optional"):
            t.fn += 1
            ge = golds[gi]
            s.log.append(f"  event MISS  {ge['person']['name']} {ge['status']} {ge['meeting'].get('organization')} "
                         f"{ge['meeting'].get('kind')}")
    for pi in extra:
        t.fp += 1
        pe = preds[pi]
        s.log.append(f"  event EXTRA {(pe.get('person') or {}).get('name')} {pe.get('status')} "
                     f"{(pe.get('meeting') or {}).get('organization')}")

    golds, preds = g.get("quotes", []), pred.get("quotes") or []
    pairs, missed, extra = _pair(golds, preds, lambda a, b: x if (x := word_overlap(a.get("text"), b.get("text"))) >= 0.6 else 0)
    for gi, pi in pairs:
        gq, pq = golds[gi], preds[pi]
        if gq.get("optional"):
            continue
        s.quotes.tp += 1
        gs, ps = gq.get("speaker") or {}, pq.get("speaker") or {}
        ok = same_surname(gs.get("name"), ps.get("name")) if gs.get("name") else \
            not ps.get("name") or (bool(gs.get("affiliation")) and norm(gs["affiliation"]) in norm(ps.get("affiliation")))
        s.quotes.check("speaker", ok)
        if gs.get("affiliation"):
            s.quotes.check("affiliation", bool(ps.get("affiliation")) and (norm(gs["affiliation"]) in norm(ps["affiliation"])
                                                                           or norm(ps["affiliation"]) in norm(gs["affiliation"])))
        if not ok:
            s.log.append(f"  quote WRONG SPEAKER {gs.get('name')} got {ps.get('name')}: {gq['text'][:50]}")
    for gi in missed:
        if not golds[gi].get("optional"):
            s.quotes.fn += 1
            s.log.append(f"  quote MISS  {golds[gi]['text'][:60]}")
    for pi in extra:
        s.quotes.fp += 1
        s.log.append(f"  quote EXTRA {str(preds[pi].get('text'))[:60]}")

    golds, preds = g.get("claims", []), pred.get("claims") or []

    def claim_score(gc, pc):
        at = _located(text, [gc["text"]])
        if at and any(_overlap(at[0], sp) for sp in _spans(pc)):
            return 1
        return 1 if word_overlap(gc["text"], pc.get("text")) >= 0.6 else 0

    pairs, missed, extra = _pair(golds, preds, claim_score)
    for gi, pi in pairs:
        s.claims.tp += 1
        s.claims.check("claim.kind", golds[gi].get("kind") == preds[pi].get("kind"))
        for k in ("count", "window_years", "year"):
            if k in golds[gi]:
                s.claims.check("claim." + k, golds[gi][k] == preds[pi].get(k))
    for gi in missed:
        s.claims.fn += 1
        s.log.append(f"  claim MISS  {golds[gi]['kind']}: {golds[gi]['text'][:60]}")
    for pi in extra:
        s.claims.fp += 1
        s.log.append(f"  claim EXTRA {str(preds[pi].get('text'))[:60]}")

    window = gold.get("published_window")
    if window:
        got = pred.get("published_window") or ([pred["published"]] * 2 if pred.get("published") else None)
        ok = bool(got) and got[0] <= window[1] and window[0] <= got[1] and got[0] >= window[0][:4]
        s.dating.tp += ok
        s.dating.fn += not ok
        s.log.append(f"  dating {'ok' if ok else 'WRONG'}: gold {window} got {got}")


def load_gold(directory: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.json"))]


def evaluate_dir(directory: Path, options: Optional[Options] = None) -> Scores:
    scores = Scores()
    for gold in load_gold(directory):
        article = {k: gold.get(k) for k in ("id", "url", "language", "published", "title", "text")}
        scores.log.append(f"{gold['id']}:")
        score_article(gold, record_to_dict(extract(article, options)), scores)
    return scores


def format_scores(s: Scores) -> str:
    lines = []
    for name in ("events", "quotes", "claims"):
        t = getattr(s, name)
        fields = ", ".join(f"{k} {a}/{b}" for k, (a, b) in sorted(t.fields.items()))
        lines.append(f"{name:7} F1 {t.f1:.3f}  (tp {t.tp} fp {t.fp} fn {t.fn})  {fields}")
    lines.append(f"dating  {s.dating.tp}/{s.dating.tp + s.dating.fn} undated articles in the right window")
    return "\n".join(lines)
