"""The printed brief, checked with pypdf: contents, outline, footnote links, metadata, paper, bytes."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.build import BuildResult
from builder.config import epoch_of
from builder.errors import BriefError
from builder.pdf import PrintJob, _FootnoteList, pdf_bytes, write_pdf
from builder.render import render_print_html
from tests.conftest import ARTIFACTS

SECTIONS = ["Summary", "Parties", "Quotes", "Financials", "Open questions", "Timeline", "Updates", "Sources"]
BODY_PAGES = 6  # the seed brief, from its summary to the appendix
FOOTNOTE_PX = 9.5  # footnotes are printed at 7pt (9.33 CSS px); the text above them is larger


@pytest.fixture(scope="module")
def reader(built: BuildResult) -> pypdf.PdfReader:
    return pypdf.PdfReader(built.project / "site" / "brief.pdf")


def _flat(outline: list) -> list:  # type: ignore[type-arg]
    found = []
    for item in outline:
        found.extend(_flat(item) if isinstance(item, list) else [item])
    return found


def test_page_count_is_sane(reader: pypdf.PdfReader) -> None:
    assert 6 <= len(reader.pages) <= 20


def _starts(reader: pypdf.PdfReader) -> dict[str, int]:
    """The page (from 1) each top-level section starts on."""
    return {
        item.title: reader.get_destination_page_number(item) + 1
        for item in reader.outline
        if not isinstance(item, list)
    }


def test_page_two_is_a_one_page_summary(reader: pypdf.PdfReader) -> None:
    starts = _starts(reader)
    assert starts["Summary"] == 2 and starts["Parties"] == 3
    text = " ".join(reader.pages[1].extract_text().split())
    for needle in ("Deal", "Announced", "Value", "Not disclosed", "Parties", "Key quotes", "Open questions"):
        assert needle in text, needle
    assert "What is the deal worth?" in text  # the value the sources withhold, asked first
    assert text.count("?") >= 3  # the three open questions that matter most


def test_the_body_fits_in_six_pages_before_the_appendix(reader: pypdf.PdfReader) -> None:
    starts = _starts(reader)
    assert starts["Sources"] - starts["Summary"] <= BODY_PAGES, starts


def test_no_page_is_under_a_third_full_but_a_section_s_last(reader: pypdf.PdfReader) -> None:
    starts = _starts(reader)
    section_firsts = set(starts.values())
    for number in range(starts["Summary"], starts["Sources"]):
        fill = _fill(reader.pages[number - 1])
        last_of_a_section = number + 1 in section_firsts
        assert fill >= 1 / 3 or last_of_a_section, (number, round(fill, 2))


def _fill(page: pypdf.PageObject) -> float:
    """How much of the room above the footnotes a page's text takes, from 0 to 1.

    Positions are read in CSS pixels from the top of the page (WeasyPrint's text matrix); the running head
    and the page number stand in the margins, the footnotes below the text in a smaller size.
    """
    height = float(page.mediabox.height) / 0.75
    top, bottom = 20 / 25.4 * 96, height - 22 / 25.4 * 96  # the @page margins
    runs: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip() and top <= tm[5] <= bottom:
            runs.append((tm[5], size, text))

    page.extract_text(visitor_text=visit)
    notes = [y for y, size, text in runs if size < FOOTNOTE_PX and re.fullmatch(r"\d+\. ", text)]
    room_end = min(notes) - 12 if notes else bottom
    body = [y for y, size, _ in runs if y < room_end]
    return (max(body) - top) / (room_end - top) if body else 0.0


def test_citations_read_by_outlet_with_the_sentence(reader: pypdf.PdfReader) -> None:
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Converge360 ¶19: “Financial terms of the deal were not disclosed.”" in text
    assert "Newsng ¶" in text and "sentence 1" not in text and "newsng, sentence" not in text
    assert not re.search(r"[,;]\s*\d+\s*·", text)  # no stray comma before a footnote call


def test_the_cover_names_the_preparer_and_the_date(reader: pypdf.PdfReader) -> None:
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "Prepared by" in cover and "Date 25 July 2024" in cover


def test_the_outline_has_every_section_nested(reader: pypdf.PdfReader) -> None:
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == SECTIONS
    nested = [item for item in reader.outline if isinstance(item, list)]
    assert nested and {"Kate Johnson", "Erin Chapple"} <= {i.title for i in _flat(nested)}


def test_contents_page_numbers_match_where_sections_start(reader: pypdf.PdfReader) -> None:
    contents = reader.pages[0].extract_text()
    starts = {
        item.title: reader.get_destination_page_number(item) + 1
        for item in reader.outline
        if not isinstance(item, list)
    }
    for section in SECTIONS:
        match = re.search(rf"{section}\s*(?:\.\s*)+(\d+)", contents)
        assert match, (section, contents)
        assert int(match.group(1)) == starts[section], section
        assert section in reader.pages[starts[section] - 1].extract_text().splitlines(), section


def test_every_internal_link_resolves(reader: pypdf.PdfReader) -> None:
    names = reader.named_destinations
    footnote_links = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            destination = annotation.get("/Dest")
            if destination is None:
                uri = annotation["/A"]["/URI"]
                assert uri.startswith(("http://", "https://")), uri
                continue
            assert str(destination) in names, destination
            reader.get_destination_page_number(names[str(destination)])
            footnote_links += str(destination).startswith("pdf-")
    assert footnote_links > 50


def test_every_cited_sentence_is_in_the_appendix(reader: pypdf.PdfReader, built: BuildResult) -> None:
    names = reader.named_destinations
    appendix = reader.get_destination_page_number(names["sources"])
    from builder.verify import citations_in

    for citation in citations_in(built.brief):
        destination = names[f"pdf-{citation.sentence}"]
        assert reader.get_destination_page_number(destination) >= appendix


def test_metadata(reader: pypdf.PdfReader) -> None:
    meta = reader.metadata
    assert meta.title == "Microsoft and Lumen Technologies strategic partnership"
    assert meta.author and meta.subject and "Private Connectivity Fabric" in (meta["/Keywords"] or "")
    assert meta["/CreationDate"] == "D:20240725000000Z" and meta["/ModDate"] == "D:20240725000000Z"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en" and root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root


def test_fonts_are_embedded(reader: pypdf.PdfReader) -> None:
    for page in reader.pages[:4]:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if font["/Subtype"] == "/Type0":  # composite fonts keep their descriptor in the descendant
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]


def test_every_section_s_text_is_there(reader: pypdf.PdfReader) -> None:
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for needle in (
        "Key quotes",
        "Other organisations mentioned",
        "make it reality",
        "Conflicts and differences",
        "Not disclosed",
        "Consistent but hedged differently",
        "April 2024",
        "June 2024",
        "Gladys Rama",  # the author of Converge360, in the sources appendix
        "Microsoft has an ambitious vision for AI",
    ):
        assert needle in text, needle


def test_letter_paper_and_byte_identical_reprints(built: BuildResult, tmp_path: Path) -> None:
    html = render_print_html(built.brief, epoch_of(built.brief.built))
    write_pdf(html, tmp_path / "a.pdf", "letter")
    write_pdf(html, tmp_path / "b.pdf", "letter")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    box = pypdf.PdfReader(tmp_path / "a.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_the_print_worker_prints_what_the_builder_would(built: BuildResult) -> None:
    html = render_print_html(built.brief, epoch_of(built.brief.built))
    with PrintJob() as job:
        job.start(html, "a4")
        printed = job.result()
    assert printed == pdf_bytes(html, "a4") == (built.project / "site" / "brief.pdf").read_bytes()


def test_a_failing_print_worker_is_reported_and_an_unused_one_ends(built: BuildResult) -> None:
    html = render_print_html(built.brief, epoch_of(built.brief.built))
    with PrintJob() as job:
        job.start(html, "a5")  # no such paper: the worker fails
        with pytest.raises(BriefError, match=r"site/brief\.pdf: printing failed: KeyError: 'a5'"):
            job.result()
    with PrintJob() as unused:
        pass
    assert unused._process.returncode == 0


def test_source_date_epoch_dates_the_pdf(built: BuildResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    write_pdf(render_print_html(built.brief, epoch_of(built.brief.built)), tmp_path / "epoch.pdf")
    assert pypdf.PdfReader(tmp_path / "epoch.pdf").metadata["/CreationDate"] == "D:20231114221320Z"


def test_every_page_renders_to_an_image_kept_to_look_at(built: BuildResult, reader: pypdf.PdfReader) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    target = ARTIFACTS / "pdf"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    pdf = str(built.project / "site" / "brief.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "50", pdf, str(target / "page")], check=True)
    images = sorted(target.glob("page-*.png"))
    assert len(images) == len(reader.pages)
    assert all(image.stat().st_size > 2_000 for image in images)


def test_every_word_is_printed_inside_the_page_margins(built: BuildResult) -> None:
    """No line runs off the paper: every word's box lies inside the page, clear of its edge."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = str(built.project / "site" / "brief.pdf")
    boxes = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True, text=True).stdout
    outside = []
    for number, (width, words) in enumerate(re.findall(r'<page width="([\d.]+)"[^>]*>(.*?)</page>', boxes, re.S), 1):
        for x_max, word in re.findall(
            r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', words
        ):
            if float(x_max) > float(width) - 20:  # 20 pt: about 7 mm, well inside any margin
                outside.append((number, word))
    assert not outside, f"words printed at the page's edge or beyond: {outside[:10]}"


