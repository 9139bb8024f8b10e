"""The command line: a thin layer over the pipeline's functions."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from builder import __version__
from builder.build import BuildResult, build
from builder.config import Options, Paper, find_project
from builder.errors import BriefError, Problem
from builder.gather import STAGES
from builder.model.versions import Version
from builder.oserrors import oserror_problem

PROJECT_OPTION = click.option(
    "--project",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The brief project (default: the one that holds the current folder).",
)


class _Commands(click.Group):
    """The command group: every failure ends in one message and an exit code, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except OSError as error:
            raise BriefError([oserror_problem(error, Path.cwd())]) from None
        except MemoryError:
            raise BriefError([Problem("dealbrief", message="ran out of memory")]) from None
        except Exception as error:
            if ctx.meta.get("dealbrief.verbose"):
                raise
            raise InternalError(error) from None


class InternalError(click.ClickException):
    """A fault in dealbrief itself: said in one line, with how to see where it happened."""

    exit_code = 70

    def __init__(self, error: Exception) -> None:
        super().__init__(
            f"dealbrief failed: {type(error).__name__}: {error}. This is a fault in dealbrief, not in the brief; "
            "run the command again with -v to see where it happened, and report it."
        )


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dealbrief")
@click.option("-v", "--verbose", is_flag=True, help="Say more about what happens.")
@click.pass_context
def main(ctx: click.Context, verbose: bool) -> None:
    """Build sourced deal briefs: a searchable site and a PDF from the news coverage of a deal."""
    ctx.meta["dealbrief.verbose"] = verbose
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


@contextmanager
def progress_reporter() -> Iterator[Callable[[str], None]]:
    """Show the stages as a progress bar in a terminal, as plain lines elsewhere (CI, logs, pipes)."""
    if sys.stderr.isatty() and not os.environ.get("CI"):
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(
            TextColumn("{task.description:<8}"),
            BarColumn(),
            TimeElapsedColumn(),
            transient=True,
            console=None,
        ) as progress:
            task = progress.add_task("load", total=len(STAGES))
            seen: list[str] = []

            def report(stage: str) -> None:
                if seen:
                    progress.advance(task)
                seen.append(stage)
                progress.update(task, description=stage)

            yield report
    else:
        yield lambda stage: click.echo(f"{stage} …", err=True)


def summary(result: BuildResult, seconds: float) -> None:
    """What a build made: counts, outputs and time."""
    stats = result.brief.stats

    def count(number: int, noun: str) -> str:
        return f"{number} {noun}" if number == 1 else f"{number} {noun}s"

    click.echo(
        f"Built “{result.brief.deal.title}”: {count(stats.sources, 'source')}, {count(stats.facts, 'fact')}, "
        f"{count(stats.conflicts, 'conflict')}, {stats.hedged} hedged differently, "
        f"{count(stats.questions, 'open question')} in {seconds:.1f} s."
    )
    card = result.brief.deal
    confirmed = [name for name in ("type", "status", "announced", "value", "summary") if name not in card.proposed]
    proposed: list[str] = list(card.proposed)
    roles = sum(1 for party in card.parties if party.proposed or party.role_proposed)
    if roles:
        proposed.append(count(roles, "party role"))
    if proposed:
        click.echo(
            f"Deal card: confirmed {', '.join(confirmed) or 'nothing yet'}; proposed from the sources "
            f"{', '.join(proposed)} (`dealbrief draft` writes them into data/brief.yaml to review)."
        )
    for output in result.outputs:
        click.echo(f"  {result.project / output}")
    if result.skipped:
        click.echo(f"  unchanged, not redone: {', '.join(result.skipped)}")


