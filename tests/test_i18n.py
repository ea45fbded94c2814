"""English and Spanish packs: catalogs complete and in step with the code, CLDR formats, --lang auto."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import docx
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from click.testing import CliRunner

from conftest import QA_SEED, ROOT, pdf_text
from reportgen import parse_file
from reportgen import build
from reportgen.cli import main
from reportgen.i18n import LOCALE_DIR, LOCALE_PATH_VARIABLE, translations
from reportgen.i18n.formatting import format_date, format_figure, format_period
from reportgen.model import Period, Statistic

ARTICLES = Path(__file__).parent / "articles"
PLACEHOLDER = re.compile(r"\{\w+\}")


def _code_messages() -> set:
    """Every label the code marks for translation, as Babel's own extractor sees it."""
    method_map = [("reportgen/**.py", "python")]
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
    return {message for _, _, message, _, _ in extract_from_dir(str(ROOT), method_map, keywords=keywords)}


def _catalog(path: Path):
    with path.open("rb") as stream:
        return read_po(stream)


def test_the_template_and_every_catalog_hold_exactly_the_labels_in_the_code():
    in_code = _code_messages()
    assert len(in_code) > 30
    template = {message.id for message in _catalog(LOCALE_DIR / "reportgen.pot") if message.id}
    assert template == in_code, "run pybabel extract (see babel.cfg) and pybabel update"
    for language in ("en", "es"):
        catalog = {m.id for m in _catalog(LOCALE_DIR / language / "LC_MESSAGES" / "reportgen.po") if m.id}
        assert catalog == in_code, language


@pytest.mark.parametrize("language", ["en", "es"])
def test_catalogs_are_complete_not_fuzzy_and_keep_their_placeholders(language):
    for message in _catalog(LOCALE_DIR / language / "LC_MESSAGES" / "reportgen.po"):
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"untranslated: {message.id!r}"
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) == set(PLACEHOLDER.findall(ids[-1])), message.id
            if "{pages}" in string:  # the PDF footer draws the page count last, once it is known
                assert string.index("{page}") < string.index("{pages}"), message.id


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_shipped_mo_files_are_compiled_from_the_po_files(language):
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    compiled = gettext.GNUTranslations((folder / "reportgen.mo").open("rb"))
    for message in _catalog(folder / "reportgen.po"):
        if message.id and not isinstance(message.id, tuple):
            found = compiled.pgettext(message.context, message.id) if message.context else compiled.gettext(message.id)
            assert found == message.string, "run pybabel compile -d reportgen/locale"


def test_plural_forms_follow_the_count():
    spanish = translations("es")
    assert spanish.ngettext("{count} expert", "{count} experts", 1).format(count=1) == "1 experto"
    assert spanish.ngettext("{count} expert", "{count} experts", 3).format(count=3) == "3 expertos"


def test_dates_and_numbers_come_from_cldr():
    assert format_date("2025-12-07", "en", "full") == "Sunday, December 7, 2025"
    assert format_date("2025-12-07", "es", "full") == "domingo, 7 de diciembre de 2025"
    rate = Statistic("45 per 100,000 people", "45", "rate", per="100000")
    assert (format_figure(rate, "en"), format_figure(rate, "es")) == (
        "45 per 100,000 people", "45 por cada 100.000 habitantes")
    share = Statistic("170 percent", "170", "percent")
    assert (format_figure(share, "en"), format_figure(share, "es")) == ("170%", "170\u00a0%")
    money = Statistic("exceeding $12 billion", "12000000000", "currency", currency="USD", qualifier="more_than")
    assert format_figure(money, "en") == "more than $12 billion"
    assert format_figure(money, "es") == "más de 12 mil millones US$"
    weight = Statistic("over 100 pounds", "100", "mass", qualifier="more_than")
    assert format_figure(weight, "es") == "más de 100 libras"
    oil = Statistic("812,000 barrels per day", "812000", "rate", per="day")
    assert format_figure(oil, "es") == "812.000 barriles por día"


@pytest.mark.parametrize("statistic, english, spanish", [
    (Statistic("136 million metric tons", "136000000", "mass"), "136 million metric tons", "136 millones de toneladas"),
    (Statistic("2.5 million barrels per day", "2500000", "rate", per="day"),
     "2.5 million barrels per day", "2,5 millones de barriles por día"),
    (Statistic("1,200,000 visitors", "1200000", "count"), "1,200,000", "1.200.000"),
    (Statistic("unos 3,4 millones", "3400000", "count", qualifier="about"), "about 3.4 million", "alrededor de 3,4 millones"),
    (Statistic("$1,250,000", "1250000", "currency", currency="USD"), "$1,250,000", "1.250.000\u00a0US$"),
])
def test_a_figure_is_compact_where_the_article_wrote_it_so(statistic, english, spanish):
    """"136 million" stays "136 million" ("136 millones"), never "136,000,000"; digits stay digits."""
    assert (format_figure(statistic, "en"), format_figure(statistic, "es")) == (english, spanish)


