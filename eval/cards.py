"""Score the proposed deal card against the hand-written deal gold: type, status, parties with roles, value.

Each deal's articles go through the pipeline as one brief, imported as `dealbrief add` imports them and
with no brief.yaml, so the card comes from the text alone. A Reuters story is dated by its file name (the
story's date, as the corpus names it), as an analyst would date it with `add --published`; the BBC files
carry no date. Run alone: `python -m eval.cards` (add `-v` for every deal's card beside its gold).
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "gold"
SHARED = ROOT.parent / "shared"
_DATED_NAME = re.compile(r"^(\d{4})(\d{2})(\d{2})-")
VALUE_TOLERANCE = 0.01  # a value within 1 % of the gold's, in the gold's unit, is the gold's
METRICS = ("type", "status", "parties", "value")


@dataclass(frozen=True)
class Deal:
    """One gold deal: its name, its card and the files of its articles."""

    name: str
    card: dict[str, Any]
    files: tuple[Path, ...]


def gold_deals(gold: Path = GOLD, shared: Path = SHARED) -> list[Deal]:
    """The gold deals whose articles are all present in the shared material."""
    deals = []
    for path in sorted((gold / "deals").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        files = []
        for article in data["articles"]:
            article_gold = yaml.safe_load((gold / article).read_text(encoding="utf-8"))
            files.append(shared / article_gold["path"])
        if all(file.is_file() for file in files):
            deals.append(Deal(data["deal"], data["card"], tuple(files)))
    return deals


def propose(deal: Deal) -> dict[str, Any]:
    """The deal JSON of `extract` for the deal's articles, imported into a new brief without curation."""
    from builder.build import extract_json
    from builder.config import Options
    from builder.project import add_sources

    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        (project / "data" / "sources").mkdir(parents=True)
        for file in deal.files:
            dated = _DATED_NAME.match(file.name)
            published = "-".join(dated.groups()) if dated else None
            add_sources(project, [file], {"published": published})
        data = extract_json(Options(sources=project / "data" / "sources", brief_file=None, cache=False))
    deal_data = data["deal"]
    assert isinstance(deal_data, dict)
    return deal_data


def same_name(a: str, b: str) -> bool:
    """Whether two names name one party: the extractor's matching, and a surname for a person."""
    from builder.extract.entities import org_key, same_organization

    if same_organization(a, b):
        return True
    short, long = sorted((org_key(a), org_key(b)), key=len)
    if not short:
        return False
    compact = short.replace(" ", "").replace("-", "") == long.replace(" ", "").replace("-", "")
    # "Deutsche Boerse" for "Deutsche Boerse AG"; "Glazer" for "Malcolm Glazer"
    initials = "".join(w[0] for w in long.split() if w not in ("and", "of", "the", "for"))
    acronym = " " not in a.strip() or " " not in b.strip()
    # "APA" for "Airline Partners Australia", "F&N" for "Fraser and Neave"
    letters = "".join(ch for ch in min((a, b), key=len).lower() if ch.isalpha())
    return (
        compact
        or long.startswith(short + " ")
        or (" " not in short and long.split()[-1] == short)
        or (acronym and len(letters) > 1 and letters == initials)
    )


def score_parties(gold: list[dict[str, str]], found: list[dict[str, Any]]) -> tuple[int, int, int]:
    """Matched (name, role) pairs, and the number of gold and of proposed pairs."""
    unmatched = list(found)
    hits = 0
    for party in gold:
        match = next((f for f in unmatched if f["role"] == party["role"] and same_name(f["name"], party["name"])), None)
        if match is not None:
            unmatched.remove(match)
            hits += 1
    return hits, len(gold), len(found)


