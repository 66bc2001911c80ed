"""Import officeholders from a Wikidata query result (positions held, P39, with start P580 and end P582).

`positions.rq` beside this module is the query; its result, downloaded as SPARQL JSON, is turned into an
office file in the knowledge base's format (docs/knowledge-base.md), with each row citing the Wikidata
item it came from. Rows the shipped knowledge base already has (same person, function and overlapping
dates) are left out, so an import adds what the shipped data lacks.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Optional

from ...errors import KnowledgeBaseError
from ...textutil import slug
from ..officeholders import COLUMNS, KnowledgeBase

QUERY = Path(__file__).parent / "positions.rq"
MINISTER_KINDS = (
    (re.compile(r"foreign|external (?:affairs|relations)|secretary of state(?! for)|secretary of state for "
                r"foreign", re.I), "foreign_minister", "Minister of Foreign Affairs"),
    (re.compile(r"defen[cs]e|armed forces", re.I), "defence_minister", "Minister of Defence"),
)
QID = re.compile(r"Q\d+$")


@dataclass
class ImportResult:
    rows: list[list[str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)     # "row 12: why"
    known: int = 0                                       # rows the shipped knowledge base already had


def read_result(path: Path) -> list[dict]:
    """The bindings of a SPARQL JSON result, with a clear error for anything else."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(path, None, f"cannot read it: {exc}") from None
    except json.JSONDecodeError as exc:
        raise KnowledgeBaseError(path, exc.lineno, f"not JSON ({exc.msg}); download the query result as "
                                                   "\"JSON\" from query.wikidata.org") from None
    try:
        bindings = data["results"]["bindings"]
        variables = set(data["head"]["vars"])
    except (TypeError, KeyError):
        raise KnowledgeBaseError(path, None, "not a SPARQL JSON result (no head.vars / results.bindings); "
                                             f"run the query in {QUERY.name} and download it as JSON") from None
    missing = {"person", "personLabel", "positionLabel", "iso", "function", "start"} - variables
    if missing:
        raise KnowledgeBaseError(path, None, f"the result lacks the columns {', '.join(sorted(missing))}; use "
                                             f"the query in {QUERY}")
    return bindings


def convert(bindings: list[dict], kb: Optional[KnowledgeBase] = None, today: Optional[date] = None) -> ImportResult:
    today = today or date.today()
    out = ImportResult()
    seen = set()
    for n, row in enumerate(bindings, 1):
        value = {k: (v or {}).get("value") for k, v in row.items()}
        try:
            converted = _row(value, today)
        except ValueError as exc:
            out.skipped.append(f"row {n}: {exc}")
            continue
        if converted is None:
            continue
        key = (converted[0], converted[3], converted[6])
        if key in seen:
            continue
        seen.add(key)
        if kb is not None and _known(kb, converted):
            out.known += 1
            continue
        out.rows.append(converted)
    return out


def _row(v: dict, today: date) -> Optional[list[str]]:
    name = (v.get("personLabel") or "").strip()
    person_uri = v.get("person") or ""
    qid = person_uri.rsplit("/", 1)[-1]
    if not name or not QID.match(qid) or QID.match(name):
        raise ValueError("no English name for the person")
    kind = v.get("function")
    label = (v.get("positionLabel") or "").strip()
    if kind in ("head_of_state", "head_of_government"):
        function, office = kind, label or kind.replace("_", " ")
    elif kind == "minister":
        match = next(((f, t) for pattern, f, t in MINISTER_KINDS if pattern.search(label)), None)
        if match is None:
            return None   # another minister the query's filter let through
        function, office = match[0], label or match[1]
    else:
        raise ValueError(f"unknown function {kind!r}")
    iso = (v.get("iso") or "").upper()
    if not re.fullmatch(r"[A-Z]{2}", iso):
        raise ValueError(f"country code {iso!r} is not ISO 3166-1 alpha-2")
    start = _day(v.get("start"))
    end = _day(v.get("end")) if v.get("end") else None
    if start is None:
        raise ValueError(f"start {v.get('start')!r} is not a date")
    if end and end < start:
        raise ValueError(f"ends {end} before it starts {start}")
    if start > today or (end and end > today):
        raise ValueError("a date in the future")
    return [slug(name), name, office, function, iso, "", start.isoformat(), end.isoformat() if end else "",
            f"https://www.wikidata.org/wiki/{qid}"]


def _day(value: Optional[str]) -> Optional[date]:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    if not m:
        return None
    year, month, day = (int(x) for x in m.groups())
    try:   # Wikidata writes a year- or month-precise date with zeros
        return date(year, max(month, 1), max(day, 1))
    except ValueError:
        return None


def _known(kb: KnowledgeBase, row: list[str]) -> bool:
    person, function = row[0], row[3]
    start = date.fromisoformat(row[6])
    end = date.fromisoformat(row[7]) if row[7] else date.max
    return any(t.overlaps(start, end) for t in kb.terms_of(person, function))


def write(result: ImportResult, into: Path, name: str = "wikidata") -> Path:
    """Write the rows as `<into>/offices/<name>.csv`, atomically: a failed write leaves the old file."""
    offices = into / "offices"
    offices.mkdir(parents=True, exist_ok=True)
    path = offices / f"{name}.csv"
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(sorted(result.rows, key=lambda r: (r[4], r[3], r[6])))
    tmp = path.with_suffix(".csv.tmp")
    tmp.write_text(buf.getvalue(), encoding="utf-8")
    tmp.replace(path)
    return path
