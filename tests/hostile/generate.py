"""The hostile corpus: every kind of input a web page or a careless user can hand reportgen.

    python tests/hostile/generate.py OUT_FOLDER      # writes every case into OUT_FOLDER

Files are generated rather than committed because some are large (50 MB).
``ARTICLES`` maps a file name to its bytes; ``EXPECTED`` says whether a case
must build (``"builds"``) or be refused with one clear line (``"refused"``).
"""

from __future__ import annotations

import base64
import sys
from pathlib import Path
from typing import Callable

BODY = ("The ministry said exports rose 12 percent in 2024, according to the central bank, "
        "and Ana Ruiz, an economist at the Andes Institute, said growth would slow. ")


def _article(title: str, body: str = BODY * 3) -> bytes:
    return f"{title}\n\n{body}\n\n{body}\n".encode("utf-8")


def _png() -> bytes:
    return base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def _deep_html(levels: int) -> bytes:
    return (b"<html><body><h1>Deep page headline</h1>" + b"<div>" * levels + _article("x")[3:] + b"</div>" * levels
            + b"</body></html>")


def _experts(count: int) -> bytes:
    lines = [f"Expert Person{n} Surname{n}, a senior fellow at the Institute {n}, said prices rose {n % 90} percent."
             for n in range(count)]
    return ("Ten thousand voices on prices\n\n" + "\n\n".join(lines) + "\n").encode("utf-8")


def _hostile_html() -> bytes:
    return b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<html><head><title>Hostile page | Site</title><script src="http://example.invalid/x.js"></script>
<link rel="stylesheet" href="http://example.invalid/s.css"><script>document.write('x')</script></head>
<body><h1>Exports rise despite the storm &lol3; &xxe;</h1>
<img src="http://example.invalid/pixel.gif"><img src="file:///etc/passwd">
<iframe src="http://example.invalid/"></iframe>
<p>The ministry said exports rose 12 percent in 2024, according to the central bank, and Ana Ruiz, an economist
at the Andes Institute, said growth would slow down next year as demand cools in the main markets.</p>
<p>Officials expect the trade surplus to narrow to $2 billion, data from the customs office showed on Monday.</p>
</body></html>"""


ARTICLES: dict[str, Callable[[], bytes]] = {
    "empty.txt": lambda: b"",
    "whitespace.txt": lambda: b"   \n\t\n   \r\n",
    "png-renamed.txt": _png,
    "nul-bytes.txt": lambda: b"\x00" * 4096,
    "invalid-utf8.txt": lambda: _article("Precios en alza") + b"\xff\xfe\xfa broken \xc3\x28 bytes\n",
    "cp1252-quotes.txt": lambda: _article("\u201cQuoted\u201d headline \u2014 prices rise").decode("utf-8").encode("cp1252"),
    "utf16-bom.txt": lambda: _article("UTF-16 headline with BOM").decode("utf-8").encode("utf-16"),
    "utf16-no-bom.txt": lambda: _article("UTF-16 headline without BOM").decode("utf-8").encode("utf-16-le"),
    "mixed-line-endings.txt": lambda: b"Mixed endings headline\r\n\r\n" + BODY.encode() + b"\r\r\n" + BODY.encode() + b"\n\r\n",
    "huge-50mb.txt": lambda: _article("A fifty megabyte article", BODY * 168_000),
    "one-line-1mb.txt": lambda: _article("A one-megabyte paragraph", BODY * 6700).replace(b"\n\n", b"\n", 1)[:1_100_000],
    "ten-thousand-experts.txt": lambda: _experts(10_000),
    "deep-nested.html": lambda: _deep_html(10_000),
    "hostile.html": _hostile_html,
    "reportlab-markup.txt": lambda: _article("<para>Tags</para> <font name=x>&nbsp;</font> & <b>bold</b>",
                                             BODY + "<br/> <img src='x'/> &amp; &#x27; <a href='javascript:x'>a</a> "),
    "control-characters.txt": lambda: _article("Control\x01\x02\x0b\x0c\x1f characters", BODY + "\x07\x1b[31m"),
    "rtl-emoji-combining.txt": lambda: _article("\u0627\u0644\u0639\u0631\u0628\u064a\u0629 \U0001F600 Z\u0351\u036ba\u0352\u0315l\u0331g\u0313o",
                                                BODY + " \u05e2\u05d1\u05e8\u05d9\u05ea \U0001F680\U0001F1EA\U0001F1E8 e\u0301\u0302 "),
    "long-word.txt": lambda: _article("A headline with a very long word", BODY + "x" * 5000 + " " + BODY),
    "path-title.txt": lambda: _article("../../etc/passwd"),
    "long-title.txt": lambda: _article("Headline " * 111),
    "same-title-a.txt": lambda: _article("Two articles share this title"),
    "same-title-b.txt": lambda: _article("Two articles share this title", BODY.replace("12", "14") * 2),
}

REFUSED = {"empty.txt", "whitespace.txt", "png-renamed.txt", "nul-bytes.txt", "huge-50mb.txt", "deep-nested.html"}


def write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, make in ARTICLES.items():
        path = folder / name
        path.write_bytes(make())
        paths.append(path)
    return paths


def zip_bomb(path: Path, unpacked_mb: int = 200) -> Path:
    """A .docx-named zip whose one member inflates to ``unpacked_mb`` MB."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (unpacked_mb * 1024 * 1024))
    return path


if __name__ == "__main__":
    for written in write(Path(sys.argv[1])):
        print(written)
