"""A reportgen renderer plugin: every statistics table of a pack as one CSV, for spreadsheets.

Installed beside reportgen, it is a format like the built-ins:
    pip install examples/plugin
    reportgen formats                  # lists csv
    reportgen build --format csv       # dist/briefing-pack.en.csv
"""

from __future__ import annotations

import csv
import io

from reportgen.compose import blocks


class CsvRenderer:
    name = "csv"
    suffix = ".csv"
    description = "statistics tables as CSV (example plugin)"

    def render(self, document: blocks.Document, theme: object) -> bytes:
        stream = io.StringIO()
        writer = csv.writer(stream)
        header_written = False
        for section in document.sections():
            for child in section.children:
                if isinstance(child, blocks.Table) and child.role == "data":
                    if not header_written:
                        writer.writerow([self._article_label(document), *(c.title for c in child.columns)])
                        header_written = True
                    for row in child.rows:
                        writer.writerow([self._article(document, section), *row])
        return stream.getvalue().encode("utf-8")

    @staticmethod
    def _article_label(document: blocks.Document) -> str:
        """The translated "Article" heading of the pack's at-a-glance table (a plugin translates nothing)."""
        for section in document.sections():
            for child in section.children:
                if isinstance(child, blocks.Table) and child.role == "glance":
                    return child.columns[0].title
        return ""

    @staticmethod
    def _article(document: blocks.Document, section: blocks.Section) -> str:
        """The chapter (article title) a statistics section belongs to."""
        for chapter in document.blocks:
            if isinstance(chapter, blocks.Section) and section in chapter.children:
                return chapter.title
        return ""
