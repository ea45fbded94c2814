"""Planning a build: slots, keys and document names, decided without reading or writing a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen import BuildOptions, InputError
from reportgen.ingest import InputKind
from reportgen.model import PackReading
from reportgen.pipeline.inputs import Input
from reportgen.pipeline.plan import (
    DEFAULT_PACK_NAME, document_key, document_language, document_path, options_key, pack_title, plan_slots,
)
from reportgen.pipeline.resolve import AUTO, MAX_TITLE_CHARS

FOLDER = Path("out")
KEY = options_key(BuildOptions(date="2025-12-08"), "theme-digest")


def _input(name: str, digest: str = "0" * 64) -> Input:
    return Input(name, digest, b"", InputKind("txt"))


A, B = _input("a.txt"), _input("b.txt", "1" * 64)


def test_a_pack_and_each_article_per_format_and_language():
    slots = plan_slots([A, B], ["pdf", "docx"], ["en", "es"], KEY, pack=True, split=True)
    assert len(slots) == 2 * 2 * (1 + 2)
    assert len({slot.key for slot in slots}) == len(slots)
    packs = [slot for slot in slots if slot.is_pack]
    assert [(slot.language, slot.format) for slot in packs] == [("en", "pdf"), ("en", "docx"), ("es", "pdf"),
                                                                ("es", "docx")]
    assert all(slot.inputs == (A, B) for slot in packs)
    assert [slot.inputs[0].path for slot in slots if not slot.is_pack] == ["a.txt", "b.txt"] * 4
    assert plan_slots([A, B], ["pdf"], ["en"], KEY, pack=False, split=False) == []


def test_a_key_moves_with_what_shapes_the_document_and_nothing_else():
    def keys(inputs: list[Input], key: tuple = KEY) -> dict[tuple[bool, str], str]:
        return {(slot.is_pack, slot.inputs[0].path): slot.key
                for slot in plan_slots(inputs, ["pdf"], ["en"], key, pack=True, split=True)}

    before = keys([A, B])
    assert keys([A, B]) == before  # the same inputs and options: the manifest may skip them
    edited = keys([A, _input("b.txt", "2" * 64)])
    assert edited[(False, "a.txt")] == before[(False, "a.txt")]  # a's own document is unchanged
    assert edited[(False, "b.txt")] != before[(False, "b.txt")] and edited[(True, "a.txt")] != before[(True, "a.txt")]
    for changed in (BuildOptions(date="2025-12-09"), BuildOptions(date="2025-12-08", title="Week 48"),
                    BuildOptions(date="2025-12-08", subtitle="For the desk")):
        assert keys([A, B], options_key(changed, "theme-digest")).keys() == before.keys()
        assert not set(keys([A, B], options_key(changed, "theme-digest")).values()) & set(before.values())
    assert keys([A, B], options_key(BuildOptions(date="2025-12-08"), "another-theme")) != before
    elsewhere = BuildOptions(date="2025-12-08", out="elsewhere", formats=("md",))
    assert keys([A, B], options_key(elsewhere, "theme-digest")) == before  # where it goes is not what it is


def test_document_names_are_slugs_never_taken_twice():
    taken: set[str] = {"andean-security-week-48.en.pdf"}
    assert document_path(FOLDER, "Andean security, week 48", "en", ".pdf", taken) == \
        FOLDER / "andean-security-week-48-2.en.pdf"
    assert document_path(FOLDER, "Andean security, week 48", "en", ".pdf", taken) == \
        FOLDER / "andean-security-week-48-3.en.pdf"
    assert document_path(FOLDER, "¿Qué pasa?", "es", ".md", taken) == FOLDER / "que-pasa.es.md"
    assert document_path(FOLDER, "", "en", ".pdf", taken, DEFAULT_PACK_NAME) == FOLDER / "briefing-pack.en.pdf"
    assert document_path(FOLDER, "../../etc/passwd", "../x", ".md", taken) == FOLDER / "etc-passwd.x.md"
    assert {"que-pasa.es.md", "briefing-pack.en.pdf", "etc-passwd.x.md"} <= taken


def test_a_suffix_that_leaves_the_folder_is_refused():
    with pytest.raises(InputError, match="outside the output folder"):
        document_path(FOLDER, "pack", "en", ".pdf/../../x", set())


def test_keys_and_languages_of_a_slots_documents():
    [en, auto] = [plan_slots([A], ["pdf"], [language], KEY, pack=True, split=False)[0] for language in ("en", AUTO)]
    assert document_language(en, "es") == "en"
    assert document_language(auto, "es") == "es"  # auto: each article in its own language
    assert document_key(auto, "es") == f"{auto.key}:es"
    assert document_key(auto, "es", 2) == f"{auto.key}:es:2"  # a Word pack's third article


def test_a_packs_title_is_the_one_given_else_the_one_a_word_pack_was_built_with():
    built = PackReading((), title="Andean watch")
    assert pack_title("Week 48", [built]) == "Week 48"
    assert pack_title(None, [PackReading(()), built]) == "Andean watch"
    assert pack_title(None, [PackReading((), title="x" * 2000)]) == "x" * MAX_TITLE_CHARS
    assert pack_title(None, [PackReading(())]) is None  # "Briefing pack", in the pack's language
