"""A pack's chapters laid out while its other articles are still being parsed.

A pack is rendered once every article is read: its front matter sums them all
up. While workers parse, this process would wait, and the render after them
would run on one core. But a chapter needs only its own article and the notes
numbered before it, so a renderer that can (``lay_out_early``: the PDF's) lays
each chapter out as its article comes back, in input order, on the core the
workers leave. Each chapter is composed exactly as the whole pack composes it
(``ChapterComposer``), and the pack's render takes the layout up only when
what it laid out is the document's own beginning (else it starts afresh): the
bytes are the same either way.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterator

from ..config import BuildOptions
from ..model import Pack, PackReading
from .inputs import Failure, Input
from .plan import Slot, document_language

if TYPE_CHECKING:
    from ..compose import Brand, ChapterComposer
    from ..render.pdf.document import EarlyLayout
    from ..themes import Theme


def composed_as(pack: Pack, language: str, theme: Theme) -> tuple[Pack, Brand]:
    """``pack`` as it is composed in ``language`` (untitled: "Briefing pack" in that language), and the brand."""
    from ..compose import Brand
    from ..i18n import translations

    if not pack.title:
        pack = replace(pack, title=translations(language).gettext("Briefing pack"))
    return pack, Brand(theme.brand, theme.texts_for(language))


class EarlyChapters:
    """The chapters of every pack that can be laid out early, fed with the parsed inputs in order."""

    def __init__(self, packs: list[Slot], options: BuildOptions, theme: Theme) -> None:
        from ..render import renderer_for

        self.options, self.theme = options, theme
        self.slots = [slot for slot in packs if hasattr(renderer_for(slot.format), "lay_out_early")]
        self._taken = [0] * len(self.slots)  # each slot's inputs laid out so far
        self._arrived: dict[str, PackReading | Failure] = {}  # input path → its reading (or failure)
        self._packs: dict[tuple[int, str], tuple[ChapterComposer, EarlyLayout]] = {}  # (slot, language) → both

    @property
    def active(self) -> bool:
        """Is there a pack whose chapters this process lays out as their articles come?"""
        return bool(self.slots)

    def lay_out(self, arrivals: Iterator[tuple[Input, PackReading | Failure]]) -> None:
        """Lay out the chapters of each input as it arrives parsed; a layout that fails is given up
        (the render lays the pack out again and reports it)."""
        try:
            for source, outcome in arrivals:
                if not self.slots:
                    return
                self._arrived[source.path] = outcome
                for index, slot in enumerate(self.slots):
                    self._advance(index, slot)
                    if not self.slots:
                        return
        except Exception:  # noqa: BLE001 - only time is lost: the render does it all again
            self.drop()

    def _advance(self, index: int, slot: Slot) -> None:
        while self._taken[index] < len(slot.inputs) and slot.inputs[self._taken[index]].path in self._arrived:
            reading = self._arrived[slot.inputs[self._taken[index]].path]
            self._taken[index] += 1
            if not isinstance(reading, PackReading):
                continue  # a failed input: the pack leaves it out
            if reading.title and not self.options.title:
                self.drop()  # the pack takes a Word pack's title, which the chapters laid out would not have
                return
            for brief in reading.briefs:
                composer, layout = self._pack(index, slot, document_language(slot, brief.language))
                layout.add(composer.add(brief))

    def _pack(self, index: int, slot: Slot, language: str) -> tuple[ChapterComposer, EarlyLayout]:
        from ..compose import ChapterComposer
        from ..render import renderer_for

        if (index, language) not in self._packs:
            options = self.options
            pack, brand = composed_as(Pack((), options.title or "", options.subtitle, options.date, self.theme.name),
                                      language, self.theme)
            composer = ChapterComposer(pack, language, brand)
            self._packs[index, language] = composer, renderer_for(slot.format).lay_out_early(composer.meta(), self.theme)
        return self._packs[index, language]

    def drop(self) -> None:
        """Give up every layout not taken up (by the end of the build, or on a failure)."""
        for _, layout in self._packs.values():
            layout.drop()
        self._packs.clear()
        self.slots = []
