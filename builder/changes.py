"""`changes`: what is new in a project's brief since a version, for a terminal or as JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from builder.analyze.updates import changes_since
from builder.cache import BuildCache
from builder.config import Options, find_project
from builder.gather import gather
from builder.model import Brief, Update
from builder.templating import environment
from builder.versions import since_version
from builder.wording import Wording


@dataclass(frozen=True)
class ChangesReport:
    """What `dealbrief changes` reports: the brief as it is, and what changed since a version."""

    brief: Brief
    update: Update
    recorded: int

    def data(self) -> dict[str, Any]:
        """The report as JSON data, each change with its line of text."""
        words = Wording(self.brief)
        data = self.update.model_dump(mode="json")
        data["summary"] = words.update_summary(self.update)
        data["changes"] = [
            {**change.model_dump(mode="json", exclude_none=True), "line": words.change_text(change)}
            for change in self.update.changes
        ]
        return data

    def text(self) -> str:
        """The report for a terminal."""
        template = environment("text").get_template("changes.txt.j2")
        return template.render(update=self.update, words=Wording(self.brief), recorded=self.recorded)


def changes_report(options: Options, since: str | None) -> ChangesReport:
    """What changed in a project's brief since a version (the latest by default), from its inputs as they are."""
    project = find_project(options.project)
    gathered = gather(options, render=False, cache=BuildCache(project, enabled=options.cache))
    brief, recorded = gathered.brief, gathered.loaded.versions
    earlier = since_version(project, recorded, since)
    update = brief.updates[0] if earlier is None else changes_since(brief, earlier, recorded)
    return ChangesReport(brief, update, len(recorded))
