"""The site in a real browser: search finds, citations land, nothing leaves the origin, no errors,
no serious accessibility violations. Runs Debian's Chromium through Playwright."""

from __future__ import annotations

import functools
import html
import http.server
import json
import re
import socketserver
import threading
from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest

from builder.build import BuildResult
from tests.conftest import ARTIFACTS, chromium_path

pytestmark = pytest.mark.browser
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CITATIONS_PER_PAGE = 5


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(built: BuildResult) -> Iterator[str]:
    """The built site served on 127.0.0.1, on a free port."""
    handler = functools.partial(_Quiet, directory=str(built.project / "site"))
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_address[1]}/"
        server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    opened = context.new_page()
    yield opened
    context.close()


def site_pages(built: BuildResult) -> list[str]:
    site = built.project / "site"
    return sorted(str(p.parent.relative_to(site)) + "/" if p.parent != site else "" for p in site.rglob("index.html"))


@pytest.mark.parametrize(
    ("query", "expected_page"),
    [
        ("Chapple", "quotes/"),
        ("Private Connectivity Fabric", "parties/"),
        ("20 million", "financials/"),
        ("60 percent", "financials/"),
    ],
)
def test_search_finds_and_opens_the_right_page(page: object, site: str, query: str, expected_page: str) -> None:
    page.goto(site)  # type: ignore[attr-defined]
    page.locator("input.md-search__input").first.click()  # type: ignore[attr-defined]
    page.keyboard.type(query)  # type: ignore[attr-defined]
    results = page.locator("a.md-search-result__link")  # type: ignore[attr-defined]
    last_word = query.split()[-1].lower()
    # Results appear as the query is typed; wait for the ones of the whole query (its words are in ?h=).
    page.wait_for_function(  # type: ignore[attr-defined]
        """word => [...document.querySelectorAll('a.md-search-result__link')]
                      .some(a => decodeURIComponent(a.href).toLowerCase().includes(word))""",
        arg=last_word,
        timeout=10_000,
    )
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    matching = [i for i, href in enumerate(hrefs) if href and urlparse(href).path.endswith("/" + expected_page)]
    assert matching, (query, hrefs)
    results.nth(matching[0]).click()
    page.wait_for_load_state()  # type: ignore[attr-defined]
    assert urlparse(page.url).path.endswith("/" + expected_page)  # type: ignore[attr-defined]
    words = query.split()
    body = page.locator("article").inner_text()  # type: ignore[attr-defined]
    assert all(word in body for word in words)


