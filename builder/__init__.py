"""dealbrief: turn the news coverage of a business deal into a sourced brief, as a site and a PDF."""

from __future__ import annotations

__version__ = "0.1.0"
