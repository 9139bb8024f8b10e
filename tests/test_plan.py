"""The rebuild plan, from hashes alone: what a build must make again, and what it can keep."""

from __future__ import annotations

from builder.plan import Plan, inputs_key, make_plan, nothing_to_do, pdf_key, site_key

OUTPUTS = {
    "docs": "d1",
    "facts": "f1",
    "site/index.html": "s1",
    "site/brief.pdf": "p1",
    "docs/stylesheets/brief.css": "c1",
    "overrides/main.html": "o1",
}
STATE = {"inputs": "in1", "site": "site-key", "pdf": "pdf-key", **OUTPUTS}


def plan(**changes: object) -> Plan:
    values: dict[str, object] = {
        "site_key": "site-key",
        "pdf_key": "pdf-key",
        "state": STATE,
        "fingerprints": OUTPUTS,
        "site": True,
        "pdf": True,
        "paper": "a4",
    }
    values.update(changes)
    return make_plan(**values)  # type: ignore[arg-type]


def test_same_inputs_and_untouched_outputs_mean_nothing_to_do() -> None:
    assert nothing_to_do("in1", STATE, OUTPUTS, site=True, pdf=True, force=False)


def test_changed_inputs_force_or_a_first_build_mean_work() -> None:
    assert not nothing_to_do("in2", STATE, OUTPUTS, site=True, pdf=True, force=False)
    assert not nothing_to_do("in1", STATE, OUTPUTS, site=True, pdf=True, force=True)
    assert not nothing_to_do("in1", {}, OUTPUTS, site=True, pdf=True, force=False)


def test_an_output_edited_or_removed_since_means_work_only_when_it_is_wanted() -> None:
    removed_pdf = {**OUTPUTS, "site/brief.pdf": ""}
    assert not nothing_to_do("in1", STATE, removed_pdf, site=True, pdf=True, force=False)
    assert nothing_to_do("in1", STATE, removed_pdf, site=True, pdf=False, force=False)
    edited_page = {**OUTPUTS, "docs": "d2"}
    assert not nothing_to_do("in1", STATE, edited_page, site=False, pdf=False, force=False)


def test_unchanged_site_and_pdf_are_kept() -> None:
    kept = plan()
    assert not kept.rebuild_site and not kept.rebuild_pdf


def test_a_new_page_rebuilds_the_site_but_not_the_pdf() -> None:
    changed = plan(site_key="another")
    assert changed.rebuild_site and not changed.rebuild_pdf


def test_a_removed_or_edited_pdf_is_printed_again_alone() -> None:
    for pdf in ("", "p-edited"):
        again = plan(fingerprints={**OUTPUTS, "site/brief.pdf": pdf})
        assert again.rebuild_pdf and not again.rebuild_site


def test_outputs_not_asked_for_are_neither_made_nor_forgotten() -> None:
    no_pdf = plan(pdf=False, pdf_key="new")
    assert not no_pdf.rebuild_pdf and no_pdf.pdf_key == "pdf-key"
    no_site = plan(site=False, site_key="new")
    assert not no_site.rebuild_site and no_site.site_key == "site-key"


def test_the_state_a_plan_leaves_names_its_keys_and_outputs() -> None:
    state = plan().state("in1", OUTPUTS)
    assert state == STATE


def test_keys_change_with_what_they_are_made_from() -> None:
    base = site_key("code", "mkdocs", {"docs/index.md": "a"}, "")
    assert base == site_key("code", "mkdocs", {"docs/index.md": "a"}, "")
    assert base != site_key("code", "mkdocs", {"docs/index.md": "b"}, "")
    assert base != site_key("code", "mkdocs", {"docs/index.md": "a"}, "1700000000")
    assert pdf_key("code", "<html>", "a4") != pdf_key("code", "<html>", "letter")
    assert inputs_key("code", (True, True, "a4"), "", ["a"]) != inputs_key("code", (True, False, "a4"), "", ["a"])
