"""The brief as JSON: the extract contract other tools rely on (keys may be added, never renamed), and the
whole brief as the site's brief.json with its schema."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from builder.model import Brief, Support
from builder.wording import Wording


def contract(brief: Brief) -> dict[str, Any]:
    """Project the brief onto the documented JSON shape, with the brief's wording where the contract has text."""
    words = Wording(brief)

    def dump(model: BaseModel, *, exclude: set[str] | None = None) -> dict[str, Any]:
        return model.model_dump(mode="json", exclude=exclude)

    return {
        "sources": [
            {
                "id": s.id,
                "title": s.meta.title,
                "outlet": s.meta.outlet,
                "author": s.meta.author,
                "published": s.meta.published.isoformat() if s.meta.published else None,
                "url": s.meta.url,
                "path": s.path,
                "kind": s.meta.kind,
                "sentences": len(s.sentences),
            }
            for s in brief.sources
        ],
        "quotes": [dump(q) for q in brief.quotes],
        "amounts": [dump(a) for a in brief.amounts],
        "dates": [dump(d) for d in brief.dates],
        "people": [dump(p) for p in brief.people],
        "organizations": [dump(o) for o in brief.organizations],
        "conflicts": [{**dump(c), "note": words.conflict_note(c)} for c in brief.conflicts],
        "questions": [
            {**dump(q), "text": words.question_text(q), "reason": words.question_reason(q)} for q in brief.questions
        ],
        "disclosures": [dump(d) for d in brief.disclosures],
        "unnamed": [dump(u) for u in brief.unnamed],
        "quote_groups": [_with_support_note(dump(g, exclude={"variants"}), words) for g in brief.quote_groups],
        "amount_groups": [_with_support_note(dump(g), words) for g in brief.amount_groups],
        "deal": deal_json(brief),
    }


def deal_json(brief: Brief) -> dict[str, Any]:
    """The deal card: kind, status, announcement, parties with roles, value and summary, each cited.

    Fields the analyst has not confirmed in brief.yaml are the proposal from the sources; `proposed` lists
    them, and a party says it of itself.
    """
    card = brief.deal

    def cites(citations: Any) -> list[dict[str, Any]]:
        return [c.model_dump(mode="json") for c in citations]

    value: dict[str, Any] | None = None
    if card.value is not None:
        value = (
            {"state": card.value.state} if card.value.state else {"amount": card.value.amount, "unit": card.value.unit}
        )
        if card.value.qualifier:
            value["qualifier"] = card.value.qualifier
        value["citations"] = cites(card.value.citations)
    return {
        "title": card.title,
        "type": card.type or None,
        "status": card.status or None,
        "announced": card.announced.isoformat() if card.announced else None,
        "parties": [
            {
                "name": p.name,
                "role": p.role,
                "citations": cites(p.role_citations),
                "does": p.does.model_dump(mode="json") if p.does else None,
                "proposed": p.proposed or p.role_proposed,
            }
            for p in card.parties
        ],
        "value": value,
        "summary": [{"text": s.text, "citations": cites(s.citations)} for s in card.summary],
        "citations": {
            "type": cites(card.type_citations),
            "status": cites(card.status_citations),
            "announced": cites(card.announced_citations),
        },
        "proposed": list(card.proposed),
    }


def _with_support_note(group: dict[str, Any], words: Wording) -> dict[str, Any]:
    support = group["support"]
    support["note"] = words.support_note(Support.model_validate(support))
    return group


def facts_json(brief: Brief) -> str:
    """The whole brief as JSON: the site's brief.json, and what a rebuild with nothing changed reads back."""
    return json.dumps(brief.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def brief_schema() -> str:
    """The JSON Schema of brief.json, published beside it."""
    schema = Brief.model_json_schema()
    schema["title"] = "dealbrief brief"
    schema["description"] = "The whole brief a dealbrief site and PDF are rendered from (brief.json)."
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
