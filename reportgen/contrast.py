"""WCAG 2 contrast between two colours, and an accent made dark enough to be read as text.

A theme's accent is chosen for rules and bars (harbour's sand reads well as a
stripe); printed as small text on paper or in a shaded box it can fall far
below WCAG AA's 4.5:1. Text in the accent's role uses ``readable_on`` of it:
the same hue and saturation, only darker, until every background it sits on
gives 4.5:1.
"""

from __future__ import annotations

import colorsys

AA_TEXT = 4.5  # WCAG 2.x level AA, body-size text


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.03928 else ((srgb + 0.055) / 1.055) ** 2.4


def luminance(color: str) -> float:
    """WCAG relative luminance of ``#RRGGBB``."""
    red, green, blue = (int(color[index:index + 2], 16) for index in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two ``#RRGGBB`` colours, 1 to 21."""
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_on(color: str, backgrounds: tuple[str, ...], ratio: float = AA_TEXT) -> str:
    """``color`` if it reaches ``ratio`` on every background, else the lightest darker shade of it
    (same hue and saturation) that does; black if none does."""
    if all(contrast(color, background) >= ratio for background in backgrounds):
        return color
    red, green, blue = (int(color[index:index + 2], 16) / 255 for index in (1, 3, 5))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    for step in range(round(lightness * 200), -1, -1):
        shade = "#{:02X}{:02X}{:02X}".format(
            *(round(channel * 255) for channel in colorsys.hls_to_rgb(hue, step / 200, saturation)))
        if all(contrast(shade, background) >= ratio for background in backgrounds):
            return shade
    return "#000000"
