"""The brief as JSON: the extract contract other tools rely on (keys may be added, never renamed), and the
whole brief as data/facts.json and the site's brief.json with its schema."""

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
    }


def _with_support_note(group: dict[str, Any], words: Wording) -> dict[str, Any]:
    support = group["support"]
    support["note"] = words.support_note(Support.model_validate(support))
    return group


def facts_json(brief: Brief, header: bool = True) -> str:
    """The whole brief as JSON: data/facts.json (with a line saying it is generated) and the site's brief.json."""
    data = brief.model_dump(mode="json")
    if header:
        data = {"generated": "by dealbrief from data/sources/ and data/brief.yaml; do not edit", **data}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def without_header(text: str) -> str:
    """The JSON of data/facts.json without its generated line, as the model reads it."""
    data = json.loads(text)
    data.pop("generated", None)
    return json.dumps(data)


def brief_schema() -> str:
    """The JSON Schema of brief.json, published beside it."""
    schema = Brief.model_json_schema()
    schema["title"] = "dealbrief brief"
    schema["description"] = "The whole brief a dealbrief site and PDF are rendered from (brief.json)."
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
