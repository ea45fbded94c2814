"""How review pages look: the highlight kinds and the one stylesheet both pages inline.

Each kind of highlight differs from the others in three ways, so none of
them depends on colour alone: a text colour on a tint (contrast at least
4.5:1), a line style (solid, dashed, double, wavy, dotted, struck through)
and, at the start of each highlight, a small symbol. Screen readers hear the
kind's name in place of the symbol.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Gettext = Callable[[str], str]


@dataclass(frozen=True)
class Kind:
    """One kind of highlight: its class suffix, symbol, colours and non-colour line."""

    name: str
    marker: str  # drawn before each highlight; "" for none
    color: str | None  # None: the text keeps the colours it sits on
    background: str | None
    line: str  # CSS declarations that set it apart without colour
    rank: int  # where two highlights cover the same text, lower ranks are outer


DROPPED = Kind("dropped", "", "#4a4a4a", "#ececec", "text-decoration:line-through 2px", 0)
COMMENTARY = Kind("commentary", "❝", "#1f2328", "#fff4d6", "", 1)
QUESTION = Kind("question", "?", "#4c1d95", "#ede9fe",
                "text-decoration:underline wavy 1px;text-underline-offset:.28em", 2)
SENTENCE = Kind("sentence", "", None, None,
                "text-decoration:underline dotted 1px;text-decoration-color:#57606a;text-underline-offset:.3em", 3)
SOURCE = Kind("source", "§", "#14532d", "#dcfce7", "border-bottom:2px dashed", 4)
NAME = Kind("name", "◆", "#0b3d91", "#dbeafe", "border-bottom:3px double", 5)
FIGURE = Kind("figure", "#", "#7a0019", "#ffe0e6", "border-bottom:2px solid;font-weight:700", 6)
KINDS = (NAME, COMMENTARY, FIGURE, SOURCE, SENTENCE, QUESTION, DROPPED)


def kind_label(kind: Kind, _: Gettext) -> str:
    """The kind's name, as the legend and screen readers give it."""
    return {
        "name": _("Expert name"),
        "commentary": _("Commentary"),
        "figure": _("Statistic"),
        "source": _("Statistic's source"),
        "sentence": _("Statistic's sentence"),
        "question": _("The question"),
        "dropped": _("Dropped line"),
    }[kind.name]


def kind_explanation(kind: Kind, _: Gettext) -> str:
    """What a highlight of this kind tells the editor."""
    return {
        "name": _("where the article first names an expert"),
        "commentary": _("the passages kept as an expert's words"),
        "figure": _("a figure as the article writes it"),
        "source": _("who the article credits for the figure"),
        "sentence": _("the sentence the figure was read from"),
        "question": _("the question a Q&A puts to its experts"),
        "dropped": _("page furniture left out of the brief, with the rule that dropped it"),
    }[kind.name]


_BASE = (  # both pages
    ":root{color-scheme:light}*{box-sizing:border-box}"
    "body{margin:0;color:#1f2328;background:#fff;overflow-wrap:break-word;"
    "font:16px/1.6 system-ui,-apple-system,'Segoe UI',Roboto,'Liberation Sans','DejaVu Sans',sans-serif}"
    ".wrap{max-width:92rem;margin:0 auto;padding:1.5rem 2.5rem 3rem}"
    "a{color:#0a58ca}a:focus-visible,.brief:focus-visible{outline:3px solid #0a58ca;outline-offset:2px}"
    ".top{border-bottom:1px solid #d0d7de;padding-bottom:1rem;margin-bottom:1.25rem}"
    ".eyebrow{margin:0;font-size:.82rem;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:#57606a}"
    "h1{font-size:1.85rem;line-height:1.25;margin:.35rem 0 .4rem}"
    "h2{font-size:1.2rem;line-height:1.3;margin:2rem 0 .8rem;padding-bottom:.35rem;border-bottom:2px solid #d0d7de}"
    "h3{font-size:1.05rem;margin:1.6rem 0 .5rem}h4{font-size:1rem;margin:0}"
    ".meta,.note{color:#57606a}.meta{margin:.15rem 0}.note{font-size:.92rem}"
    ".alerts{border-left:.3rem solid #9a6700;background:#fff8c5;padding:.6rem 1rem;margin:1rem 0;color:#3b2300}"
    ".alerts h2{border:0;margin:0 0 .3rem;padding:0;font-size:1.05rem}.alerts ul{margin:.2rem 0;padding-left:1.2rem}"
    ".ok{color:#1a7f37}.error{color:#a40e26}.nowrap{white-space:nowrap}"
    "table{border-collapse:collapse;width:100%;font-size:.93rem;margin:.5rem 0 1rem}"
    "th,td{padding:.45rem .6rem;text-align:left;vertical-align:top;border-bottom:1px solid #d0d7de}"
    "thead th{background:#eaeef2;color:#1f2328;border-bottom:2px solid #8c959f}"
    "tbody th{font-weight:600}th .note{font-weight:400}"
    "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}td ul{margin:0;padding-left:1.1rem}"
    "th.article{width:40%}th.warnings{width:24%}"
)