@main.command("build")
@PROJECT_OPTION
@click.option("--no-pdf", is_flag=True, help="Skip the PDF.")
@click.option("--no-site", is_flag=True, help="Only regenerate docs/ and data/facts/.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default=None, help="Paper size of the PDF.")
@click.option("--force", is_flag=True, help="Overwrite generated pages even if they were edited by hand.")
@click.option(
    "--max-source-bytes",
    type=click.IntRange(min=1),
    default=None,
    help="The largest source file accepted (default 2,000,000 or limits.max_source_bytes).",
)
@click.option("--no-cache", is_flag=True, help="Do all the work again, ignoring what .cache/ kept.")
@click.option("--snapshot", is_flag=True, help="Record the brief's facts as a version in data/versions/.")
def build_command(
    project: Path,
    no_pdf: bool,
    no_site: bool,
    paper: Paper | None,
    force: bool,
    max_source_bytes: int | None,
    no_cache: bool,
    snapshot: bool,
) -> None:
    """Build docs/, site/ and site/brief.pdf from data/."""
    started = time.perf_counter()
    options = Options(
        project=project,
        site=not no_site,
        pdf=not no_pdf,
        force=force,
        paper=paper,
        max_source_bytes=max_source_bytes,
        cache=not no_cache,
    )
    with progress_reporter() as report:
        result = build(options, progress=report)
    summary(result, time.perf_counter() - started)
    if snapshot:
        from builder.versions import record_version

        recorded(*record_version(result.project, result.brief))


def recorded(version: Version, new: bool) -> None:
    """Say which version the facts were recorded as, or that they are the latest one's."""
    if new:
        click.echo(f"Recorded version {version.number}: data/versions/{version.name}.json")
    else:
        click.echo(f"The facts are those of version {version.number} ({version.name}); nothing recorded.")


@main.command("check")
@PROJECT_OPTION
@click.option("--max-source-bytes", type=click.IntRange(min=1), default=None, help="The largest source file accepted.")
def check_command(project: Path, max_source_bytes: int | None) -> None:
    """Validate data/ and check that docs/ and data/facts/ are up to date, without writing."""
    from builder.build import check
    from builder.freshness import stale_outputs

    stale = check(Options(project=project, max_source_bytes=max_source_bytes))
    problems = [Problem(path, message="out of date: run `dealbrief build` and commit the result") for path in stale]
    problems += stale_outputs(find_project(project))
    if problems:
        raise BriefError(problems)
    click.echo("The brief is valid and docs/, data/facts/ and site/ are up to date.")


@main.command("extract")
@click.option(
    "--sources",
    "sources_dir",
    type=click.Path(path_type=Path),
    required=True,
    help="The folder of source files (.md, .txt, .html).",
)
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option(
    "--brief",
    "brief_file",
    type=click.Path(path_type=Path),
    default=None,
    help="A brief.yaml to apply (default: the one beside the sources folder, if any).",
)
@click.option("--no-brief", is_flag=True, help="Ignore any brief.yaml.")
def extract_command(sources_dir: Path, fmt: str, brief_file: Path | None, no_brief: bool) -> None:
    """Print the facts of the sources and the comparison across them, as JSON."""
    from builder.build import extract_json

    if brief_file is None and not no_brief and (sources_dir.parent / "brief.yaml").is_file():
        brief_file = sources_dir.parent / "brief.yaml"
    from builder.jsontext import dumps

    data = extract_json(Options(sources=sources_dir, brief_file=None if no_brief else brief_file, cache=False))
    sys.stdout.write(dumps(data, indent=2) + "\n")


@main.command("new")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default="Untitled deal", show_default=True, help="The deal's title.")
def new_command(directory: Path, title: str) -> None:
    """Make a ready brief project in DIRECTORY."""
    from builder.project import new_project

    written = new_project(directory, title)
    click.echo(f"Made a brief project in {directory}:")
    for name in written:
        click.echo(f"  {name}")
    click.echo("Next: add articles with `dealbrief add FILE…`, then `dealbrief build`.")


@main.command("draft")
@PROJECT_OPTION
def draft_command(project: Path) -> None:
    """Write the deal card proposed from the sources into data/brief.yaml, to confirm, correct or delete."""
    from builder.draft import draft

    done = draft(project)
    if not done.written:
        click.echo("Nothing new to propose: data/brief.yaml is unchanged.")
    else:
        click.echo("Proposed from the sources into data/brief.yaml, each entry marked `proposed: true`:")
        for label, items in (("added", done.added), ("refreshed", done.refreshed), ("withdrawn", done.withdrawn)):
            if items:
                click.echo(f"  {label}: {', '.join(items)}")
        click.echo("Confirm an entry by deleting its `proposed: true`, correct it, or delete it.")
    if done.kept:
        click.echo(f"  kept as you wrote them: {', '.join(done.kept)}")
    for hint in done.hints:
        click.echo(f"  {hint}")


