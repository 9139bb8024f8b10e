"""The floors of the deal-terms evaluation on the hand gold (eval/terms.py): what each figure measures, the
basis of each deal value, the findings of every gold deal, no false alarms, and figures reported alike grouped alike."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from types import ModuleType
from typing import Any

from tests.conftest import ROOT, shared


@cache
def terms_eval() -> ModuleType:
    """eval/terms.py, loaded as a module (eval/ is a folder of scripts, not a package)."""
    spec = importlib.util.spec_from_file_location("eval_terms", ROOT / "eval" / "terms.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_terms"] = module
    spec.loader.exec_module(module)
    return module


@cache
def evaluated() -> tuple[list[list[str]], dict[str, Any]]:
    shared("corpus", "reuters-deals")
    shared("peer-tests", "article-extraction")
    rows, found = terms_eval().evaluate()
    return rows, found


def results() -> dict[str, Any]:
    return evaluated()[1]


def test_measure_accuracy_over_every_gold_figure() -> None:
    floors = terms_eval().FLOORS
    assert results()["pooled"]["measure"] >= floors["measure"], results()["confusions"][:10]


def test_basis_accuracy_over_every_gold_deal_value() -> None:
    """Every deal value whose sentence states a basis is read on it, and none is given a basis its sentence
    does not state (beyond the floor)."""
    pooled = results()["pooled"]
    assert pooled["basis"] >= terms_eval().FLOORS["basis"], results()["bases"]
    assert pooled["basis_stated"] == 1.0, results()["bases"]


def test_every_finding_of_the_deal_gold_is_found() -> None:
    assert results()["pooled"]["findings"] >= terms_eval().FLOORS["findings"], results()["missed"]


def test_no_false_alarms() -> None:
    assert results()["pooled"]["false_alarms"] <= terms_eval().FLOORS["false_alarms"], results()["false"]


def test_figures_reported_alike_are_grouped_alike() -> None:
    assert results()["pooled"]["grouped"] >= terms_eval().FLOORS["grouped"]


def test_the_table_has_a_row_per_deal_and_a_pooled_row() -> None:
    rows, found = evaluated()
    names = [row[0] for row in rows[1:]]
    assert set(found["deals"]) <= set(names) and names[-1] == "pooled"


def test_a_subject_with_a_founder_s_initial_is_the_gold_s_subject() -> None:
    same_subject = terms_eval().same_subject
    assert same_subject("Sainsbury", "J. Sainsbury") and same_subject("J.P. Morgan", "J.P. Morgan Cazenove")
    assert not same_subject("Sainsbury", "Tesco")
