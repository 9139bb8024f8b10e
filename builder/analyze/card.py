"""The deal card a brief shows: the analyst's entries in brief.yaml where confirmed, the proposal elsewhere.

An entry of brief.yaml marked `proposed: true` is the draft's while it still says what the draft proposed
(its key is in `drafted`); edited, it is the analyst's. A proposal the analyst deleted (its key drafted, its
entry gone) is not shown again until the sources propose something else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from builder.curation import (
    NOT_STATED,
    CiteRef,
    Curation,
    LoadedCuration,
    PartyIn,
    SummaryIn,
    ValueIn,
    WordIn,
    citation,
    cite_sentence,
)
from builder.extract.entities import same_organization
from builder.extract.orgnames import OrganizationIndex
from builder.model import Citation, DealCard, Organization, Party, Source, Statement
from builder.model.brief import CardField
from builder.model.deal import DealProposal, ProposedParty, ProposedValue

Entry = str | WordIn | ValueIn | PartyIn | SummaryIn | None


def value_key(amount: float | int | None, unit: str | None, state: str | None) -> str:
    """The key of a deal value: its amount and unit, or its state."""
    if state:
        return f"value: {state}"
    number = int(amount) if amount is not None and float(amount).is_integer() else amount
    return f"value: {number} {unit}"


def party_key(name: str, role: str | None) -> str:
    """The key of a party: its name and role."""
    return f"party: {name} ({role})"


def proposal_keys(proposal: DealProposal) -> dict[str, str]:
    """The key of every proposed field, party and summary sentence, by its place in the card."""
    keys: dict[str, str] = {}
    if proposal.type:
        keys["type"] = f"type: {proposal.type.value}"
    if proposal.status:
        keys["status"] = f"status: {proposal.status.value}"
    if proposal.announced:
        keys["announced"] = f"announced: {proposal.announced.value.isoformat()}"
    if proposal.value:
        keys["value"] = value_key(proposal.value.amount, proposal.value.unit, proposal.value.state)
    for party in proposal.parties:
        keys[f"party:{party.name}"] = party_key(party.name, party.role)
    for sentence in proposal.summary:
        keys[f"summary:{sentence.sentence}"] = f"summary: {sentence.sentence}"
    return keys


def entry_key(name: str, entry: object) -> str | None:
    """The key of an entry of brief.yaml, made as the proposal's key is made."""
    if isinstance(entry, WordIn):
        return f"{name}: {entry.value}"
    if isinstance(entry, ValueIn):
        return value_key(entry.amount, entry.unit, entry.state)
    if isinstance(entry, PartyIn):
        return party_key(entry.name, entry.role)
    if isinstance(entry, SummaryIn):
        return f"summary: {cite_sentence(entry.cite[0])[0]}" if entry.cite else None
    announced = getattr(entry, "date", None)
    return f"announced: {announced.isoformat()}" if announced is not None else None


def is_draft(name: str, entry: object, drafted: Sequence[str]) -> bool:
    """Whether an entry is still the draft's: marked proposed and saying what the draft proposed."""
    return bool(getattr(entry, "proposed", False)) and entry_key(name, entry) in drafted


def stated(entry: object) -> bool:
    """Whether brief.yaml states a field at all (the template's placeholder does not)."""
    return entry is not None and not (isinstance(entry, str) and entry.strip() in (NOT_STATED, "not stated"))


def deal_card(
    loaded: LoadedCuration, proposal: DealProposal, sources: Mapping[str, Source], organizations: Sequence[Organization]
) -> DealCard:
    """The card the brief shows, field by field: confirmed from brief.yaml, else proposed from the sources."""
    curation = loaded.curation
    deal = curation.deal
    drafted = curation.drafted
    keys = proposal_keys(proposal)
    proposed: list[CardField] = []

    def cites(refs: Sequence[CiteRef]) -> tuple[Citation, ...]:
        return tuple(citation(dict(sources), ref) for ref in refs)

    def confirmed(name: str, entry: object) -> bool:
        if stated(entry) and not is_draft(name, entry, drafted):
            return True
        if name in keys and not (entry is None and keys[name] in drafted):
            proposed.append(name)  # type: ignore[arg-type]
        return False

    words: dict[str, tuple[str, tuple[Citation, ...]]] = {}
    for name in ("type", "status"):
        entry = getattr(deal, name)
        if confirmed(name, entry):
            words[name] = (entry, ()) if isinstance(entry, str) else (entry.value, cites(entry.cite))
        elif name in proposed:
            field = getattr(proposal, name)
            words[name] = (field.value, field.citations)
        else:
            words[name] = ("", ())
    announced: date | None = None
    announced_citations: tuple[Citation, ...] = ()
    if confirmed("announced", deal.announced) and deal.announced is not None:
        announced, announced_citations = deal.announced.date, cites(deal.announced.cite)
    elif "announced" in proposed and proposal.announced is not None:
        announced, announced_citations = proposal.announced.value, proposal.announced.citations
    value = None
    if confirmed("value", deal.value) and deal.value is not None:
        entry = deal.value
        value = ProposedValue(amount=entry.amount, unit=entry.unit, state=entry.state, citations=cites(entry.cite))
    elif "value" in proposed:
        value = proposal.value
    summary = _summary(deal.summary, proposal, drafted, cites, proposed)
    return DealCard(
        title=deal.title,
        type=words["type"][0],
        type_citations=words["type"][1],
        status=words["status"][0],
        status_citations=words["status"][1],
        announced=announced,
        announced_citations=announced_citations,
        value=value,
        summary=summary,
        parties=tuple(card_parties(curation, proposal, sources, organizations)),
        proposed=tuple(proposed),
    )


