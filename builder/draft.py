"""`dealbrief draft`: write the deal card proposed from the sources into brief.yaml, for the analyst to
confirm, correct or delete.

brief.yaml is edited as a round trip (ruamel.yaml), so the analyst's comments, order and wording stay as
they are. An entry the draft writes is marked `proposed: true` and its key goes into `drafted`; the next
draft refreshes such an entry while it still says what was drafted, and never touches one the analyst
wrote, edited or deleted. A draft that finds nothing new writes nothing.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from builder.analyze.card import entry_key, is_draft, party_key, proposal_keys, stated
from builder.atomic import write_atomic
from builder.config import Options, find_project
from builder.curation import Curation, load_curation
from builder.errors import BriefError, Problem
from builder.extract.entities import same_organization
from builder.gather import gather
from builder.model import Citation, DealProposal, Source

_DEAL_ORDER = ("title", "type", "status", "announced", "value", "summary")
_DRAFTED_NOTE = "What `dealbrief draft` has proposed, so that a proposal you delete is not proposed again. Leave it be."


@dataclass
class Drafted:
    """What a draft did to brief.yaml, in words for the command line."""

    written: bool = False
    added: list[str] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)


def draft(project_dir: Path) -> Drafted:
    """Propose the deal card from the sources and write it into the project's brief.yaml."""
    project = find_project(project_dir)
    gathered = gather(Options(project=project, cache=True), render=False)
    path = project / "data" / "brief.yaml"
    text = path.read_text(encoding="utf-8")
    yaml = round_trip_yaml()
    document = yaml.load(text)
    curation = gathered.loaded.curation.curation
    sources = {source.id: source for source in gathered.loaded.sources}
    done = apply_proposal(document, curation, gathered.brief.proposal, sources)
    out = io.StringIO()
    yaml.dump(document, out)
    if out.getvalue() != text:
        write_atomic(path, out.getvalue())
        try:
            load_curation(path, "data/brief.yaml")
        except BriefError as error:  # never leave a brief.yaml the build cannot read
            write_atomic(path, text)
            raise BriefError(
                [Problem("data/brief.yaml", message="the draft would not be valid; nothing changed"), *error.problems]
            ) from None
        done.written = True
    return done


