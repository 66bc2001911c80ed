"""The `emptychair` command: thin wrappers over the library (each command parses, calls, prints)."""
from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import Optional

import click

from . import __version__
from .errors import EmptychairError
from .settings import Options


def _options(max_bytes: int, language: Optional[str], no_prefilter: bool, kb_dir: Optional[str],
             today: Optional[str]) -> Options:
    return Options(max_bytes=max_bytes, language=language, prefilter=not no_prefilter, kb_dir=kb_dir,
                   today=date.fromisoformat(today) if today else date.today())


def run_options(f):
    """Options shared by every command that extracts."""
    f = click.option("--today", metavar="YYYY-MM-DD", help="Latest date an undated article can have.")(f)
    f = click.option("--kb-dir", type=click.Path(exists=True, file_okay=False), envvar="EMPTYCHAIR_KB_DIR",
                     help="Extra knowledge-base directory (offices/, aliases/) on top of the shipped one "
                          "[env EMPTYCHAIR_KB_DIR].")(f)
    f = click.option("--no-prefilter", is_flag=True, help="Run every stage on every article.")(f)
    f = click.option("--language", metavar="CODE", help="Assume this language for every article.")(f)
    f = click.option("--max-bytes", type=int, default=Options().max_bytes, show_default=True,
                     help="Largest article (or JSON line) read.")(f)
    return f


@click.group()
@click.version_option(__version__, prog_name="emptychair")
def main():
    """emptychair: who attends, skips or sends someone else to diplomacy's tables, read from the news."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write extraction records (JSON Lines) here instead of standard output.")
@click.option("-q", "--quiet", is_flag=True, help="No progress or summary on standard error.")
@run_options
def extract(paths, output, quiet, max_bytes, language, no_prefilter, kb_dir, today):
    """Extract events, quotes and claims from articles.

    PATHS are .jsonl/.json article records, .txt or .html files, directories of them, or - for JSON Lines on
    standard input. Exit status 1 if any article could not be processed (its record says why).
    """
    from .api import extract_many

    options = _options(max_bytes, language, no_prefilter, kb_dir, today)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    progress = _Progress(quiet or not output)
    try:
        for record in extract_many(paths, options):
            out.write(json.dumps(record_dict(record), ensure_ascii=False) + "\n")
            progress.step(record)
    except EmptychairError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        if output:
            out.close()
    progress.done(quiet)
    sys.exit(1 if progress.failed else 0)


def record_dict(record):
    from .serialize import record_to_dict
    return record_to_dict(record)


class _Progress:
    """A line on standard error every 2 s while writing to a file, and a summary at the end."""

    def __init__(self, silent: bool):
        self.silent, self.count, self.failed, self.events = silent, 0, 0, 0
        self.started = self.last = time.monotonic()

    def step(self, record) -> None:
        self.count += 1
        self.events += len(record.events)
        if record.error:
            self.failed += 1
            click.echo(f"emptychair: {record.source or record.id}: {record.error.message}", err=True)
        now = time.monotonic()
        if not self.silent and now - self.last >= 2:
            self.last = now
            click.echo(f"  {self.count} articles, {self.count / (now - self.started):.0f}/s, "
                       f"{self.events} events, {self.failed} failed", err=True)

    def done(self, quiet: bool) -> None:
        if quiet:
            return
        took = time.monotonic() - self.started
        click.echo(f"emptychair: {self.count} articles in {took:.1f} s, {self.events} events, "
                   f"{self.failed} failed", err=True)


def db_option(f):
    return click.option("--db", envvar="EMPTYCHAIR_DB", default="emptychair.db", show_default=True,
                        help="SQLite file, or a postgresql:// URL [env EMPTYCHAIR_DB].")(f)


def _open(db):
    from .store import open_database

    try:
        return open_database(db)
    except EmptychairError as exc:
        raise click.ClickException(str(exc)) from None


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-q", "--quiet", is_flag=True, help="No progress or summary on standard error.")
@db_option
@run_options
def ingest(paths, quiet, db, max_bytes, language, no_prefilter, kb_dir, today):
    """Extract articles and store them, their records and evidence in the record; link reports into facts.

    Ingesting the same article twice changes nothing; a changed article is stored as a new version. An
    interrupted run loses nothing it reported as stored: run it again to finish.
    """
    from .record.ingest import ingest as run_ingest

    database = _open(db)
    options = _options(max_bytes, language, no_prefilter, kb_dir, today)
    counts: dict[str, int] = {}
    started = last = time.monotonic()
    for outcome in run_ingest(database, paths, options):
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
        if outcome.status == "failed":
            click.echo(f"emptychair: {outcome.source or outcome.id}: {outcome.message}", err=True)
        now = time.monotonic()
        if not quiet and now - last >= 2:
            last = now
            click.echo(f"  {sum(counts.values())} articles, {counts.get('stored', 0)} stored", err=True)
    if not quiet:
        summary = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in sorted(counts.items()))
        click.echo(f"emptychair: {summary or 'nothing to do'} in {time.monotonic() - started:.1f} s "
                   f"(database {db})", err=True)
    sys.exit(1 if counts.get("failed") else 0)


@main.group(name="import")
def import_group():
    """Import official records and calendars into the record."""


@import_group.command("travels")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=True))
@db_option
def import_travels(paths, db):
    """U.S. Office of the Historian travel records (XML files or directories of them)."""
    from .record import calendar, travels

    files = [p for path in paths for p in (sorted(Path(path).rglob("*.xml")) if Path(path).is_dir() else [Path(path)])]
    database = _open(db)
    calendar.ensure(database)
    try:
        trips, reports = travels.import_files(database, files)
    except EmptychairError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{trips} trips imported from {len(files)} files; {reports} attended a multilateral meeting")


@import_group.command("calendar")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@db_option
def import_calendar(path, db):
    """A meeting calendar CSV: series,organization,kind,start,end,location,informal,source."""
    from .record import calendar, link

    database = _open(db)
    try:
        calendar.ensure(database)
        n = calendar.load(database, calendar.read(Path(path)))
    except EmptychairError as exc:
        raise click.ClickException(str(exc)) from None
    relinked = link.relink_all(database)
    click.echo(f"{n} meetings imported; {relinked} reports relinked")


@main.group()
def report():
    """Answer questions from the record (tables; --format json|csv|markdown)."""


def format_option(f):
    return click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "markdown"]),
                        default="table", show_default=True, help="Output format.")(f)


@report.command("office")
@click.argument("country")
@click.argument("series")
@click.option("--function", help="Knowledge-base function of the office (default: the series' principal).")
@click.option("--since", metavar="YYYY", help="Only meetings from this date on.")
@format_option
@db_option
def report_office(country, series, function, since, fmt, db):
    """An office's attendance at a series, base rate and streak: COUNTRY (US) SERIES (nato-foreign-ministers)."""
    from .record import report as r

    click.echo(r.format_table(r.office_report(_open(db), series, country.upper(), function, since), fmt), nl=False)


