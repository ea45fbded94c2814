"""The one exception a user mistake raises: it carries the file and what to do."""

from __future__ import annotations


class InputError(Exception):
    """An input the tool cannot use; ``str()`` is the one line shown to the user."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
