"""Page furniture is dropped, article text around it is kept, and the header is read right.

One case per kind of furniture, in English and in Spanish, each an article of
the team's own wording with the furniture line set between two paragraphs of
real text: a sentence with a figure and an attributed quote. A case passes
when the furniture is in ``brief.dropped`` under a named rule and nowhere in
the title, question, body or commentary, while the figure sentence, the quote
and the figure itself are all still there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

EN_HEADLINE = "Harbor City port handles a record number of containers"
EN_BEFORE = "Port traffic at Harbor City rose 12% in March from a year earlier, the port authority said on Monday."
EN_QUOTE = "“We have never moved so many boxes in one month,” said Dana Ruiz, chief economist at Harbor Bank."
EN_AFTER = "Exports of frozen fish made up 31% of the tonnage, up from a quarter last year, the authority added."

ES_HEADLINE = "El puerto de Bahía Clara mueve una cifra récord de contenedores"
ES_BEFORE = "El tráfico del puerto de Bahía Clara creció un 12% en marzo frente al mismo mes del año anterior, informó el lunes la autoridad portuaria."
ES_QUOTE = "“Nunca habíamos movido tantos contenedores en un solo mes”, dijo Marta Salinas, economista jefa del Banco del Litoral."
ES_AFTER = "Las exportaciones de pescado congelado representaron el 31% del tonelaje, frente a una cuarta parte el año pasado, añadió la autoridad."


@dataclass(frozen=True)
class Case:
    """An article with furniture in it: what must be dropped, and by which rule."""

    text: str
    dropped: tuple[str, ...]
    rules: tuple[str, ...] = ()
    language: str = "en"
    kept: tuple[str, ...] = field(default=())


def _article(language: str, *furniture: str, top: tuple[str, ...] = ()) -> str:
    """The furniture lines between the first paragraph and the quote; ``top`` lines above the headline."""
    headline, before, quote, after = (EN_HEADLINE, EN_BEFORE, EN_QUOTE, EN_AFTER) if language == "en" else \
        (ES_HEADLINE, ES_BEFORE, ES_QUOTE, ES_AFTER)
    return "\n\n".join([*top, headline, before, *furniture, quote, after]) + "\n"


def _case(language: str, *furniture: str, rules: tuple[str, ...] = (), top: tuple[str, ...] = ()) -> Case:
    return Case(_article(language, *furniture, top=top), tuple(furniture) + top, rules, language)


CASES = {
    # Runs of short name-like lines: sponsors, outlets, products.
    "en-sponsor-run": _case("en", "Our partners", "Northwind Freight", "Blue Delta Foods", "Cask and Barrel Co",
                            "Meridian Logistics", rules=("link-list",)),
    "es-outlet-run": _case("es", "Grupo Andino", "Editorial Pampa", "Radio Meridiano", "Canal Sur Digital",
                           rules=("link-list",)),
    "es-bulleted-menu": _case("es", "- Multimedia", "- Servicios", "- Participación", "- Clasificados Online"),
    "es-outlet-run-articles": _case("es", "El Faro", "La Voz Austral", "El Puerto Hoy", "La Bahía",
                                    rules=("link-list",)),
    # Interface prompts.
    "en-comment-prompt": _case("en", "Tell us what you think: leave a comment below."),
    "en-sign-in": _case("en", "Sign in to comment"),
    "en-print": _case("en", "Print this article"),
    "en-skip-to-content": _case("en", "Skip to content", "Close this search box."),
    "en-app-banner": _case("en", "Download our app for alerts on every port story"),
    "en-transcript-label": _case("en", "Read the Full Transcript", "Available Downloads"),
    "es-follow-us": _case("es", "Síguenos en Instagram y TikTok"),
    "es-subscribe": _case("es", "Suscríbete a nuestro boletín de los viernes"),
    "en-social-prompt": _case("en", "Follow Harbor Daily on WhatsApp"),
    "en-paywall": _case("en", "This article is for subscribers only."),
    "es-paywall": _case("es", "Contenido exclusivo para suscriptores"),
    "es-app-banner": _case("es", "Descarga la app y recibe las noticias del puerto"),
    # Player labels and clocks.
    "en-player": _case("en", "Listen live", "Next Up:", "0:00 0:00", rules=("player-label",)),
    "es-player": _case("es", "Escuchar en vivo", "00:00 / 03:41", rules=("player-label",)),
    # Datelines and credits.
    "en-outlet-numeric-date": _case("en", "Coastal Ledger |12|03|24|", rules=("dateline",)),
    "en-outlet-month-year": _case("en", "Coastal Ledger, March 2024", rules=("dateline",)),
    "es-city-country": _case("es", "Valparaíso, Chile.", rules=("dateline",)),
    "es-place-line": _case("es", "Lima.", rules=("dateline",)),
    "es-date-then-outlet": _case("es", "14 de marzo de 2024 | Diario del Sur", rules=("dateline",)),
    "en-time-ago": _case("en", "Updated 2 hours ago", rules=("date-line",)),
    "es-time-ago": _case("es", "Hace 3 horas", "Actualizado 10:45 hrs", rules=("date-line",)),
    "en-contributed": _case("en", "The Associated Press contributed to this report."),
    "es-agency-source": _case("es", "Fuente: agencias"),
    "es-reporter-outlet": _case("es", "Rodrigo Paz, Diario del Sur", rules=("byline",)),
    "en-reporter-agency": _case("en", "Tom Baker / Reuters", rules=("byline",)),
    "en-byline-from-outlet": _case("en", "by Lena Ortiz from Harbor Daily", rules=("byline",)),
    "es-byline-particles": _case("es", "Por Ana de la Torre", rules=("byline",)),
    "en-outlet-date-time": _case("en", "Harbor Wire March 18, 2024 02:11 IST", rules=("dateline",)),
    # Author boxes: one name and role repeated in the other language, a name printed twice.
    "en-author-box": _case("en", "Lena Ortiz", "Trade correspondent", "Lena Ortiz", "Corresponsal de comercio",
                           rules=("author-box",)),
    "es-doubled-name": _case("es", "Ana Soto Ana Soto", rules=("doubled-caption",)),
    # Dash-wrapped ad markers.
    "en-ad-marker": _case("en", "— Advertisement —", "--- Story continues below ---"),
    "es-ad-marker": _case("es", "- Publicidad -", "** Continúa abajo **", rules=("ad-marker",)),
    # Template placeholders.
    "en-placeholder": _case("en", "[AD_SLOT:mid-article]", rules=("placeholder",)),
    "es-placeholder": _case("es", "{{bloque_relacionadas}}", rules=("placeholder",)),
    # Image markup left in the text.
    "en-markdown-image": _case("en", "![Containers stacked on the quay](https://example.org/img/quay.jpg)",
                               rules=("image-markup",)),
    "es-data-uri": _case("es", "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB", rules=("image-markup",)),
    # Photo captions and agency credits.
    "en-caption-agency": _case("en", "Trucks queue at the border crossing on Monday (AFP | LUIS MORA)",
                               rules=("photo-credit",)),
    "es-caption-foto": _case("es", "Camiones esperan en el paso fronterizo el lunes. Foto: AFP"),
    "es-caption-pipe-credit": _case("es", "Camiones esperan en el paso fronterizo. | Por: ALCALDÍA DE BAHÍA CLARA"),
    "es-embed-notice": _case("es", "El código iframe se ha copiado en el portapapeles"),
    "es-agency-line": _case("es", "Agencia UNO", rules=("photo-credit",)),
    "en-caption-agency-photographer": _case("en", "Cranes unload a ship at the quay on March 3. REUTERS/Ana Soto",
                                            rules=("photo-credit",)),
    "en-photo-id-caption": _case("en", "HX7QPORT0042ZZ: Cranes unload a ship at the quay on Monday.",
                                 rules=("photo-credit",)),
    "en-table-of-contents": _case("en", "Table of Contents"),
    "en-image-source": _case("en", "Image source, Getty Images", "Image caption, Dockers at the quay"),
    "en-caption-source": _case("en", "The port's new cranes were unveiled on Monday. (Source: Harbor TV)",
                               rules=("photo-credit",)),
    # Related-link lines.
    "en-also-read": _case("en", "ALSO READ: Fishermen protest new quota rules", rules=("related-link",)),
    "es-te-puede-interesar": _case("es", "Te puede interesar leer: Las exportaciones de cobre caen por tercer mes",
                                   rules=("related-link",)),
    # Exchange-rate and market boxes.
    "es-exchange-box": _case("es", "Tipo de cambio:", "Compra: 3.512", "Venta: 3.518", rules=("market-box",)),
    "en-market-box": _case("en", "Exchange rate:", "Buy: 17.20", "Sell: 17.45", rules=("market-box",)),
    "es-currency-pair": _case("es", "USD/CLP: 912,40 ▲ 0,3%", rules=("market-box",)),
    # Contact strips.
    "es-contact-strip": _case("es", "Inicio +56 2 2345 6789 contacto@bahiaclara.example", rules=("contact-line",)),
    # Date widgets and site mottos above the headline.
    "es-date-widget-motto": _case("es", top=("Año de la Integración Regional", "JUEVES 14", "de marzo de 2024"),
                                  rules=("date-line", "section-label")),
    "en-date-widget": _case("en", top=("Thursday 14", "March 2024"), rules=("date-line",)),
    # A site blurb at the very top.
    "en-site-blurb": _case("en", top=("This site is a project of the Coastal Policy Network, kept by its readers, "
                                      "to explain trade and migration in plain words to everyone who asks.",
                                      "Search"), rules=("site-blurb",)),
    "es-site-blurb": _case("es", top=("Este espacio es un proyecto de la Red Costera de Políticas, con el apoyo de "
                                      "sus lectores, para explicar el comercio y la migración con palabras simples.",
                                      "Buscar"), rules=("site-blurb",)),
}


def _brief(text: str):
    import reportgen

    return reportgen.parse_bytes(text.encode("utf-8"), "case.txt")


def _kept_texts(brief) -> list[str]:
    texts = [brief.title or "", brief.question or "", *brief.body]
    texts += [paragraph for expert in brief.experts for paragraph in expert.commentary]
    return texts


def _norm(text: str) -> str:
    return " ".join(text.replace("“", "\"").replace("”", "\"").split())


@pytest.mark.parametrize("name", sorted(CASES))
def test_furniture_is_dropped_and_the_article_kept(name):
    case = CASES[name]
    brief = _brief(case.text)
    dropped = {line.text.strip(): line.rule for line in brief.dropped}
    kept = _norm(" ".join(_kept_texts(brief)))
    for line in case.dropped:
        assert line in dropped, f"{line!r} not dropped; dropped: {dropped}"
        assert dropped[line], f"{line!r} dropped without a rule"
        assert _norm(line) not in kept, f"{line!r} still in the brief"
    for rule in case.rules:
        assert rule in dropped.values(), f"no line dropped by {rule!r}: {dropped}"
    before, quote, after = (EN_BEFORE, EN_QUOTE, EN_AFTER) if case.language == "en" else (ES_BEFORE, ES_QUOTE, ES_AFTER)
    assert _norm(before) in kept and _norm(after) in kept
    spoken = _norm(quote.split("”")[0].lstrip("“"))
    assert spoken in kept, "the quote was lost"
    assert "Dana Ruiz" in [e.name for e in brief.experts] or "Marta Salinas" in [e.name for e in brief.experts]
    assert {"12", "31"} <= {statistic.value for statistic in brief.statistics}
    assert brief.language == case.language


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_related_link_glued_inside_a_paragraph_is_cut_out(language):
    cue, link = (("Also read:", "Fishermen protest new quota rules") if language == "en"
                 else ("Le puede interesar:", "Pescadores protestan por las nuevas cuotas"))
    before = EN_BEFORE if language == "en" else ES_BEFORE
    text = _article(language).replace(before, f"{before} {cue} {link}")
    brief = _brief(text)
    assert any(line.text == f"{cue} {link}" and line.rule == "related-link" for line in brief.dropped)
    kept = " ".join(_kept_texts(brief))
    assert link not in kept and _norm(before) in _norm(kept)


def test_placeholders_and_image_markup_glued_inside_a_paragraph_are_cut_out():
    text = _article("en").replace(EN_BEFORE, f"{EN_BEFORE} [EMBED:chart-42] ![quay](https://example.org/q.jpg)")
    brief = _brief(text)
    rules = {line.text: line.rule for line in brief.dropped}
    assert rules.get("[EMBED:chart-42]") == "placeholder"
    assert rules.get("![quay](https://example.org/q.jpg)") == "image-markup"
    assert EN_BEFORE in brief.body


# -- what is not furniture --------------------------------------------------------------


@pytest.mark.parametrize("headers", [
    [("Dana Ruiz", "Chief economist at Harbor Bank"), ("Luis Vega", "Senior fellow at the Delta Institute")],
    [("Dana Ruiz, senior fellow at the Harbor Institute", None), ("Luis Vega, director of the Delta Fund", None)],
    [("Ana Ruiz (economista)", None), ("Luis Vega (consultor)", None)],
    [("DANA RUIZ:", None), ("LUIS VEGA:", None)],
], ids=["name-then-role", "name-and-role", "name-bracketed-role", "label"])
def test_speaker_headers_and_role_lines_are_not_furniture(headers):
    answers = ["I expect traffic to keep growing. Freight rates fell 8% this year, and shippers are coming back "
               "to ports they had left.",
               "I am more cautious. Half of the new volume is transshipment, which can leave as fast as it came, "
               "and fees rose 5% in a year."]
    lines = ["Two economists on the port boom", "We asked two economists what the record means for the region."]
    for (header, role), answer in zip(headers, answers):
        lines += [header, *([role] if role else []), answer]
    brief = _brief("\n\n".join(lines) + "\n")
    dropped = [line.text for line in brief.dropped]
    assert not any(header in dropped or role in dropped for header, role in headers)
    assert [expert.name for expert in brief.experts] == ["Dana Ruiz", "Luis Vega"] or \
        [expert.name for expert in brief.experts] == ["Ana Ruiz", "Luis Vega"]
    assert {"8", "5"} <= {statistic.value for statistic in brief.statistics}


def test_interviewer_labels_are_not_furniture():
    text = "\n\n".join([
        "Interview: the port's chief on a record year",
        "Interviewer", "Why did traffic rise so fast?",
        "Dana Ruiz", "Freight rates fell 8% and shippers came back to us.",
        "Interviewer", "Will it last?",
        "Dana Ruiz", "I think it will, because the new cranes doubled what we can unload in a day.",
    ]) + "\n"
    brief = _brief(text)
    assert "Interviewer" not in [line.text for line in brief.dropped]
    assert [e.name for e in brief.experts] == ["Dana Ruiz"]


def test_a_heading_between_paragraphs_is_kept():
    text = _article("en", "What comes next for the port")
    assert "What comes next for the port" in _brief(text).body


# -- the header -------------------------------------------------------------------------


@pytest.mark.parametrize("prefix, publication", [
    ("Harbor Wire — ", "Harbor Wire"),
    ("PORTVILLE — ", None),
    ("JAKARTA (Reuters) – ", "Reuters"),
    ("LAS PALMAS, 3 feb (EUROPA PRESS) - ", "Europa Press"),
    ("Santo Domingo, RD.- ", None),
])
def test_a_wire_prefix_is_not_part_of_the_fallback_title(prefix, publication):
    brief = _brief(f"{prefix}{EN_BEFORE}\n\n{EN_QUOTE}\n\n{EN_AFTER}\n")
    assert brief.title.startswith("Port traffic at Harbor City rose 12%")
    assert brief.publication == publication
    assert any(line.rule == "dateline" and line.text == prefix.strip() for line in brief.dropped)
    assert any("no headline" in warning for warning in brief.warnings)


def test_a_body_in_brackets_before_a_dash_is_no_dateline():
    first = "Banco Central del Litoral (BCL) – El banco subió la tasa un 0,25% en marzo, dijo su presidenta."
    brief = _brief(f"{first}\n\n{ES_QUOTE}\n")
    assert brief.title.startswith("Banco Central del Litoral (BCL)")
    assert not any(line.rule == "dateline" for line in brief.dropped)


def test_a_wire_dateline_line_names_the_publication():
    text = _article("es", "PUERTO MONTT 3 Mar. (EUROPA PRESS) -").replace(ES_BEFORE + "\n\nPUERTO", "PUERTO")
    text = text.replace("(EUROPA PRESS) -\n\n" + ES_QUOTE, f"(EUROPA PRESS) -\n\n{ES_BEFORE}\n\n{ES_QUOTE}")
    brief = _brief(text)
    assert brief.title == ES_HEADLINE and brief.publication == "Europa Press"
    assert ("PUERTO MONTT 3 Mar. (EUROPA PRESS) -", "dateline") in [(line.text, line.rule) for line in brief.dropped]


def test_a_storage_date_glued_to_headline_and_standfirst():
    standfirst = "The port of Harbor City moved more containers in March than in any month on record, officials said."
    brief = _brief(f" date 2025-03-28 Port traffic hits a record {standfirst}\n\n{EN_QUOTE}\n\n{EN_AFTER}\n")
    assert brief.title == "Port traffic hits a record"
    assert brief.published == "2025-03-28"
    assert standfirst in brief.body


@pytest.mark.parametrize("separator", [" | ", " - "])
def test_a_page_title_suffix_goes_to_the_publication(separator):
    text = f"{EN_HEADLINE}{separator}Coastal Ledger\n\n{EN_HEADLINE}\n\n{EN_BEFORE}\n\n{EN_QUOTE}\n\n{EN_AFTER}\n"
    brief = _brief(text)
    assert brief.title == EN_HEADLINE and brief.publication == "Coastal Ledger"
    assert f"{EN_HEADLINE}{separator}Coastal Ledger" not in " ".join(_kept_texts(brief))
    assert EN_HEADLINE not in brief.body


def test_a_dash_that_closes_a_headline_with_its_source_stays():
    headline = "Port traffic rises to a record - PORTAUTH"
    brief = _brief(f"{headline}\n\n{EN_BEFORE}\n\n{EN_QUOTE}\n")
    assert brief.title == headline


def test_a_columnist_name_over_the_headline_is_not_the_title():
    brief = _brief(f"Lena Ortiz\n\n{EN_HEADLINE}\n\n{EN_BEFORE}\n\n{EN_QUOTE}\n\n{EN_AFTER}\n")
    assert brief.title == EN_HEADLINE
    assert ("Lena Ortiz", "byline") in [(line.text, line.rule) for line in brief.dropped]


def test_a_reporter_credit_over_the_headline_is_not_the_title():
    brief = _brief(f"Marta Gil, Canal Trece\n\n{ES_HEADLINE}\n\n{ES_BEFORE}\n\n{ES_QUOTE}\n\n{ES_AFTER}\n")
    assert brief.title == ES_HEADLINE
    assert ("Marta Gil, Canal Trece", "byline") in [(line.text, line.rule) for line in brief.dropped]


def test_a_heading_after_share_buttons_is_kept():
    text = _article("en", "Share", "Facebook", "Outlook For The Port")
    brief = _brief(text)
    assert "Outlook For The Port" in brief.body
    assert {"Share", "Facebook"} <= {line.text for line in brief.dropped}


def test_a_sentence_case_heading_between_short_lines_is_kept():
    text = _article("es", "Compartir", "La carga sube en marzo")
    assert "La carga sube en marzo" in _brief(text).body


def test_an_author_credit_under_the_headline_is_dropped():
    credit = "Lena Ortiz, School of Maritime Studies, Harbor City University"
    brief = _brief(f"{EN_HEADLINE}\n\n{credit}\n\n{EN_BEFORE}\n\n{EN_QUOTE}\n\n{EN_AFTER}\n")
    assert (credit, "byline") in [(line.text, line.rule) for line in brief.dropped]
    assert "Lena Ortiz" not in [e.name for e in brief.experts]


@pytest.mark.parametrize("headline", ["Will the new port fees slow trade?", "Two views on the new port fees"])
def test_a_panelist_header_under_the_headline_is_no_author_credit(headline):
    lines = [headline,
             "Dana Ruiz, senior fellow at the Harbor Institute.",
             "Fees rarely change where goods go. Importers complain, then pay, and the routes stay as they were.",
             "Owen Marsh, chief economist at Pacific Freight Analytics.",
             "The fees matter at the margin. A carrier choosing between two ports will now pick the cheaper one."]
    brief = _brief("\n\n".join(lines) + "\n")
    assert not any(line.rule == "byline" for line in brief.dropped)
    assert [expert.name for expert in brief.experts] == ["Dana Ruiz", "Owen Marsh"]


def test_a_headline_broken_after_a_function_word_is_joined():
    brief = _brief(f"Harbor City and the Future of\n\nContainer Shipping\n\n{EN_BEFORE}\n\n{EN_QUOTE}\n")
    assert brief.title == "Harbor City and the Future of Container Shipping"


def test_furniture_is_never_the_headline():
    text = "\n\n".join(["Skip to content", "0:00 0:00", "ALSO READ: Fishermen protest new quota rules",
                        EN_HEADLINE, EN_BEFORE, EN_QUOTE]) + "\n"
    assert _brief(text).title == EN_HEADLINE


def test_without_a_headline_the_title_is_a_fallback_and_says_so():
    brief = _brief(f"{EN_BEFORE}\n\n{EN_QUOTE}\n\n{EN_AFTER}\n")
    assert brief.title.startswith("Port traffic at Harbor City")
    assert any("no headline" in warning for warning in brief.warnings)