@report.command("series")
@click.argument("series")
@click.option("--since", metavar="YYYY")
@click.option("--country", help="Only this state (ISO code).")
@format_option
@db_option
def report_series(series, since, country, fmt, db):
    """Each meeting of SERIES and, per state, who represented it, with basis and sources."""
    from .record import report as r

    click.echo(r.format_table(r.series_report(_open(db), series, since, country.upper() if country else None), fmt),
               nl=False)


@report.command("country")
@click.argument("country")
@click.argument("organization")
@click.option("--since", metavar="YYYY")
@format_option
@db_option
def report_country(country, organization, since, fmt, db):
    """A state's principals at an organisation's ministerial meetings, in order, and the current streak."""
    from .record import report as r

    click.echo(r.format_table(r.country_report(_open(db), country.upper(), organization, since=since), fmt), nl=False)


@report.command("person")
@click.argument("name")
@format_option
@db_option
def report_person(name, fmt, db):
    """A person's attendance history (a name the knowledge base knows, or as reported)."""
    from .api import who
    from .record import report as r
    from .record.link import person_key

    terms = who(name)
    key = terms[0].person if terms else person_key(None, name)
    click.echo(r.format_table(r.person_report(_open(db), key), fmt), nl=False)


@report.command("claims")
@click.option("--article", help="Only this article's claims.")
@format_option
@db_option
def report_claims(article, fmt, db):
    """Every historical claim in the stored articles, checked against the record."""
    from .record import claimcheck, report as r

    click.echo(r.format_table(claimcheck.claims_table(claimcheck.check_claims(_open(db), article)), fmt), nl=False)


@report.command("meetings")
@format_option
@db_option
def report_meetings(fmt, db):
    """The meeting series in the record, with how many meetings and facts each has."""
    from .record import report as r

    database = _open(db)
    table = r.Table("Meeting series", ["series", "organization", "kind", "meetings", "facts", "first", "last"])
    for row in database.query("SELECT m.series, m.organization, m.kind, COUNT(DISTINCT m.pk), COUNT(f.pk), "
                              "MIN(m.start_date), MAX(m.start_date) FROM meetings m LEFT JOIN facts f ON "
                              "f.meeting_pk = m.pk GROUP BY m.series, m.organization, m.kind ORDER BY m.series"):
        table.rows.append(list(row))
    click.echo(r.format_table(table, fmt), nl=False)


