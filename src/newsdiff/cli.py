"""The `newsdiff` command: a thin click layer over the library.

Each command parses options, calls the library, and hands the result to a renderer
in `newsdiff.report`. Library errors (`NewsdiffError`) become one-line messages;
nothing heavy is imported before a command needs it, so `newsdiff --help` is fast.
"""
from __future__ import annotations

import sys

import click

from .errors import EmptyResult, NewsdiffError, UserError


class _Group(click.Group):
    """Turns library errors and Ctrl-C into one-line messages with an exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except UserError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(2)
        except EmptyResult as exc:
            click.echo(str(exc), err=True)
            ctx.exit(1)
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


TYPE_CHOICE = click.Choice(["person", "place", "org", "date", "figure"])


@main.command()
@db_option
@click.option("--type", "types", type=TYPE_CHOICE, multiple=True, help="Only this type (repeatable).")
@click.option("--article", metavar="NAME", help="Only what this article (file name) mentions.")
@click.option("--aliases", metavar="FILE", envvar="NEWSDIFF_ALIASES",
              help="YAML of names to merge or keep apart (default: $NEWSDIFF_ALIASES).")
@json_option
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV, one row per mention.")
def entities(db, types, article, aliases, as_json, as_csv):
    """List actors, places, organisations, dates and figures, spelling variants merged."""
    from .api import entities as find

    found = find(db, list(types) or None, article, aliases)
    if as_json:
        from .report.jsonout import dump

        dump([e.to_dict() for e in found])
    elif as_csv:
        from .report.csvout import write_mentions

        write_mentions(found)
    else:
        from .report.terminal import print_entities

        print_entities(found)


@main.command(name="eval")
@click.argument("gold", type=click.Path())
@db_option
@click.option("--tagger", type=click.Choice(["builtin", "camel"]), default="builtin", show_default=True,
              help="Tagger scored on a CoNLL file.")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list every error: missed and spurious names (and, on CoNLL, wrong boundaries and types).")
@json_option
def eval_(gold, db, tagger, show_errors, as_json):
    """Score against annotation: a folder of *.gold.yaml files (the stored analysis)
    or a CoNLL file of token<TAB>BIO-tag lines (the tagger, conlleval-style). The JSON
    always holds the errors."""
    from .api import evaluate

    result = evaluate(gold, db, tagger)
    if as_json:
        from .report.jsonout import dump

        dump(result)
    else:
        from .report.terminal import print_eval

        print_eval(result, show_errors)


@main.command()
@json_option
def doctor(as_json):
    """Say which taggers and camel-tools data are available, and why not."""
    from .doctor import checks

    found = checks()
    if as_json:
        from dataclasses import asdict

        from .report.jsonout import dump

        dump([asdict(c) for c in found])
    else:
        from .report.terminal import print_doctor

        print_doctor(found)


topics_option = click.option("--topics", "topics_dir", metavar="DIR", default=None,
                             help="Folder of your topic YAML files (default: $NEWSDIFF_TOPICS, else ./topics).")


@main.command()
@db_option
@topics_option
@json_option
def topics(db, topics_dir, as_json):
    """List the known topics and how many stored articles each selects."""
    from .api import topics as find

    rows = find(db, topics_dir)
    if as_json:
        from .report.jsonout import dump

        dump(rows)
    else:
        from .report.terminal import print_topics

        print_topics(rows)


@main.command()
@click.option("--topic", required=True, help="Topic name (see `newsdiff topics`).")
@db_option
@topics_option
@click.option("--aliases", metavar="FILE", envvar="NEWSDIFF_ALIASES", help="YAML of names to merge or keep apart.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Share the per-article work among this many processes (same result as 1).")
@json_option
@click.option("--html", "html_file", metavar="FILE", type=click.Path(dir_okay=False),
              help="Also write a self-contained HTML report to FILE.")
def compare(topic, db, topics_dir, aliases, jobs, as_json, html_file):
    """Compare the articles of a topic: coverage, actors, roles, figures that agree or
    conflict, timeline, shared and exclusive claims, quotes; each with its source."""
    from .api import compare as run

    result = run(topic, db, topics_dir, aliases, jobs)
    if html_file:
        from .report.html import write_html

        write_html(result, html_file)
    if as_json:
        from .report.jsonout import dump

        dump(result)
    else:
        from .report.terminal import print_comparison

        print_comparison(result)
        if html_file:
            click.echo(f"HTML report written to {html_file}")


@main.command()
@click.argument("ref", metavar="ARTICLE:SENTENCE")
@db_option
@click.option("--span", metavar="START-END", help="Mark only this mention (character offsets).")
@json_option
def show(ref, db, span, as_json):
    """Print one stored sentence with its mentions marked (the proof behind a row)."""
    from .api import show as find

    article, sep, number = ref.rpartition(":")
    if not sep or not number.isdigit():
        raise UserError(f"expected ARTICLE:SENTENCE such as 001_x.txt:4, got {ref!r}")
    marked = None
    if span:
        start, dash, end = span.partition("-")
        if not (dash and start.isdigit() and end.isdigit()):
            raise UserError(f"--span expects START-END character offsets, got {span!r}")
        marked = (int(start), int(end))
    row = find(article, int(number), db)
    if as_json:
        from .report.jsonout import dump

        dump(row)
    else:
        from .report.terminal import print_sentence

        print_sentence(row, marked)


if __name__ == "__main__":
    main()
