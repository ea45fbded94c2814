"""The one exception a user mistake raises: it carries the file and what to do."""

from __future__ import annotations

from typing import Any


class InputError(Exception):
    """An input the tool cannot use; ``str()`` is the one line shown to the user."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def shown(value: Any, limit: int = 40) -> str:
    """A value as a message quotes it: its repr, cut short, so a 30 KB string stays one short line."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."