@main.command()
@click.argument("country")
@click.argument("series")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="timeline.png or timeline.html")
@click.option("--since", metavar="YYYY")
@db_option
def chart(country, series, output, since, db):
    """A timeline chart of COUNTRY's principal at SERIES (PNG or HTML)."""
    from .record import chart as charts, report as r

    if not output.lower().endswith((".png", ".html", ".htm")):
        raise click.UsageError("the output must end in .png or .html")
    rows = r.principal_attendance(_open(db), series, country.upper(), since=since)
    if not rows:
        raise click.ClickException(f"no meetings of {series!r} in the record; see `emptychair report meetings`")
    path = charts.write(rows, f"{country.upper()} at {series}", Path(output))
    click.echo(f"wrote {path} ({len(rows)} meetings)")


@main.command()
@click.option("--db", default=None, help="Where to build the demo record (default: a new temporary file).")
def demo(db):
    """Run the whole job on the example corpus that ships with emptychair and print the report."""
    from .demo import run

    try:
        click.echo(run(db), nl=False)
    except EmptychairError as exc:
        raise click.ClickException(str(exc)) from None


@main.command(name="link")
@db_option
def link_command(db):
    """Recompute every report's meeting and fact (after editing the calendar by hand, say)."""
    from .record import link

    click.echo(f"{link.relink_all(_open(db))} reports relinked")


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("-v", "--verbose", is_flag=True, help="List every match, miss and extra item.")
@run_options
def evaluate(gold_dir, as_json, verbose, max_bytes, language, no_prefilter, kb_dir, today):
    """Score extraction against hand-annotated gold files (docs/annotation.md)."""
    from .evaluate import evaluate_dir, format_scores

    options = _options(max_bytes, language, no_prefilter, kb_dir, today)
    scores = evaluate_dir(Path(gold_dir), options)
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=1))
    else:
        if verbose:
            click.echo("\n".join(scores.log))
        click.echo(format_scores(scores))


@main.command()
def languages():
    """List the languages emptychair reads."""
    from .language import data

    for code in data.available():
        lang = data.load(code)
        click.echo(f"{code}  {lang.name}  ({lang.path.name})")


@main.group()
def kb():
    """The knowledge base of officeholders."""


@kb.command("who")
@click.argument("name")
@click.option("--on", "on", metavar="YYYY-MM-DD", help="Only offices held on this day.")
def kb_who(name, on):
    """Offices held by the people called NAME (a full name, alias or surname)."""
    from .api import who

    rows = who(name, date.fromisoformat(on) if on else None)
    if not rows:
        raise click.ClickException(f"no one called {name!r} in the knowledge base")
    for t in rows:
        where = t.country or t.organization or ""
        click.echo(f"{t.name:28} {t.office:45} {where:5} {t.start} .. {t.end or 'today'}")


@kb.command("import-wikidata")
@click.argument("result", type=click.Path(exists=True, dir_okay=False))
@click.option("--into", type=click.Path(file_okay=False), default=None,
              help="Knowledge-base directory to write offices/wikidata.csv into (default: $EMPTYCHAIR_KB_DIR, "
                   "else ./emptychair-kb). Use it with --kb-dir.")
def kb_import_wikidata(result, into):
    """Import officeholders from a Wikidata query result (SPARQL JSON).

    The query ships with emptychair (emptychair kb query prints it): run it at https://query.wikidata.org/
    and download the result as JSON. Rows the shipped knowledge base already has are left out.
    """
    import os

    from .kb import officeholders, wikidata
    from .kb.checks import check

    target = Path(into or os.environ.get("EMPTYCHAIR_KB_DIR") or "emptychair-kb")
    try:
        converted = wikidata.convert(wikidata.read_result(Path(result)), officeholders.load())
    except EmptychairError as exc:
        raise click.ClickException(str(exc)) from None
    for line in converted.skipped:
        click.echo(f"{result}: skipped {line}", err=True)
    path = wikidata.write(converted, target)
    click.echo(f"{len(converted.rows)} terms written to {path} ({converted.known} already known, "
               f"{len(converted.skipped)} skipped); use it with --kb-dir {target}")
    for problem in check(target):
        if "wikidata.csv" in problem:
            click.echo(f"warning: {problem}", err=True)


@kb.command("query")
def kb_query():
    """Print the Wikidata query whose result `kb import-wikidata` reads."""
    from .kb import wikidata

    click.echo(wikidata.QUERY.read_text(encoding="utf-8"), nl=False)


@kb.command("check")
@click.option("--kb-dir", type=click.Path(exists=True, file_okay=False), help="Check this directory too.")
def kb_check(kb_dir):
    """Check the knowledge base's rules (docs/knowledge-base.md); exit 1 on any problem."""
    from .kb.checks import check

    problems = check(Path(kb_dir) if kb_dir else None)
    for p in problems:
        click.echo(p, err=True)
    click.echo(f"{len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
