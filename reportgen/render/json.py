"""The JSON renderer: the pack's briefs as parsed (``reportgen.pack/1``), for other tools."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from . import register

if TYPE_CHECKING:
    from ..compose.blocks import Document
    from ..themes import Theme


@register
class JsonRenderer:
    name = "json"
    suffix = ".json"
    description = "the pack's briefs as parsed (reportgen.pack/1 JSON)"

    def render(self, document: Document, theme: Theme) -> bytes:
        if document.pack is None:
            raise ValueError("this document was not composed from a pack")
        return (json.dumps(document.pack.to_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
