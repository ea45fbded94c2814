"""ASCII slugs: safe, readable file names and ids from any title."""

from __future__ import annotations

import re
import unicodedata

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
MAX_SLUG_LENGTH = 80


def slugify(text: str, fallback: str = "article") -> str:
    """"¿Qué pasa en Ecuador?" → "que-pasa-en-ecuador"; never empty, never a path."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_ALNUM.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[:MAX_SLUG_LENGTH].rsplit("-", 1)[0]
    return slug or fallback