def test_a_span_of_months_or_days_is_written_as_the_locale_writes_an_interval():
    """Not "April 2024–June 2024" / "de abril de 2024 a junio de 2024": the shared year once."""
    months, days = Period("2024-04", "2024-06"), Period("2024-01-01", "2024-07-28")
    assert (format_period(months, "en"), format_period(months, "es")) == ("April\u2009–\u2009June 2024", "abril–junio de 2024")
    assert format_period(days, "es") == "1 de enero\u2009–\u200928 de julio de 2024"
    assert format_period(Period("2022", "2023"), "es") == "de 2022 a 2023"


def test_a_count_per_period_is_written_in_the_readers_words_not_the_articles():
    """"3 410 per month" in a Spanish pack read half in English; the measure beside it says what is counted."""
    monthly = Statistic("3 410 per month", "3410", "rate", per="month")
    daily = Statistic("about 112 break-ins a day", "112", "rate", per="day", qualifier="about")
    assert (format_figure(monthly, "en"), format_figure(monthly, "es")) == ("3,410 a month", "3.410 al mes")
    assert (format_figure(daily, "en"), format_figure(daily, "es")) == ("about 112 a day", "alrededor de 112 al día")


@pytest.fixture(scope="module")
def spanish_pack(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("es")
    result = build(formats=["pdf", "docx"], langs=["es"], out=out, date="2025-12-08")
    assert not result.errors
    return {output.format: output.path for output in result.outputs}


def test_the_spanish_pdf_reads_in_spanish(spanish_pack):
    assert spanish_pack["pdf"].name == "briefing-pack.es.pdf"
    text = pdf_text(spanish_pack["pdf"])
    for label in ("Dossier informativo", "Índice", "De un vistazo", "Cifras clave", "Resúmenes de los expertos",
                  "Estadísticas", "Comentarios completos", "Fuentes y método", "LA PREGUNTA", "Página 2 de",
                  "lunes, 8 de diciembre de 2025", "7 dic 2025", "45 por cada 100.000 habitantes", "+170 %",
                  "más de 12 mil millones US$", "más de 100 libras", "2 artículos · 6 expertos · 7 cifras",
                  "Preparado con reportgen"):
        assert label in text, label
    for english in ("Key figures", "Page 2 of", "Contents", "Sources and method"):
        assert english not in text


def test_the_spanish_docx_is_spell_checked_in_spanish(spanish_pack):
    document = docx.Document(str(spanish_pack["docx"]))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "Cifras clave" in headings and "Resúmenes de los expertos" in headings
    namespace = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert document.styles["Normal"].element.rPr.find(f"{namespace}lang").get(f"{namespace}val") == "es-ES"
    assert document.core_properties.language == "es-ES"
    assert document.core_properties.title == "Dossier informativo"


def test_lang_auto_builds_one_pack_per_article_language(tmp_path):
    inputs = [ARTICLES / "es_qa_entrevista_chile_litio.txt", ARTICLES / "es_news_ecuador_extorsion.txt", QA_SEED]
    result = CliRunner().invoke(main, ["build", *map(str, inputs), "--lang", "auto", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["briefing-pack.en.pdf", "briefing-pack.es.pdf"]
    spanish = pdf_text(tmp_path / "briefing-pack.es.pdf")
    assert "2 artículos" in spanish and "Preguntas a expertos" in spanish and "Noticia" in spanish
    assert "12 mil millones US$" in spanish  # "unos 12.000 millones de dólares", exactly 12000000000 USD
    assert "38,6 por cada 100.000 habitantes" in spanish
    assert "Are Tense Relations" not in spanish


def test_spanish_articles_carry_exact_values():
    figures = {s.text: s for s in parse_file(ARTICLES / "es_news_ecuador_extorsion.txt").statistics}
    money = figures["unos 12.000 millones de dólares"]
    assert (money.value, money.unit, money.currency, money.qualifier) == ("12000000000", "currency", "USD", "about")
    rate = figures["38,6 por cada 100.000 habitantes"]
    assert (rate.value, rate.unit, rate.per) == ("38.6", "rate", "100000")


def test_a_language_without_a_catalog_is_a_usage_error():
    result = CliRunner().invoke(main, ["build", "--lang", "fr"])
    assert result.exit_code == 2
    assert "no catalog for 'fr'" in result.output


def test_a_users_catalog_adds_a_language_without_touching_the_code(tmp_path, monkeypatch):
    source = ROOT / "examples" / "locale" / "pt" / "LC_MESSAGES" / "reportgen.po"
    target = tmp_path / "locale" / "pt" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "reportgen.mo").open("wb") as stream:
        write_mo(stream, _catalog(source))
    monkeypatch.setenv(LOCALE_PATH_VARIABLE, str(tmp_path / "locale"))
    result = build([QA_SEED], langs=["pt"], out=tmp_path / "out", date="2025-12-08")
    text = pdf_text(result.outputs[0].path)
    assert "Números-chave" in text and "Resumos dos especialistas" in text  # the catalog's headings
    assert "segunda-feira, 8 de dezembro de 2025" in text  # CLDR, with no catalog entry
    assert "Cited by" in text  # a label the small catalog leaves out reads in English
