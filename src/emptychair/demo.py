"""`emptychair demo`: the whole main job on the example corpus that ships with emptychair.

Seven articles in English and Norwegian about U.S. absences from NATO ministerials, ten official travel
records, and the shipped NATO calendar go into a fresh embedded database; the report follows: the U.S.
Secretary of State at NATO foreign ministers' meetings, the run of NATO ministerials without a U.S.
principal, each report behind the facts, and the articles' historical claims checked against the record.
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Optional

from .record import calendar, claimcheck, ingest, report, travels
from .store import open_database

DATA = Path(__file__).parent / "demo_data"


def run(db_path: Optional[str] = None) -> str:
    if db_path is None:
        db_path = str(Path(tempfile.mkdtemp(prefix="emptychair-demo-")) / "demo.db")
    elif Path(db_path).exists():
        raise FileExistsError(f"{db_path} exists; the demo builds a fresh database")
    db = open_database(db_path)
    calendar.ensure(db)
    outcomes = list(ingest.ingest(db, [str(DATA / "articles.jsonl")]))
    trips, attended = travels.import_files(db, [DATA / "travels.xml"])
    parts = [f"emptychair demo: {sum(o.status == 'stored' for o in outcomes)} articles stored, "
             f"{sum(o.events for o in outcomes)} reports; {trips} official travel records, {attended} at a "
             f"multilateral meeting; database {db_path}\n"]
    parts.append(report.format_table(report.office_report(db, "nato-foreign-ministers", "US", since="2017")))
    parts.append(report.format_table(report.country_report(db, "US", "NATO", since="2025")))
    parts.append(report.format_table(history(db)))
    parts.append(report.format_table(claimcheck.claims_table(claimcheck.check_claims(db))))
    return "\n".join(parts)


def history(db) -> report.Table:
    """Every report behind the facts that have more than one, oldest first: how a story developed."""
    table = report.Table("Reports behind each fact", ["meeting", "person", "now", "reported", "status", "modality",
                                                      "attribution", "source"])
    rows = db.query(
        "SELECT m.series, m.start_date, f.person_name, f.status, r.reported_on, r.status, r.modality, r.attribution, "
        "COALESCE(a.article_id, o.source) FROM reports r JOIN facts f ON f.pk = r.fact_pk JOIN meetings m ON "
        "m.pk = f.meeting_pk LEFT JOIN articles a ON a.pk = r.article_pk LEFT JOIN official_records o ON "
        "o.pk = r.official_pk WHERE (SELECT COUNT(*) FROM reports x WHERE x.fact_pk = f.pk) > 1 "
        "ORDER BY m.start_date, f.person_name, r.reported_on, r.pk")
    for series, start, name, now, on, status, modality, attribution, source in rows:
        table.rows.append([f"{series} {start}", name, now, on or "", status, modality or "", attribution or "",
                           source])
    return table