@main.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@PROJECT_OPTION
@click.option("--outlet", default=None, help="The outlet that published the article(s).")
@click.option("--author", default=None, help="Who wrote the article(s).")
@click.option("--published", default=None, help="When they were published (YYYY-MM-DD).")
@click.option("--url", default=None, help="Where they were published (http or https).")
@click.option("--id", "source_id", default=None, help="The source id for a single file (default: from its title).")
def add_command(
    files: tuple[Path, ...],
    project: Path,
    outlet: str | None,
    author: str | None,
    published: str | None,
    url: str | None,
    source_id: str | None,
) -> None:
    """Import articles (.html, .txt, .md) into data/sources/, never overwriting a source."""
    from builder.project import TEMPLATE_SOURCE, add_sources, template_examples

    root = find_project(project)
    overrides = {"outlet": outlet, "author": author, "published": published, "url": url}
    added_ids = []
    for added in add_sources(root, list(files), overrides, source_id):
        added_ids.append(added.id)
        click.echo(f"Added {added.file} as {added.target}")
        click.echo(f"  id: {added.id} (cite its sentence 2 as {added.id}-s2)")
        found = ", ".join(f"{name}: {getattr(added.meta, name)}" for name in added.found)
        click.echo(f"  found {found or 'no metadata'}")
        if added.missing:
            click.echo(
                f"  not stated: {', '.join(added.missing)} (set them in the file's front matter if you know them)"
            )
    examples = template_examples(root)
    if examples and added_ids:
        lines = ", ".join(str(number) for number in examples)
        click.echo(
            f"data/brief.yaml still has the template's examples, which cite {TEMPLATE_SOURCE}-s<n> "
            f"(line{'s' if len(examples) > 1 else ''} {lines}): when you use one, cite {added_ids[0]}-s<n> "
            "or another id above, with the sentence's number from the source's page."
        )


@main.command("serve")
@PROJECT_OPTION
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address of the preview server.")
@click.option("--pdf", is_flag=True, help="Also print site/brief.pdf after every change.")
def serve_command(project: Path, dev_addr: str, pdf: bool) -> None:
    """Preview the brief, regenerating it whenever data/ changes."""
    from builder.serve import serve

    root = find_project(project)
    click.echo(f"Serving the brief of {root.name} at http://{dev_addr}/ (Ctrl-C stops).")
    serve(root, dev_addr, pdf, report=lambda message: click.echo(message, err=True))


@main.command("publish")
@PROJECT_OPTION
@click.option(
    "--to",
    "target",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder to copy the built site into (a web server's root, a checkout of a pages branch).",
)
@click.option("--replace", is_flag=True, help="Replace what the folder holds.")
def publish_command(project: Path, target: Path, replace: bool) -> None:
    """Copy the built site, PDF included, to a folder for hosting."""
    from builder.project import published_title
    from builder.publish import publish, target_problem
    from builder.versions import record_site

    root = find_project(project)
    refused = target_problem(root, target)
    if refused is not None:  # said before anything else, as the only line of a refusal
        raise BriefError([Problem(str(target), message=refused)])
    title = published_title(root)
    click.echo(f"Publishing the brief {'“' + title + '” ' if title else ''}of {root} to {target}.")
    count = publish(root, target, replace)
    click.echo(f"Published {count} files to {target}.")
    recorded(*record_site(root))


@main.command("changes")
@PROJECT_OPTION
@click.option(
    "--since",
    default=None,
    help="A version (its name or number), a date (YYYY-MM-DD: the version of that day) or a facts file "
    "(a version, or the brief.json of an earlier build); default: the latest version.",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def changes_command(project: Path, since: str | None, fmt: str) -> None:
    """Say what is new in the brief since a version: sources, terms, quotes, questions, conflicts."""
    from builder.changes import changes_report

    report = changes_report(Options(project=project, cache=True), since)
    if fmt == "json":
        sys.stdout.write(json.dumps(report.data(), ensure_ascii=False, indent=2) + "\n")
    else:
        click.echo(report.text(), nl=False)


__all__ = ["BriefError", "Problem", "main"]
