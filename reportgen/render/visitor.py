"""One way for every renderer to reach the code for a block: ``visit_<block in snake case>``.

A renderer subclasses ``BlockVisitor`` and writes ``visit_paragraph``,
``visit_key_figures``, ``visit_page_break`` …; ``visit(block)`` calls the one
its class names. A block type without a method raises ``UnknownBlock``, so a
new block type fails loudly in every renderer that has not learnt it, rather
than leaving a hole in the page.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from ..compose.blocks import Block

Result = TypeVar("Result")


class UnknownBlock(TypeError):
    """A block this renderer has no ``visit_`` method for: a renderer never drops content silently."""


@cache
def method_name(kind: type) -> str:
    """``KeyFigures`` → ``visit_key_figures``: the method that renders a block of class ``kind``."""
    return "visit_" + re.sub(r"(?<!^)(?=[A-Z])", "_", kind.__name__).lower()


class BlockVisitor(Generic[Result]):
    """Dispatch on the block's own class (not its bases): a subclass is a new block, with its own method."""

    def visit(self, block: Block, *context: Any) -> Result:
        """What ``visit_<block>`` returns for ``block``; ``context`` (a depth…) is passed on as given."""
        name = method_name(type(block))
        method = getattr(self, name, None)
        if method is None:
            renderer = f"{type(self).__module__}.{type(self).__qualname__}"
            raise UnknownBlock(f"{renderer} cannot render a {type(block).__name__} block: it has no {name} method")
        return method(block, *context)
