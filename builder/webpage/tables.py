"""Tables in saved pages: layout tables become plain blocks, data tables become Markdown tables."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

# Elements that make a table cell a block of page layout rather than a value.
_BLOCKS = ("p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "pre")
_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption")
LONGEST_CELL_WORDS = 60
_RULE = re.compile(r"\|(?:\s*:?-+:?\s*\|)+")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def unwrap_layout_tables(tree: HtmlElement) -> int:
    """Turn the tables a page uses for layout into plain blocks, so their text reads as paragraphs.

    A table is layout when it holds another table, has a single column, is marked presentational, or
    has a cell with several blocks of text or a long text. Returns how many tables were unwrapped.
    """
    layout = [table for table in tree.iter("table") if _is_layout(table)]
    for table in layout:
        for element in [table, *table.iter(*_TABLE_PARTS)]:
            if element.tag in _TABLE_PARTS:
                element.tag = "div"
                for name in ("colspan", "rowspan", "role"):
                    element.attrib.pop(name, None)
    return len(layout)


def _is_layout(table: HtmlElement) -> bool:
    if table.get("role") in ("presentation", "none") or table.find(".//table") is not None:
        return True
    rows = table.findall(".//tr")
    cells = [cell for row in rows for cell in row if cell.tag in ("td", "th")]
    if not cells or all(sum(1 for cell in row if cell.tag in ("td", "th")) <= 1 for row in rows):
        return True
    for cell in cells:
        blocks = [child for child in cell if child.tag in _BLOCKS and child.text_content().strip()]
        if len(blocks) > 1 or len(cell.text_content().split()) > LONGEST_CELL_WORDS:
            return True
    return False


def markdown_tables(text: str) -> str:
    """Write each run of table rows in extracted text as a Markdown table, with blank lines around blocks.

    Every table gets a header row and a delimiter row; rows are padded to the same number of cells;
    a header row in the middle of a run starts a new table. Other lines become paragraphs of their own.
    """
    blocks: list[str] = []
    run: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.lstrip().startswith("|"):
            run.append(line.strip())
            continue
        if run:
            blocks.extend(_tables(run))
            run = []
        if line.strip():
            blocks.append(line.strip())
    return "\n\n".join(blocks)


def is_table_rule(line: str) -> bool:
    """Whether a line is a Markdown table's delimiter row (|---|---|)."""
    return bool(_RULE.fullmatch(line.strip()))


def _tables(lines: list[str]) -> list[str]:
    tables: list[list[list[str]]] = []
    for index, line in enumerate(lines):
        if is_table_rule(line):
            continue
        starts_table = index + 1 < len(lines) and is_table_rule(lines[index + 1])
        if starts_table or not tables:
            tables.append([])
        tables[-1].append(_cells(line))
    written = []
    for rows in tables:
        rows = [row for row in rows if any(row)]
        if not rows:
            continue
        width = max(len(row) for row in rows)
        padded = [row + [""] * (width - len(row)) for row in rows]
        lines_out = ["| " + " | ".join(padded[0]) + " |", "|" + "---|" * width]
        lines_out += ["| " + " | ".join(row) + " |" for row in padded[1:]]
        written.append("\n".join(lines_out))
    return written


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [" ".join(cell.split()) for cell in _CELL_SPLIT.split(inner)]