def round_trip_yaml() -> YAML:
    """A YAML reader and writer that keeps comments, order, quoting and the house's indentation."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line: one entry, one line, one line in a diff
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def apply_proposal(document: Any, curation: Curation, proposal: DealProposal, sources: dict[str, Source]) -> Drafted:
    """Write the proposal into the parsed brief.yaml in place; say what changed."""
    done = Drafted()
    drafted = list(curation.drafted)
    keys = proposal_keys(proposal)
    deal = document["deal"]
    entries = {
        "type": _word(proposal.type, sources) if proposal.type else None,
        "status": _word(proposal.status, sources) if proposal.status else None,
        "announced": _flow(
            date=proposal.announced.value, cite=_cites(proposal.announced.citations, sources), proposed=True
        )
        if proposal.announced
        else None,
        "value": _value(proposal, sources) if proposal.value else None,
    }
    for name, entry in entries.items():
        current = getattr(curation.deal, name)
        if stated(current) and not is_draft(name, current, drafted):
            done.kept.append(f"deal.{name}")
            continue
        if entry is None or (current is None and keys[name] in drafted):
            if stated(current):  # the sources no longer say what was drafted
                del deal[name]
                done.withdrawn.append(f"deal.{name}")
            continue
        if current is not None and entry_key(name, current) == keys[name] and _same(deal.get(name), entry):
            continue
        (done.refreshed if stated(current) else done.added).append(f"deal.{name}")
        _put(deal, name, entry)
        drafted.append(keys[name])
    _draft_summary(deal, curation, proposal, drafted, done)
    _draft_parties(document, curation, proposal, sources, drafted, done)
    if sorted(set(drafted)) != list(curation.drafted):
        document["drafted"] = CommentedSeq(sorted(set(drafted)))
        if "drafted" not in curation.model_fields_set:
            document.yaml_set_comment_before_after_key("drafted", before=_DRAFTED_NOTE)
    return done


def _draft_summary(deal: Any, curation: Curation, proposal: DealProposal, drafted: list[str], done: Drafted) -> None:
    entries = curation.deal.summary
    if any(not is_draft("summary", e, drafted) for e in entries):
        done.kept.append("deal.summary")
        return
    wanted = [
        c
        for c in proposal.summary
        if f"summary: {c.sentence}" not in drafted
        or any(entry_key("summary", e) == f"summary: {c.sentence}" for e in entries)
    ]
    items = [_block(text=c.text, cite=[c.sentence], proposed=True) for c in wanted]
    old = [dict(text=e.text, cite=list(e.cite)) for e in entries]
    if [dict(text=c.text, cite=[c.sentence]) for c in wanted] == old:
        return
    (done.refreshed if entries else done.added).append("deal.summary")
    _put(deal, "summary", CommentedSeq(items))
    drafted.extend(f"summary: {c.sentence}" for c in wanted)


def _draft_parties(
    document: Any,
    curation: Curation,
    proposal: DealProposal,
    sources: dict[str, Source],
    drafted: list[str],
    done: Drafted,
) -> None:
    parties = document.get("parties")
    if parties is None:
        parties = document["parties"] = CommentedSeq()
    elif not isinstance(parties, CommentedSeq) or (not parties and parties.fa.flow_style()):
        _put(document, "parties", CommentedSeq(list(parties)))
        parties = document["parties"]
    mine = [p for p in curation.parties if not is_draft("party", p, drafted)]
    present = {party_key(p.name, p.role) for p in curation.parties if p.proposed}
    wanted = []
    for party in proposal.parties:
        key = party_key(party.name, party.role)
        analyst = next((p for p in mine if same_organization(p.name, party.name)), None)
        if analyst is not None:
            if analyst.role is None:
                done.hints.append(
                    f"{analyst.name}: the sources make it {party.role}; add `role: {party.role}` to confirm"
                )
            continue
        if key in drafted and key not in present:
            continue  # the analyst deleted it
        wanted.append(party)
    # the draft's own entries give way to the current proposal; the analyst's stay where they are
    mine_at = [i for i, p in enumerate(curation.parties) if is_draft("party", p, drafted)]
    entries = [_flow(name=p.name, role=p.role, cite=_cites(p.citations, sources), proposed=True) for p in wanted]
    if [_plain(parties[i]) for i in mine_at] == [_plain(e) for e in entries]:
        return
    old = {party_key(curation.parties[i].name, curation.parties[i].role) for i in mine_at}
    for index in reversed(mine_at):
        del parties[index]
    parties.extend(entries)
    new = [party_key(p.name, p.role) for p in wanted]
    drafted.extend(new)
    done.added.extend(key for key in new if key not in old)
    done.refreshed.extend(key for key in new if key in old)
    done.withdrawn.extend(sorted(old - set(new)))


def _word(field: Any, sources: dict[str, Source]) -> CommentedMap:
    return _flow(value=field.value, cite=_cites(field.citations, sources), proposed=True)


def _value(proposal: DealProposal, sources: dict[str, Source]) -> CommentedMap:
    value = proposal.value
    assert value is not None
    cite = _cites(value.citations, sources)
    if value.state:
        return _flow(state=value.state, cite=cite, proposed=True)
    return _flow(amount=value.amount, unit=value.unit, cite=cite, proposed=True)


def _cites(citations: Sequence[Citation], sources: dict[str, Source]) -> CommentedSeq:
    """Citations as brief.yaml writes them: a sentence id, with the words when they are part of it."""
    refs: list[Any] = []
    for c in citations:
        whole = sources[c.source].sentence(c.sentence).text.strip()
        refs.append(c.sentence if c.text.strip() == whole else _flow(sentence=c.sentence, text=c.text))
    seq = CommentedSeq(refs)
    seq.fa.set_flow_style()
    return seq


def _flow(**values: Any) -> CommentedMap:
    entry = CommentedMap(values)
    entry.fa.set_flow_style()
    return entry


def _block(**values: Any) -> CommentedMap:
    entry = CommentedMap(values)
    entry["cite"] = CommentedSeq(values["cite"])
    entry["cite"].fa.set_flow_style()
    return entry


def _put(mapping: CommentedMap, key: str, value: Any) -> None:
    """Set a key of the deal, a new one in its place in the card's order; comments stay where they were."""
    if key in mapping:
        old = mapping[key]
        if hasattr(old, "ca") and hasattr(value, "ca"):
            value.ca.comment = old.ca.comment
            value.ca.end = old.ca.end
        mapping[key] = value
        return
    before = [k for k in _DEAL_ORDER[: _DEAL_ORDER.index(key)] if k in mapping]
    position = list(mapping).index(before[-1]) + 1 if before else 0
    mapping.insert(position, key, value)


def _same(current: Any, entry: CommentedMap) -> bool:
    return bool(_plain(current) == _plain(entry))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value) if value is not None else None
