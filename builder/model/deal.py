"""The deal card proposed from the text alone: kind, stage, date, parties, value and summary, each cited."""

from __future__ import annotations

from datetime import date
from typing import Literal

from builder.model.base import Model
from builder.model.citation import Citation

DealType = Literal[
    "acquisition",
    "merger",
    "takeover bid",
    "stake purchase",
    "sale",
    "joint venture",
    "partnership",
    "investment",
]
DEAL_TYPES: tuple[str, ...] = DealType.__args__  # type: ignore[attr-defined]

DealStatus = Literal["rumoured", "in talks", "approach", "offer", "rejected", "agreed", "completed", "terminated"]
DEAL_STATUSES: tuple[str, ...] = DealStatus.__args__  # type: ignore[attr-defined]

PartyRole = Literal["acquirer", "target", "seller", "partner", "investor", "adviser", "financier"]
PARTY_ROLES: tuple[str, ...] = PartyRole.__args__  # type: ignore[attr-defined]


class ProposedType(Model):
    """What kind of deal the sources describe."""

    value: DealType
    citations: tuple[Citation, ...]


class ProposedStatus(Model):
    """Where the deal stands in the latest source that says."""

    value: DealStatus
    citations: tuple[Citation, ...]


class ProposedDate(Model):
    """When the deal, or the bid, was first announced."""

    value: date
    citations: tuple[Citation, ...]


class ProposedParty(Model):
    """A party to the deal and its role in it."""

    name: str
    role: PartyRole
    citations: tuple[Citation, ...]
    does: Citation | None = None


class ProposedValue(Model):
    """What the whole deal is worth, or the statement that it was not disclosed."""

    amount: float | int | None = None
    unit: str | None = None
    qualifier: str | None = None
    text: str | None = None
    state: Literal["not disclosed"] | None = None
    citations: tuple[Citation, ...]


class DealProposal(Model):
    """The deal card as the sources state it, before the analyst confirms any of it."""

    type: ProposedType | None = None
    status: ProposedStatus | None = None
    announced: ProposedDate | None = None
    parties: tuple[ProposedParty, ...] = ()
    value: ProposedValue | None = None
    summary: tuple[Citation, ...] = ()
