"""The errors a user can cause, each with the file and place it comes from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import click


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where it is and what is wrong."""

    file: str
    line: int | None = None
    column: int | None = None
    where: str | None = None
    message: str = ""

    def __str__(self) -> str:
        place = self.file
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        if self.where:
            place += f" {self.where}"
        return f"{place}: {self.message}"


class BriefError(click.ClickException):
    """Every problem found in one run, reported together; the run writes nothing."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = _in_reading_order(problems)
        count = len(self.problems)
        heading = "1 problem" if count == 1 else f"{count} problems"
        lines = [f"{heading} found; nothing was written."]
        lines += [f"  {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))


def _in_reading_order(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Files in the order they were read; within a file, by line and column."""
    found = list(problems)
    first_seen: dict[str, int] = {}
    for index, problem in enumerate(found):
        first_seen.setdefault(problem.file, index)
    return tuple(sorted(found, key=lambda p: (first_seen[p.file], p.line if p.line is not None else 0, p.column or 0)))


class Problems:
    """A collector of problems that raises them all at once."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, problem: Problem) -> None:
        """Record a problem."""
        self.items.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        """Record several problems."""
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        """Stop the run if anything was recorded."""
        if self.items:
            raise BriefError(self.items)
