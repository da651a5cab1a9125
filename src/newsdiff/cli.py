"""The `newsdiff` command: a thin click layer over the library.

Each command parses options, calls the library, and hands the result to a renderer
in `newsdiff.report`. Library errors (`NewsdiffError`) become one-line messages;
nothing heavy is imported before a command needs it, so `newsdiff --help` is fast.
"""
from __future__ import annotations

import sys

import click

from .errors import NewsdiffError, UserError


class _Group(click.Group):
    """Turns library errors and Ctrl-C into one-line messages with an exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except UserError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(2)
        except NewsdiffError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("Interrupted: every article reported stored so far is kept.", err=True)
            ctx.exit(130)


db_option = click.option(
    "--db", metavar="FILE", default=None,
    help="Store file (default: $NEWSDIFF_DB, else newsdiff.db in the working directory).")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsdiff")
def main() -> None:
    """Compare Arabic news articles about one story: actors, places, dates, figures,
    where outlets agree and where they conflict, each traced to its sentence."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Analyse in this many parallel processes (same result as 1).")
@click.option("--tagger", type=click.Choice(["builtin", "camel"]), default="builtin", show_default=True,
              help="Name tagger: the built-in one, or camel-tools' CAMeLBERT (needs its data).")
@json_option
def ingest(paths, db, jobs, tagger, as_json):
    """Read article files and folders (text pages, JSON / JSON Lines records) into the store.

    Exit code 0 when every file was stored, 1 when some were refused (the rest are stored).
    """
    from .ingest import ingest as run
    from .report.terminal import ingest_progress, print_ingest_report

    with ingest_progress(enabled=not as_json and sys.stderr.isatty()) as progress:
        report = run(list(paths), db=db, jobs=jobs, tagger=tagger, progress=progress)
    if as_json:
        from .report.jsonout import dump

        dump(report.to_dict())
    else:
        print_ingest_report(report)
    if report.refused:
        sys.exit(1)


@main.command()
@db_option
@json_option
def articles(db, as_json):
    """List the stored articles: title, outlet, date, sentences, excluded blocks."""
    from .api import list_articles

    rows = list_articles(db)
    if as_json:
        from .report.jsonout import dump

        dump(rows)
    else:
        from .report.terminal import print_articles

        print_articles(rows)