def score_value(gold: dict[str, Any] | None, found: dict[str, Any] | None) -> bool:
    """Whether the proposed value is the gold's: the same state, or the amount within tolerance in its unit.

    A gold value of null says the sources state no value and do not say it was withheld (talks before any
    offer): the card is right to propose none.
    """
    if gold is None:
        return found is None
    if found is None:
        return False
    if "state" in gold:
        return bool(found.get("state") == gold["state"])
    if found.get("unit") != gold["unit"] or found.get("amount") is None:
        return False
    return abs(float(found["amount"]) - float(gold["amount"])) <= VALUE_TOLERANCE * float(gold["amount"])


def score_deal(deal: Deal, found: dict[str, Any]) -> dict[str, Any]:
    """One deal's scores: type, status and value right or wrong, and the party pairs matched."""
    gold = deal.card
    hits, wanted, proposed = score_parties(gold["parties"], found.get("parties", []))
    return {
        "deal": deal.name,
        "type": found.get("type") == gold["type"],
        "status": found.get("status") == gold["status"],
        "value": score_value(gold["value"], found.get("value")),
        "party_hits": hits,
        "party_gold": wanted,
        "party_found": proposed,
    }


def evaluate(deals: list[Deal] | None = None) -> tuple[list[list[str]], dict[str, Any]]:
    """Score every gold deal: the table's rows, and the results (each metric over all deals, and per deal)."""
    deals = gold_deals() if deals is None else deals
    per_deal = []
    cards = {}
    for deal in deals:
        found = propose(deal)
        cards[deal.name] = found
        per_deal.append(score_deal(deal, found))
    results = summarise(per_deal)
    results["cards"] = cards
    rows = [["Deal card", "deals", "score"]]
    for metric in METRICS:
        rows.append(
            [metric if metric != "parties" else "parties with roles (F1)", str(len(deals)), f"{results[metric]:.2f}"]
        )
    return rows, results


def summarise(per_deal: list[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy of type, status and value over the deals; F1 of the (party, role) pairs over all of them."""
    count = len(per_deal) or 1
    hits = sum(d["party_hits"] for d in per_deal)
    gold = sum(d["party_gold"] for d in per_deal)
    found = sum(d["party_found"] for d in per_deal)
    precision = hits / found if found else 0.0
    recall = hits / gold if gold else 0.0
    return {
        "type": sum(d["type"] for d in per_deal) / count,
        "status": sum(d["status"] for d in per_deal) / count,
        "value": sum(d["value"] for d in per_deal) / count,
        "parties": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "parties_precision": precision,
        "parties_recall": recall,
        "deals": per_deal,
    }


def _cards_side_by_side(deals: list[Deal], results: dict[str, Any]) -> Iterator[str]:
    for deal, scored in zip(deals, results["deals"], strict=True):
        found = results["cards"][deal.name]
        yield f"== {deal.name}"
        for key in ("type", "status", "value"):
            mark = "ok " if scored[key] else "BAD"
            gold_value = deal.card[key]
            found_value = found.get(key)
            if key == "value" and isinstance(found_value, dict):
                found_value = {k: v for k, v in found_value.items() if k in ("amount", "unit", "state")}
            yield f"  {mark} {key}: {found_value}   (gold {gold_value})"
        yield f"  parties {scored['party_hits']}/{scored['party_gold']} of {scored['party_found']} proposed"
        yield "    proposed: " + "; ".join(f"{p['name']} ({p['role']})" for p in found.get("parties", []))
        yield "    gold:     " + "; ".join(f"{p['name']} ({p['role']})" for p in deal.card["parties"])
        yield f"  announced: {found.get('announced')}   (gold {deal.card['announced']})"


def main(argv: list[str]) -> int:
    """Print the table; with -v, every deal's card beside its gold."""
    if not SHARED.is_dir():
        print(f"{SHARED} is not here: the deal articles live in the shared material beside the project")
        return 1
    deals = gold_deals()
    rows, results = evaluate(deals)
    if "-v" in argv:
        for line in _cards_side_by_side(deals, results):
            print(line)
    for row in rows:
        print(" | ".join(row))
    print(f"parties: precision {results['parties_precision']:.2f}, recall {results['parties_recall']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
