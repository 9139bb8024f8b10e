"""Hostile text in a real browser: load every page, hover every citation and every title, search for the
text; no script runs and no element or attribute exists that the input made. Runs Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import socketserver
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings

from tests.conftest import chromium_path, run_cli
from tests.hostile import ARTICLE, CITING_BRIEF, every_field_project, small_project
from tests.test_render_properties import every_field
from tests.test_site_browser import CHROMIUM_ARGS

pytestmark = pytest.mark.browser

# What the page made of its input: elements, handlers, script addresses; and scripts that ran.
_CREATED = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (tag.includes('pwn')) found.push('element ' + tag);
    if (tag === 'img' && el.getAttribute('src') === 'x') found.push('element img src=x');
    if (tag === 'script' && !el.src && el.type !== 'application/ld+json' && el.textContent.includes('pwn'))
      found.push('script ' + el.textContent.slice(0, 40));
    for (const a of el.attributes) {
      const v = a.value.trim().toLowerCase();
      if (a.name.startsWith('on') || a.name.includes('pwn') || (a.name === 'class' && v.includes('pwn')))
        found.push(tag + ' ' + a.name + '=' + v.slice(0, 30));
      if (['href', 'src', 'action', 'formaction'].includes(a.name) && /^(javascript|data|vbscript):/.test(v))
        found.push(tag + ' ' + a.name + '=' + v.slice(0, 30));
    }
  }
  return {found, ran: window.__pwned || 0};
}"""
# Hover every element with a title as the pointer does, and read its tooltip. The theme listens for mouseenter:
# the first one mounts the tooltip, which then asks whether the pointer is over the element, so a second follows.
_HOVER_ALL = """async () => {
  const shown = [];
  const pause = () => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
  for (const el of document.querySelectorAll('article [title], article a.cite')) {
    el.dispatchEvent(new MouseEvent('mouseenter'));
    await pause();
    el.dispatchEvent(new MouseEvent('mouseenter'));
    for (let tries = 0; tries < 20 && !el.hasAttribute('aria-describedby'); tries++) await pause();
    const tip = document.getElementById(el.getAttribute('aria-describedby') || '');
    if (tip) shown.push(tip.innerText);
    el.dispatchEvent(new MouseEvent('mouseleave'));
  }
  await new Promise(done => setTimeout(done, 300));
  return shown;
}"""
_TRAP = "window.__pwned = 0; window.pwn = () => { window.__pwned += 1; };"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _served(site: Path) -> tuple[socketserver.ThreadingTCPServer, str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _pages(site: Path) -> list[str]:
    return sorted(str(p.parent.relative_to(site)) + "/" if p.parent != site else "" for p in site.rglob("index.html"))


def browse_everything(browser: object, site: Path, search: str | None = None) -> dict[str, object]:
    """Load every page, hover every element with a title, search; what the input made, by page."""
    server, base = _served(site)
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    context.add_init_script(_TRAP)
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    findings: dict[str, object] = {}
    tooltips: list[str] = []
    try:
        for path in _pages(site):
            page.goto(base + path, wait_until="load")
            tooltips += page.evaluate(_HOVER_ALL)
            if search is not None and path == "":
                page.locator("input.md-search__input").first.click()
                page.keyboard.type(search[:40])
                page.wait_for_timeout(500)
            state = page.evaluate(_CREATED)
            if state["found"] or state["ran"]:
                findings[path] = state
    finally:
        context.close()
        server.shutdown()
        server.server_close()
    return {"findings": findings, "dialogs": dialogs, "errors": [e for e in errors if "pwn" in e], "tips": tooltips}


def test_hovering_every_citation_of_hostile_sources_runs_nothing(browser: object, tmp_path: Path) -> None:
    sentence = "Acme said <img src=x onerror=pwn()> and <script>pwn()</script> would buy Widget Corp for $2bn."
    project = small_project(tmp_path / "p", {"s.md": f"{sentence}\n\n{ARTICLE}"}, CITING_BRIEF)
    code, output = run_cli("build", "--no-pdf", "--project", str(project))
    assert code == 0, output
    seen = browse_everything(browser, project / "site", search="onerror pwn")
    assert seen["findings"] == {} and seen["dialogs"] == [] and seen["errors"] == [], seen
    assert sentence in seen["tips"], seen["tips"]  # the tooltip shows the sentence as text


@settings(max_examples=2, deadline=None, suppress_health_check=list(HealthCheck))
@given(values=every_field)
@example(values={})  # the hostile text in every field
def test_any_text_in_every_field_creates_nothing_in_the_browser(browser: object, values: dict[str, str]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="dealbrief-browser-"))
    try:
        project = every_field_project(folder / "p", values)
        code, output = run_cli("build", "--no-pdf", "--project", str(project))
        assert code == 0, output
        seen = browse_everything(browser, project / "site", search=re.sub(r"\s+", " ", values.get("body", "pwn")))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert seen["findings"] == {} and seen["dialogs"] == [] and seen["errors"] == [], seen