def _summary(
    entries: Sequence[SummaryIn],
    proposal: DealProposal,
    drafted: Sequence[str],
    cites: Callable[[Sequence[CiteRef]], tuple[Citation, ...]],
    proposed: list[CardField],
) -> tuple[Statement, ...]:
    """The analyst's summary where they wrote or kept one; else the proposed sentences not deleted."""
    mine = [e for e in entries if not is_draft("summary", e, drafted)]
    if mine:
        return tuple(Statement(text=e.text, citations=cites(e.cite)) for e in mine)
    kept = [
        c for c in proposal.summary if f"summary: {c.sentence}" not in drafted or _drafted_entry(entries, c.sentence)
    ]
    if kept:
        proposed.append("summary")
    return tuple(Statement(text=c.text, citations=(c,)) for c in kept)


def _drafted_entry(entries: Sequence[SummaryIn], sentence: str) -> bool:
    return any(e.cite and cite_sentence(e.cite[0])[0] == sentence for e in entries)


def card_parties(
    curation: Curation, proposal: DealProposal, sources: Mapping[str, Source], organizations: Sequence[Organization]
) -> list[Party]:
    """The analyst's parties, each with its role as stated or proposed; then the proposed parties not deleted."""
    drafted = curation.drafted
    by_id = dict(sources)
    found: list[Party] = []
    known = _Organizations(organizations)
    mine = [p for p in curation.parties if not is_draft("party", p, drafted)]
    for party in mine:
        match = _matching(party.name, proposal.parties)
        role, role_cites, role_proposed = party.role, tuple(citation(by_id, r) for r in party.cite), False
        does = match.does if match is not None and not party.roles else None
        if role is None and match is not None:
            role, role_cites, role_proposed = match.role, match.citations, True
        found.append(
            Party(
                name=party.name,
                organization=known.find(party.name, party.aliases),
                aliases=party.aliases,
                roles=tuple(
                    Statement(text=r.text, citations=tuple(citation(by_id, ref) for ref in r.cite)) for r in party.roles
                ),
                role=role,
                role_citations=role_cites,
                role_proposed=role_proposed,
                does=does,
            )
        )
    present = {party.name for party in curation.parties}
    for offered in proposal.parties:
        if any(same_organization(offered.name, p.name) for p in mine):
            continue
        if party_key(offered.name, offered.role) in drafted and offered.name not in present:
            continue  # the analyst deleted it
        found.append(
            Party(
                name=offered.name,
                organization=known.find(offered.name, ()),
                aliases=(),
                roles=(),
                role=offered.role,
                role_citations=offered.citations,
                does=offered.does,
                proposed=True,
                role_proposed=True,
            )
        )
    return found


def _matching(name: str, parties: Sequence[ProposedParty]) -> ProposedParty | None:
    return next((p for p in parties if same_organization(name, p.name) or name in p.name.split()), None)


class _Organizations:
    """The extracted organisations, filed to find the first one a party's names name without trying all."""

    def __init__(self, organizations: Sequence[Organization]) -> None:
        self.organizations = organizations
        self.index = OrganizationIndex([o.name for o in organizations])
        self.by_alias: dict[str, list[int]] = {}
        for position, org in enumerate(organizations):
            for alias in org.aliases:
                self.by_alias.setdefault(alias, []).append(position)

    def find(self, name: str, aliases: Sequence[str]) -> str | None:
        """The id of the first organisation one of names is, or is an alias of."""
        names = (name, *aliases)
        positions = set(self.index.candidates(names))
        for n in names:
            positions.update(self.by_alias.get(n, ()))
        for position in sorted(positions):
            org = self.organizations[position]
            if any(same_organization(n, org.name) or n in org.aliases for n in names):
                return org.id
        return None