_PAGE = (  # article pages: two columns, the legend, highlights
    ".columns{display:grid;grid-template-columns:minmax(0,11fr) minmax(0,9fr);gap:2.5rem;align-items:start;"
    "margin-top:1.75rem}.columns h2{margin-top:1rem}"
    "@media (min-width:64.01rem){.brief{position:sticky;top:1rem;max-height:calc(100vh - 2rem);overflow:auto}}"
    "@media (max-width:64rem){.columns{grid-template-columns:minmax(0,1fr)}.wrap{padding:1rem 1.1rem 2rem}}"
    ".source-text p{margin:0 0 1.1em;line-height:2;white-space:pre-line;max-width:46rem}"
    ".brief{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:0 1.25rem 1rem}"
    ".brief dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.25rem 1rem;margin:0}"
    ".brief dt{font-weight:600;color:#57606a}.brief dd{margin:0}"
    ".brief blockquote{margin:.4rem 0;padding:.5rem .9rem;border-left:.25rem solid #4c1d95;background:#fff}"
    ".brief table{font-size:.88rem}.brief tbody th{min-width:7.5rem}"
    ".expert{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.7rem .9rem;margin:.6rem 0}"
    ".expert p{margin:.3rem 0}.role{font-style:italic;color:#57606a}"
    ".block-role{display:inline-block;min-width:5.5rem;margin-right:.4rem;padding:0 .3rem;border-radius:3px;"
    "font:600 .72rem/1.5 'DejaVu Sans',system-ui,sans-serif;text-transform:uppercase;letter-spacing:.03em;"
    "color:#57606a;background:#f0f2f4;vertical-align:.1em}"
    ".legend ul{list-style:none;margin:0;padding:0;display:grid;"
    "grid-template-columns:repeat(auto-fill,minmax(16.5rem,1fr));gap:.6rem 1.5rem}"
    ".legend li{line-height:1.9}.legend .why{display:block;font-size:.9rem;color:#57606a;line-height:1.4}"
    ".hl{border-radius:2px;color:inherit;background:none;-webkit-box-decoration-break:clone;"
    "box-decoration-break:clone;scroll-margin-top:4rem}"
    ".hl:target{outline:3px solid #0a58ca;outline-offset:2px}"
    ".hl-start::before{margin-right:.2em;font:700 .8em/1 'DejaVu Sans',system-ui,sans-serif;vertical-align:.12em}"
    ".rule{display:inline-block;margin:0 .35em;padding:0 .45em;border:1px solid #8c959f;border-radius:3px;"
    "font-size:.78rem;line-height:1.6;color:#3d444d;background:#fff;text-decoration:none;font-weight:400}"
    ".rule b{font-weight:600}"
)


def css(kind_alt: Callable[[Kind], str] | None = None) -> str:
    """The stylesheet; ``kind_alt`` names each kind for screen readers (article pages only)."""
    if kind_alt is None:
        return _BASE
    rules = []
    for kind in KINDS:
        colours = f"color:{kind.color};background:{kind.background};padding:.05em .12em;" if kind.color else ""
        rules.append(f".hl-{kind.name}{{{colours}{kind.line}}}")
        if kind.marker:
            marker = _css_string(kind.marker)
            rules.append(f".hl-{kind.name}.hl-start::before{{content:{marker};"
                         f"content:{marker} / {_css_string(kind_alt(kind))}}}")
    return _BASE + _PAGE + "".join(rules)


def _css_string(text: str) -> str:
    """``text`` as a CSS string that cannot end the rule or the style element."""
    escaped = "".join(ch if ch.isalnum() or ch in " #?§◆❝'-" else f"\\{ord(ch):x} " for ch in text)
    return f'"{escaped}"'
