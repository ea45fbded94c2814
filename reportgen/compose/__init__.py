"""Compose: a Pack in a language → the format-neutral Document renderers place."""

from .blocks import Document
from .pack import Brand, compose_pack

__all__ = ["Brand", "Document", "compose_pack"]
