"""How fast `emptychair report` answers on a large record.

    python benchmarks/report_scale.py [--events 1000000] [--db /tmp/scale.db]

Builds (once; reused if --db exists) a SQLite record of synthetic reports: 20 meeting series of 100 meetings,
50 states with two officials each, and as many reports per fact as it takes to reach --events. Then times
each report function over several runs and prints the median and worst in milliseconds.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from emptychair.record import report  # noqa: E402
from emptychair.store import open_database  # noqa: E402

COUNTRIES = ["US", "GB", "FR", "DE", "IT", "ES", "NO", "DK", "SE", "FI", "PL", "NL", "BE", "PT", "GR", "TR", "CA",
             "CZ", "SK", "HU", "RO", "BG", "EE", "LV", "LT", "SI", "HR", "AL", "ME", "MK", "IS", "LU", "AT", "IE",
             "CY", "MT", "JP", "KR", "AU", "IN", "BR", "MX", "AR", "ZA", "ID", "SA", "CN", "RU", "UA", "CH"]


def build(db, events: int) -> None:
    rng = random.Random(3)
    series = [("nato-foreign-ministers", "NATO", "foreign ministers")] + \
        [(f"org{i}-ministers", f"ORG{i}", "foreign ministers") for i in range(19)]
    with db.transaction():
        meetings = []
        for s, org, kind in series:
            day = date(1990, 3, 1)
            for _ in range(100):
                day += timedelta(days=rng.randint(120, 240))
                meetings.append((s, org, kind, day.isoformat(), day.isoformat(), "Brussels", 0, "calendar", "synthetic"))
        db.executemany("INSERT INTO meetings (series, organization, kind, start_date, end_date, location, informal, "
                       "origin, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", meetings)
        meeting_pks = [row[0] for row in db.query("SELECT pk FROM meetings")]
        facts = [(m, f"{c.lower()}-official-{k}", f"Official {k} of {c}", "Minister of Foreign Affairs", c,
                  rng.choice(["attending", "attending", "attending", "absent", "virtual"]), "sourced")
                 for m in meeting_pks for c in COUNTRIES for k in (1, 2)]
        db.executemany("INSERT INTO facts (meeting_pk, person_key, person_name, role, country, status, basis) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", facts)
        fact_rows = db.query("SELECT pk, meeting_pk, person_key, person_name, country, status FROM facts")
        per_fact = max(1, events // len(fact_rows))
        batch = []
        for pk, meeting, key, name, country, status in fact_rows:
            for i in range(per_fact):
                batch.append((i, key, name, country, "NATO", "foreign ministers", status, "planned",
                              "2020-01-01", meeting, pk))
            if len(batch) >= 100_000:
                _insert(db, batch)
                batch = []
        _insert(db, batch)


def _insert(db, rows) -> None:
    db.executemany("INSERT INTO reports (idx, person_key, person_name, country, organization, kind, status, modality, "
                   "reported_on, meeting_pk, fact_pk) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def timed(fn, runs: int = 7) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/emptychair-scale.db")
    args = parser.parse_args()
    fresh = not Path(args.db).exists()
    db = open_database(args.db)
    if fresh:
        started = time.perf_counter()
        build(db, args.events)
        print(f"built the record in {time.perf_counter() - started:.0f} s")
    print(f"record: {db.one('SELECT COUNT(*) FROM reports')[0]:,} reports, "
          f"{db.one('SELECT COUNT(*) FROM facts')[0]:,} facts, {db.one('SELECT COUNT(*) FROM meetings')[0]:,} meetings")
    checks = {
        "office US nato-foreign-ministers": lambda: report.office_report(db, "nato-foreign-ministers", "US",
                                                                         "foreign_minister"),
        "series nato-foreign-ministers since 2015, US": lambda: report.series_report(db, "nato-foreign-ministers",
                                                                                     "2015", "US"),
        "country US NATO": lambda: report.country_report(db, "US", "NATO"),
        "person us-official-1": lambda: report.person_report(db, "us-official-1"),
    }
    for name, fn in checks.items():
        median, worst = timed(fn)
        print(f"{name:48} median {median:7.1f} ms   worst {worst:7.1f} ms")


if __name__ == "__main__":
    main()
