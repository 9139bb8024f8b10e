"""The command line: a thin layer over the pipeline's functions."""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

import click

from builder import __version__
from builder.build import BuildOptions, build, find_project
from builder.errors import BriefError, Problem


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dealbrief")
@click.option("-v", "--verbose", is_flag=True, help="Say more about what happens.")
def main(verbose: bool) -> None:
    """Build sourced deal briefs: a searchable site and a PDF from the news coverage of a deal."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@main.command("build")
@click.option("--project", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
              help="The brief project (default: the one that holds the current folder).")
@click.option("--no-pdf", is_flag=True, help="Skip the PDF.")
@click.option("--no-site", is_flag=True, help="Only regenerate docs/ and data/facts.json.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default=None, help="Paper size of the PDF.")
@click.option("--force", is_flag=True, help="Overwrite generated pages even if they were edited by hand.")
@click.option("--max-source-bytes", type=click.IntRange(min=1), default=None,
              help="The largest source file accepted (default 2,000,000 or limits.max_source_bytes).")
@click.option("--no-cache", is_flag=True, help="Do all the work again, ignoring what .cache/ kept.")
def build_command(project: Path, no_pdf: bool, no_site: bool, paper: str | None, force: bool,
                  max_source_bytes: int | None, no_cache: bool) -> None:  # fmt: skip
    """Build docs/, site/ and site/brief.pdf from data/."""
    started = time.perf_counter()
    options = BuildOptions(project=project, site=not no_site, pdf=not no_pdf, force=force, paper=paper,
                           max_source_bytes=max_source_bytes, cache=not no_cache)  # fmt: skip
    result = build(options, progress=lambda stage: click.echo(f"{stage} …", err=True))
    stats = result.brief.stats
    click.echo(
        f"Built the brief of {result.project.name}: {stats.sources} sources, {stats.facts} facts, "
        f"{stats.conflicts} conflicts, {stats.hedged} hedged differently, {stats.questions} open questions "
        f"in {time.perf_counter() - started:.1f} s."
    )
    for output in result.outputs:
        click.echo(f"  {output}")
    if result.skipped:
        click.echo(f"  unchanged, not redone: {', '.join(result.skipped)}")


@main.command("check")
@click.option("--project", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
              help="The brief project (default: the one that holds the current folder).")
@click.option("--max-source-bytes", type=click.IntRange(min=1), default=None, help="The largest source file accepted.")
def check_command(project: Path, max_source_bytes: int | None) -> None:
    """Validate data/ and check that docs/ and data/facts.json are up to date, without writing."""
    from builder.build import check

    stale = check(project, max_source_bytes)
    if stale:
        raise BriefError(
            [Problem(path, message="out of date: run `dealbrief build` and commit the result") for path in stale]
        )
    click.echo("The brief is valid and docs/ and data/facts.json are up to date.")


@main.command("extract")
@click.option("--sources", "sources_dir", type=click.Path(path_type=Path), required=True,
              help="The folder of source files (.md, .txt, .html).")
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--brief", "brief_file", type=click.Path(path_type=Path), default=None,
              help="A brief.yaml to apply (default: the one beside the sources folder, if any).")
@click.option("--no-brief", is_flag=True, help="Ignore any brief.yaml.")
def extract_command(sources_dir: Path, fmt: str, brief_file: Path | None, no_brief: bool) -> None:
    """Print the facts of the sources and the comparison across them, as JSON."""
    from builder.contract import extract_json

    if brief_file is None and not no_brief and (sources_dir.parent / "brief.yaml").is_file():
        brief_file = sources_dir.parent / "brief.yaml"
    data = extract_json(sources_dir, None if no_brief else brief_file)
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def run() -> None:
    """Entry point that never shows a traceback for the user's errors."""
    main()


__all__ = ["BriefError", "Problem", "find_project", "main"]