def test_citations_land_on_their_sentence_highlighted(page: object, site: str, built: BuildResult) -> None:
    brief = json.loads((built.project / "site" / "brief.json").read_text(encoding="utf-8"))
    texts: dict[str, set[str]] = {}
    _collect_citations(brief, texts)
    checked = 0
    for path in site_pages(built):
        page.goto(site + path)  # type: ignore[attr-defined]
        count = page.locator("a.cite").count()  # type: ignore[attr-defined]
        for index in sorted({0, count // 3, count // 2, count - 1, 1} & set(range(count)))[:CITATIONS_PER_PAGE]:
            page.goto(site + path)  # type: ignore[attr-defined]
            link = page.locator("a.cite").nth(index)  # type: ignore[attr-defined]
            title = link.get_attribute("title")
            link.click()
            page.wait_for_load_state()  # type: ignore[attr-defined]
            sentence_id = urlparse(page.url).fragment  # type: ignore[attr-defined]
            target = page.locator(f"[id='{sentence_id}']")  # type: ignore[attr-defined]
            assert target.count() == 1, (path, sentence_id)
            state = target.evaluate(
                """e => { const r = e.getBoundingClientRect();
                          return {inView: r.top >= 0 && r.top < window.innerHeight, target: e.matches(':target'),
                                  outline: getComputedStyle(e).outlineStyle, text: e.innerText}; }"""
            )
            assert state["inView"] and state["target"] and state["outline"] != "none", (
                path,
                sentence_id,
                state,
            )
            shown = _normal(state["text"])
            assert title and _normal(html.unescape(title)) in shown  # the theme reads a title as HTML
            for text in texts.get(sentence_id, ()):
                assert _normal(text) in shown, (sentence_id, text)
            checked += 1
    assert checked >= 20


def _collect_citations(value: object, found: dict[str, set[str]]) -> None:
    if isinstance(value, dict):
        if set(value) == {"source", "sentence", "text"}:
            found.setdefault(value["sentence"], set()).add(value["text"])
        for item in value.values():
            _collect_citations(item, found)
    elif isinstance(value, list):
        for item in value:
            _collect_citations(item, found)


def _normal(text: str) -> str:
    return " ".join(re.sub(r"^\d+\s", "", text.strip()).split())


def test_every_request_stays_on_the_site_and_no_console_errors(page: object, site: str, built: BuildResult) -> None:
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))  # type: ignore[attr-defined]
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: errors.append(str(error)))  # type: ignore[attr-defined]
    for path in site_pages(built):
        page.goto(site + path, wait_until="networkidle")  # type: ignore[attr-defined]
    origin = site.rstrip("/")
    outside = [url for url in requests if not url.startswith((origin, "data:", "blob:"))]
    assert not outside, outside
    assert not errors, errors
    assert len(requests) > len(site_pages(built))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(browser: object, site: str, built: BuildResult, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found = {}
    context = browser.new_context(color_scheme=scheme)  # type: ignore[attr-defined]
    page = context.new_page()
    for path in site_pages(built):
        page.goto(site + path)  # type: ignore[attr-defined]
        results = axe.run(page)
        serious = [
            (v["id"], v["impact"], len(v["nodes"]))
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            found[path] = serious
    context.close()
    assert not found, found


def test_dark_mode_toggle_and_pdf_link(page: object, site: str) -> None:
    page.goto(site)  # type: ignore[attr-defined]
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # type: ignore[attr-defined]
    page.locator("form[data-md-component=palette] label:visible").first.click()  # type: ignore[attr-defined]
    after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # type: ignore[attr-defined]
    assert {before, after} == {"default", "slate"}
    link = page.get_by_role("link", name="Download the PDF brief")  # type: ignore[attr-defined]
    response = page.request.get(site + link.get_attribute("href"))  # type: ignore[attr-defined]
    assert response.ok and response.body().startswith(b"%PDF")


def test_json_ld_in_every_head_is_valid(page: object, site: str, built: BuildResult) -> None:
    for path in site_pages(built):
        page.goto(site + path)  # type: ignore[attr-defined]
        blocks = page.locator("head script[type='application/ld+json']")  # type: ignore[attr-defined]
        if path.startswith("404"):
            continue
        assert blocks.count() == 1, path
        data = json.loads(blocks.first.inner_text())
        assert data["@type"] == "Report" and data["@context"] == "https://schema.org"


def _page_name(path: str) -> str:
    return path.strip("/").replace("/", "-") or "overview"


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_of_every_page(browser: object, site: str, built: BuildResult, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    opened = context.new_page()
    target = ARTIFACTS / "site"
    target.mkdir(parents=True, exist_ok=True)
    for path in site_pages(built):
        opened.goto(site + path, wait_until="networkidle")
        shot = target / f"{_page_name(path)}-{width}.png"
        opened.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000, shot
    context.close()


PHONE_OVERFLOW = """() => {
  const width = window.innerWidth;
  const wide = [];
  for (const element of document.querySelectorAll("body *")) {
    const style = getComputedStyle(element);
    if (style.display === "none" || style.visibility === "hidden" || element.closest("[hidden]")) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.width > width + 1 || box.right > width + 1) {
      wide.push(`${element.tagName.toLowerCase()}.${element.className} ${Math.round(box.width)}px`);
    }
  }
  return {wide: wide.slice(0, 10), scroll: document.documentElement.scrollWidth, width};
}"""


def test_nothing_is_wider_than_a_phone(browser: object, site: str, built: BuildResult) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    opened = context.new_page()
    found = {}
    for path in site_pages(built):
        opened.goto(site + path, wait_until="networkidle")
        state = opened.evaluate(PHONE_OVERFLOW)
        if state["wide"] or state["scroll"] > state["width"]:
            found[path] = state
    context.close()
    assert not found, found


def test_tables_are_cards_on_a_phone(browser: object, site: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    opened = context.new_page()
    opened.goto(site + "financials/", wait_until="networkidle")
    cell = opened.locator("table.cards td[data-label='About']").first
    assert cell.evaluate("e => getComputedStyle(e).display") == "block"
    assert cell.evaluate("e => getComputedStyle(e, '::before').content") == '"About"'
    context.close()


def test_search_for_a_figure_lands_on_it_highlighted(page: object, site: str) -> None:
    page.goto(site)  # type: ignore[attr-defined]
    page.locator("input.md-search__input").first.click()  # type: ignore[attr-defined]
    page.keyboard.type("20 million")  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('a.md-search-result__link')]
                     .some(a => a.href.includes('financials/') && a.href.includes('million'))""",
        timeout=10_000,
    )
    links = page.locator("a.md-search-result__link")  # type: ignore[attr-defined]
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    # Every result, the pages as well as their sections, highlights what it matched.
    assert hrefs and all(parse_qs(urlparse(href).query).get("h", [""])[0].strip() for href in hrefs), hrefs
    # "20" matches the number 20 only: no result marks it inside 2024 or 2024-07-25.
    results = page.locator(".md-search-result").inner_html()  # type: ignore[attr-defined]
    assert not re.search(r"<mark>20</mark>\d|\d<mark>20", results)
    figure = next(i for i, href in enumerate(hrefs) if "/financials/" in href and "#" in href)
    links.nth(figure).click()
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    page.wait_for_selector("mark[data-md-highlight]")  # type: ignore[attr-defined]
    marks = page.evaluate(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('mark[data-md-highlight]')].map(m => {
             const box = m.getBoundingClientRect();
             return {text: m.textContent, row: m.closest('tr[id^="ag-"]') !== null,
                     seen: box.top >= 0 && box.bottom <= window.innerHeight};
           })"""
    )
    assert any(m["text"] == "20 million" and m["row"] and m["seen"] for m in marks), marks
    assert not any(m["text"] == "20" for m in marks), marks  # never a piece of a longer number
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-20-million-1280.png"))  # type: ignore[attr-defined]


def test_the_site_opened_from_disk_navigates_through_every_section_and_searches(
    page: object, built: BuildResult
) -> None:
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: errors.append(str(error)))  # type: ignore[attr-defined]
    page.on("request", lambda request: requests.append(request.url))  # type: ignore[attr-defined]
    site = built.project / "site"
    page.goto((site / "index.html").as_uri())  # type: ignore[attr-defined]
    sections = {"Parties": "parties", "Quotes": "quotes", "Financials": "financials", "Open questions": "questions"}
    sections |= {"Timeline": "timeline", "Sources": "sources", "Overview": ""}
    for name, folder in sections.items():
        page.locator("a.md-tabs__link", has_text=name).first.click()  # type: ignore[attr-defined]
        page.wait_for_load_state()  # type: ignore[attr-defined]
        assert page.url == (site / folder / "index.html").as_uri(), name  # type: ignore[attr-defined]
        assert page.locator("article h1").count() == 1, name  # type: ignore[attr-defined]
    page.locator("input.md-search__input").first.click()  # type: ignore[attr-defined]
    page.keyboard.type("Chapple")  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('a.md-search-result__link')]
                     .some(a => a.href.includes('quotes/') && a.href.toLowerCase().includes('chapple'))""",
        timeout=10_000,
    )
    page.locator("a.md-search-result__link[href*='quotes/']").first.click()  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]
    assert urlparse(page.url).path == (site / "quotes" / "index.html").as_posix()  # type: ignore[attr-defined]
    assert "Chapple" in page.locator("article").inner_text()  # type: ignore[attr-defined]
    page.locator("a.cite").first.click()  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]
    assert urlparse(page.url).path.endswith("/index.html") and urlparse(page.url).fragment  # type: ignore[attr-defined]
    assert not [url for url in requests if not url.startswith(("file:", "data:", "blob:", "about:"))]
    # The theme asks for sitemap.xml to list the site's pages; under file:// the browser refuses any XHR, and
    # nothing the reader does depends on it (navigation and search are checked above).
    refused_xhr = ("sitemap.xml", "Failed to load resource: net::ERR_FAILED")
    assert not [e for e in errors if not any(known in e for known in refused_xhr)], errors
