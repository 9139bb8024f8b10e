"""Score the extractor (and any other registered scorer) against the hand-written gold: `make eval`.

Prints a table per section, one column per corpus, and writes every figure to eval/results.json; with
--errors it also prints, article by article, what was missed or wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eval import gold
from eval.scoring import table
from eval.sections import SECTIONS

RESULTS = gold.ROOT / "eval" / "results.json"


def main() -> None:
    """Run the chosen sections, print their tables and write the results."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--section", action="append", choices=sorted(SECTIONS), help="run only these sections")
    parser.add_argument("--errors", action="store_true", help="print what each article missed or got wrong")
    parser.add_argument("--no-write", action="store_true", help="do not write eval/results.json")
    args = parser.parse_args()
    if not gold.available():
        raise SystemExit(f"{gold.SHARED} is not here: the gold describes articles in the shared material")
    chosen = args.section or list(SECTIONS)
    sections = [SECTIONS[name]() for name in chosen]
    articles = gold.articles()
    counts = {corpus: sum(1 for a in articles if a.corpus == corpus) for corpus in gold.CORPORA}
    results = {
        "articles": counts,
        "deals": len(gold.deals()),
        "sections": {section.name: section.data() for section in sections},
    }
    if args.errors:
        for section in sections:
            print(json.dumps(section.extra.get("errors", {}), indent=1, ensure_ascii=False))
    print("Gold: " + ", ".join(f"{counts[c]} {c}" for c in gold.CORPORA) + " articles.\n")
    print(table(sections))
    if not args.no_write:
        RESULTS.write_text(json.dumps(results, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nResults: {RESULTS.relative_to(gold.ROOT)}")


if __name__ == "__main__":
    main()
