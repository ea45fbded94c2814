"""Compose: a Pack in a language → the format-neutral Document renderers place."""

from .blocks import Document
from .pack import Brand, ChapterComposer, compose_pack

__all__ = ["Brand", "ChapterComposer", "Document", "compose_pack"]