class _Box:
    """Stands for a WeasyPrint box: compared by identity."""


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["append", "remove", "insert", "pop", "extend", "iadd", "setitem", "delitem", "copy"]),
            st.integers(0, 7),
            st.integers(0, 7),
        ),
        max_size=40,
    )
)
def test_the_footnote_list_answers_in_as_a_plain_list_does(steps: list[tuple[str, int, int]]) -> None:
    boxes: list[object] = [_Box() for _ in range(6)] + [None, None]
    fast: list[object] = _FootnoteList()
    plain: list[object] = []
    for op, i, j in steps:
        box = boxes[i]
        if op == "append":
            fast.append(box)
            plain.append(box)
        elif op == "remove" and box in plain:
            fast.remove(box)
            plain.remove(box)
        elif op == "insert":
            fast.insert(j, box)
            plain.insert(j, box)
        elif op == "pop" and plain:
            assert fast.pop(j % len(plain)) is plain.pop(j % len(plain))
        elif op == "extend":
            fast.extend(boxes[i:j])
            plain.extend(boxes[i:j])
        elif op == "iadd":
            fast += boxes[j:i]
            plain += boxes[j:i]
        elif op == "setitem" and plain:
            fast[j % len(plain)] = box
            plain[j % len(plain)] = box
        elif op == "delitem":
            del fast[i:j]
            del plain[i:j]
        elif op == "copy":
            fast = fast.copy()
            plain = plain.copy()
        assert isinstance(fast, _FootnoteList)
        assert list(fast) == plain
        assert [b in fast for b in boxes] == [b in plain for b in boxes]


def test_counted_footnotes_print_the_same_bytes(built: BuildResult) -> None:
    html = render_print_html(built.brief, epoch_of(built.brief.built))
    assert pdf_bytes(html, fast_footnotes=True) == pdf_bytes(html, fast_footnotes=False)
