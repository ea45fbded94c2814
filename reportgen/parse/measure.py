"""What each figure measures, and of whom: read from the words around the number.

``figures.py`` finds a figure and its exact value; a reader also needs to know
what was counted or valued. The answer, in order of trust:

1. the noun phrase the number governs ("1,350 people injured", "880 homicides",
   "$2.05 billion current-account gap", "48,200 tons of coffee");
2. what a change is a change in ("a 9% cut in shipments");
3. the subject of the clause whose verb leads to the figure ("remittances rose
   12%", "las exportaciones crecieron 3%"); a place as that subject is the
   measure's subject, and the verb names the measure ("Chile exported" → exports);
4. a change right after a level in the same sentence measures the same thing
   ("averaged 318,000 barrels daily, a 23% jump");
5. when the figure's own sentence names nothing, an earlier figure lends its
   measure: a pronoun or frame subject ("It was", "the figure was"), a partitive
   ("Of those, 700…"), a relative ("…, which hit"); and a share held by a name in
   a paragraph on an election measures its votes ("Okafor with 41%").

A measure is a short noun phrase: at most six words, no finite verb, never a
place or a year. Its subject is a place written with it ("Chile's exports",
"people in Ecuador"), else the place figures.py found, unless that place was only
part of a currency sign ("US$"). The period figures.py wrote as text becomes a
``Period`` (years) compose can word per language. Every word list is data in
``lexicon/<language>/measure.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .. import lexicon
from ..model import Period, Statistic
from .alternation import alternation
from .people import is_place

MAX_WORDS = 6
_GAP = 6  # words at most between a clause's verb and its figure
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w(?:[\w’'.&-]*\w)?|[^\w\s]")  # "U.S." is one word
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
_YEAR = re.compile(r"(?:1[89]|20)\d{2}")


@dataclass(frozen=True)
class _Words:
    """One language's word lists, as sets for lookup."""

    clause_verbs: frozenset[str]
    verbs: frozenset[str]  # every verb that ends a noun phrase; capitalized, the word is a name ("United States")
    gap: frozenset[str]
    connectors: frozenset[str]
    list_joiners: frozenset[str]  # "Elbonia, Freedonia and Ruritania": words that join names in a list
    adjuncts: frozenset[str]
    determiners: frozenset[str]
    bare_heads: frozenset[str]
    plurals: frozenset[str]  # plural nouns without a plural ending ("people", "police")
    plural_endings: tuple[str, ...]
    participle_links: tuple[tuple[str, ...], ...]
    participle_endings: tuple[str, ...]
    participles: frozenset[str]
    not_participles: frozenset[str]
    verb_endings: tuple[str, ...]  # endings only a finite verb has ("cruzaron")
    infinitive_endings: tuple[str, ...]  # after a preposition, a verb's infinitive ("a desarrollar")
    verb_measures: dict[str, str]
    participle_measures: dict[str, str]  # "$3bn invested" → investment: a participle after a figure names its measure
    not_measures: frozenset[str]
    stops: frozenset[str]  # words that end a noun phrase read forwards
    units: frozenset[str]  # "barrels", "pesos", "millones": the words of a figure's unit
    changes: frozenset[str]  # change nouns: "a 57% jump" is no measure
    months: frozenset[str]
    scales: frozenset[str]  # "million", "millones": the last word of a count whose noun follows "de"
    frames: frozenset[str]  # "an average of 390": a frame, not a measure
    alone: frozenset[str]  # change nouns that are a measure by themselves ("growth of 3.6%")
    relatives: frozenset[str]
    pronouns: frozenset[str]
    frame_subjects: frozenset[str]  # "the figure was $5bn", "la cifra era": a subject that stands for an earlier one
    partitives: tuple[tuple[str, ...], ...]  # "of those", "de estos": a part of the figure just before
    share_links: frozenset[str]  # "Okafor with 41%", "Ruiz sigue con el 12%": a share held by whoever is named
    vote_measures: dict[str, str]  # words of a paragraph on an election → the measure of its shares, in order
    vote_words: re.Pattern[str]  # any of ``vote_measures``' phrases as a whole word: one scan tells most paragraphs have none
    value_links: frozenset[str]  # "envíos por un valor de", "a deal worth": a money figure's link to what it values
    price: str  # "$120 a barrel": what a sum per unit of a good measures
    price_links: frozenset[str]
    priced_units: frozenset[str]
    worth: frozenset[str]  # "€2bn worth of wine": words between a value and what it is the value of
    nouns: frozenset[str]  # measures a verb stands for ("exports"): nouns even where they look like verbs
    demonym_endings: tuple[str, ...]  # "Venezuelans": a capitalized word that names people, not a person
    range_openers: frozenset[str]
    change_nouns: frozenset[str]
    figure_links: frozenset[str]
    copulas: frozenset[str]
    extra: frozenset[str]  # "307,000 more migrants": a comparison between a count and its noun
    transitive: frozenset[str]
    by_words: frozenset[str]
    period_words: frozenset[str]  # "en el cuarto trimestre": nouns of a period that close a time adjunct
    adverb_endings: tuple[str, ...]
    when: frozenset[str]  # months and time words: inside a "where/when" adjunct a subject may carry
    year_before: frozenset[str]  # "the 2016 election", "en 2024": the number after these is a year
    impersonal: frozenset[str]  # "se espera crecer un 3%": a verb with no subject at all
    companions: frozenset[str]  # auxiliaries and adverbs between a subject and its verb ("has also", "now")


@lru_cache(maxsize=None)
def _words(language: str) -> _Words:
    data = lexicon.load(language, "measure")
    figures = lexicon.load(language, "figures")
    speech = lexicon.load(language, "speech")
    lower = lambda key, source=data: frozenset(word.lower() for word in source.get(key, []))  # noqa: E731
    verbs = lower("clause_verbs") | lower("measure_verbs", figures) | lower("increase", figures) \
        | lower("decrease", figures) | lower("source_after", figures) | lower("reporting_verbs", speech)
    stopwords = frozenset(lexicon.words(language, "language", "stopwords"))
    units = {word.lower() for key in ("percent", "percentage_points", "time_words", "per_day", "per_year", "scales",
                                      "currency_words", "currency_symbols")
             for phrase in figures.get(key, []) for word in phrase.split()}
    connectors = lower("connectors")
    units |= {word.lower() for words in figures.get("units", {}).values() for phrase in words  # "barrels (of oil)"
              for word in re.split(r"\s+(?:" + "|".join(map(re.escape, connectors)) + r")\s+", phrase.lower())[0].split()}
    units |= {word.lower() for phrases in figures.get("qualifiers", {}).values() for phrase in phrases
              for word in phrase.split()}  # "around", "cerca": the figure's qualifier, never its measure
    months = frozenset(name.lower() for names in lexicon.load(language, "dates").get("months", []) for name in names)
    content_verbs = verbs - lower("measure_change_nouns", figures) - lower("alone")  # verbs that end a noun phrase
    return _Words(
        clause_verbs=verbs | frozenset(verb.lower() for verb in data.get("verb_measures", {})),
        verbs=content_verbs - stopwords,
        gap=lower("gap_words") | frozenset(w.lower() for ws in figures.get("qualifiers", {}).values() for p in ws
                                           for w in p.split()),
        connectors=lower("connectors"),
        list_joiners=lower("list_joiners"),
        adjuncts=lower("adjuncts"),
        determiners=lower("determiners"),
        bare_heads=lower("bare_heads"),
        plurals=lower("plurals"),
        plural_endings=tuple(data.get("plural_endings", [])),
        participle_links=tuple(tuple(link.lower().split()) for link in data.get("participle_links", [])),
        participle_endings=tuple(data.get("participle_endings", [])),
        participles=lower("participles"),
        not_participles=lower("not_participles"),
        verb_endings=tuple(data.get("verb_endings", [])),
        infinitive_endings=tuple(data.get("infinitive_endings", [])),
        verb_measures={verb.lower(): noun for verb, noun in data.get("verb_measures", {}).items()},
        participle_measures={word.lower(): noun for word, noun in data.get("participle_measures", {}).items()},
        not_measures=lower("not_measures"),
        units=frozenset(units),
        stops=stopwords | content_verbs | frozenset(units) | lower("adjuncts") | lower("determiners")
        | lower("phrase_stops") | lower("connectors"),
        changes=lower("measure_change_nouns", figures) | lower("increase", figures) | lower("decrease", figures),
        months=months,
        scales=frozenset(word.lower() for phrase in figures.get("scales", {}) for word in phrase.split()),
        frames=lower("frames"),
        alone=lower("alone"),
        demonym_endings=tuple(data.get("demonym_endings", [])),
        relatives=lower("relatives"),
        worth=lower("worth"),
        price=data.get("price", ""),
        price_links=lower("price_links"),
        priced_units=lower("priced_units"),
        value_links=lower("value_links"),
        pronouns=lower("pronouns"),
        frame_subjects=lower("frame_subjects"),
        partitives=tuple(tuple(phrase.lower().split()) for phrase in data.get("partitives", [])),
        share_links=lower("share_links"),
        vote_measures={phrase.lower(): noun for phrase, noun in data.get("vote_measures", {}).items()},
        vote_words=re.compile(rf"(?<!\w)(?:{alternation(phrase.lower() for phrase in data['vote_measures'])})(?!\w)"
                              if data.get("vote_measures") else r"(?!)"),
        nouns=frozenset(noun.lower() for noun in data.get("verb_measures", {}).values()),
        range_openers=lower("range_openers", figures),
        change_nouns=lower("measure_change_nouns", figures) | lower("change_nouns"),
        figure_links=lower("figure_links"),
        copulas=lower("copulas"),
        extra=lower("extra"),
        transitive=lower("transitive_verbs"),
        by_words=lower("by_words"),
        period_words=lower("period_words"),
        adverb_endings=tuple(data.get("adverb_endings", [])),
        when=months | frozenset(word.lower() for word in figures.get("time_words", [])),
        year_before=lower("determiners") | lower("year_prepositions", figures) | lower("connectors"),
        impersonal=lower("impersonal"),
        companions=frozenset(word.lower() for key in ("auxiliaries", "verb_adverbs")
                             for phrase in speech.get(key, []) for word in phrase.split()) | lower("companions"),
    )


@dataclass(frozen=True)
class _Found:
    measure: str | None = None
    subject: str | None = None
    relative: bool = False  # the clause's subject is "which"/"que": the figure before it names the measure
    pronoun: bool = False  # the clause's subject is "it"/"ello": an earlier figure of the paragraph names it
    partitive: bool = False  # "Of those, 40,000 return": a part of what the figure just before counts
    share: bool = False  # "Okafor with 41%": a share of whatever the paragraph is about (votes)
    base: bool = False  # the measure is a share's base ("% of GDP"): the clause's subject says more


def measured(statistics: list[Statistic], language: str) -> list[Statistic]:
    """The figures of one paragraph with ``measure`` and ``subject`` read from their sentences."""
    described: list[Statistic] = []
    words = _words(language)
    sentence: str | None = None
    in_sentence: dict[str, str] = {}  # the sentence's last measure of each kind of unit ("" for any kind)
    in_paragraph: dict[str, str] = {}  # the same over the paragraph: linear in its figures
    voting = _vote_measure(statistics, words)
    for statistic in statistics:
        if statistic.sentence != sentence:
            sentence, in_sentence = statistic.sentence, {}
        found = _read(statistic, language)
        measure = found.measure or statistic.measure if _is_measure(found.measure or statistic.measure or "",
                                                                     language, statistic.sentence) else None
        last = described[-1] if described and (_family(described[-1]) == _family(statistic)
                                               or statistic.unit == "percent") else None
        measure = _carried(statistic, found, measure, in_sentence, in_paragraph, last.measure if last else None,
                           voting, words)
        if measure and _starts(statistic.sentence, measure) and measure[1:2].islower():
            measure = measure[:1].lower() + measure[1:]  # "Remittances rose 12%": the capital is the sentence's
        if _year_like(statistic) and (not measure or _after_year_word(statistic, words)):
            measure = None  # "the 2016 election": a year, never a figure
        subject = found.subject or _subject(statistic)
        described.append(replace(statistic, measure=measure, subject=subject, period=_period(statistic)))
        if measure:
            in_sentence[""] = in_sentence[_family(statistic)] = in_paragraph[_family(statistic)] = measure
            in_paragraph[""] = measure  # "This is a rise of 4%": a change of the last figure
    counted = {(s.sentence, s.text.strip()) for s in described if _year_like(s) and s.measure}
    for index, statistic in enumerate(described):  # "con 1817 denuncias, … 56 %": 1817 is no period
        period = statistic.period
        if period and period.start == period.end and (statistic.sentence, period.start) in counted:
            described[index] = replace(statistic, period=None)
    for index in range(len(described) - 2, -1, -1):  # "28% and 54% of the nurses polled"
        statistic, following = described[index], described[index + 1]
        if not statistic.measure and following.measure and following.sentence == statistic.sentence \
                and following.unit == statistic.unit and not _year_like(statistic) \
                and _side_by_side(statistic, following, words):
            described[index] = replace(statistic, measure=following.measure)
    return described


def _carried(statistic: Statistic, found: _Found, measure: str | None, in_sentence: dict[str, str],
             in_paragraph: dict[str, str], last: str | None, voting: str | None, words: _Words) -> str | None:
    """The measure an earlier figure lends this one, when its own words name none (or only a participle)."""
    previous, alike = in_sentence.get(""), in_sentence.get(_family(statistic))
    lone = bool(measure) and _is_participle(measure.lower(), words)  # "310 missing", "30 were released"
    if not measure and found.share and voting:
        return voting  # "Okafor with 41% and Lindqvist at 38%" in a paragraph on an election
    if not measure and alike and not (previous and _is_change(statistic)):
        return alike  # "from 12m tons to 31m tons", "an average of 215 every day"
    if measure and measure.lower() in words.bare_heads and previous and previous.split()[0] == measure:
        return previous  # "2,000 people murdered a month, which is 500 people a week"
    if previous and (not measure and (_is_change(statistic) or found.relative)
                     or lone and previous.split()[0].lower() in words.bare_heads):
        # "a 23% jump" after a level, "which hit $8.3 billion", "310 missing" after "1,350 people injured"
        return previous if not measure else f"{previous.split()[0]} {measure}"
    if not measure and found.pronoun:  # "It was over 34%": the paragraph's last figure of its kind
        return in_paragraph.get(_family(statistic)) or (in_paragraph.get("") if statistic.change else None)
    if (not measure or lone) and found.partitive and last:  # "45,000 cross daily. Of those, 40,000 return"
        return f"{last} {measure}" if measure else last
    return measure


def _side_by_side(statistic: Statistic, following: Statistic, words: _Words) -> bool:
    """"28%, 31% and 54% of": only commas, list words and qualifiers between two figures of one sentence."""
    sentence = statistic.sentence
    end = sentence.find(statistic.text) + len(statistic.text)
    between = _TOKEN.findall(sentence[end:sentence.find(following.text, end)])
    return all(token == "," or token.lower() in words.list_joiners | words.gap for token in between)


def _period(statistic: Statistic) -> Period | None:
    """figures.py's period as a structure; never the figure's own digits ("1817 denuncias" is no year)."""
    period = statistic.period if isinstance(statistic.period, Period) or statistic.period is None \
        else Period.from_text(statistic.period)
    if period and period.start == period.end and period.start in re.findall(r"\d+", statistic.text):
        return None
    return period


def _year_like(statistic: Statistic) -> bool:
    """A bare four-digit count that could be a year ("2018", but also "1817 denuncias")."""
    return statistic.unit == "count" and not statistic.qualifier and bool(_YEAR.fullmatch(statistic.text.strip()))


def _after_year_word(statistic: Statistic, words: _Words) -> bool:
    """"the 2016 election", "el 2023", "de 2024": a determiner or preposition of years right before."""
    start = statistic.sentence.find(statistic.text)
    before = _TOKEN.findall(statistic.sentence[max(0, start - 30):start])
    return bool(before) and before[-1].lower() in words.year_before


def _family(statistic: Statistic) -> str:
    """Units that count the same thing: "35 098 robberies … 390 every day" are one kind."""
    return "count" if statistic.unit in ("count", "rate") else statistic.unit


def _is_change(statistic: Statistic) -> bool:
    return bool(statistic.change) or statistic.unit in ("percent", "percentage_points")


def _subject(statistic: Statistic) -> str | None:
    """figures.py's place, unless the sentence names it only inside a currency sign ("US$ 20 billion")."""
    subject = statistic.subject
    if not subject:
        return None
    named = [m.end() for m in re.finditer(rf"(?<!\w){re.escape(subject)}(?!\w)", statistic.sentence)]
    return subject if any(statistic.sentence[end:end + 1] != "$" for end in named) else None


def _read(statistic: Statistic, language: str) -> _Found:
    sentence = statistic.sentence
    start = sentence.find(statistic.text)
    if start < 0:
        return _Found()
    end = start + len(statistic.text)
    words = _words(language)
    after = _TOKEN.findall(sentence[end:end + 200])
    before = _TOKEN.findall(sentence[max(0, start - 240):start] + _lead(statistic))
    while before and before[-1].lower() in words.range_openers:  # "between 8% and 10%"
        before = before[:-1]
    inside = _TOKEN.findall(re.sub(r"^\D*\d[\d.,]*", "", statistic.text))  # "tons of grain per year"
    after = inside + after if statistic.unit != "count" and any(
        token.lower() in words.connectors for token in inside) or statistic.unit == "rate" else after
    if statistic.unit == "percent" and _partitive(before, words) \
            and not (after[:1] and after[0].lower() in words.copulas):
        return _Found(partitive=True)  # "900 detenciones, de las cuales el 60% ocurrió en el puerto": a share of them
    for reader in (_governed, _parenthesis, _of_figure, _valued, _changed, _object, _clause, _change_alone):
        found = reader(before, after, words, statistic)
        if found.measure and _is_measure(found.measure, language, sentence):
            clause = _clause(before, after, words, statistic) if found.base else _Found()
            if clause.measure and _is_measure(clause.measure, language, sentence):  # "la deuda fue del 4,1% del PIB"
                return clause
            return replace(found, partitive=_partitive(before, words))  # "Of them, 30 were released"
    clause = _clause(before, after, words, statistic)  # "It was 5%", "…, which hit $8bn": its flags still count
    return _Found(subject=clause.subject, relative=clause.relative, pronoun=clause.pronoun,
                  partitive=_partitive(before, words), share=_share(before, after, words, statistic))


def _share(before: list[str], after: list[str], words: _Words, statistic: Statistic) -> bool:
    """"Okafor with 41%", "Ruiz sigue con el 12%": a share after "with", of nothing written after it."""
    if statistic.unit != "percent" or after[:1] and after[0].lower() in words.connectors:
        return False
    tokens = [token.lower() for token in before]
    while tokens and tokens[-1] in words.determiners | words.gap - words.share_links:  # "solo con el"
        tokens.pop()
    return bool(tokens) and tokens[-1] in words.share_links


def _vote_measure(statistics: list[Statistic], words: _Words) -> str | None:
    """The measure of a share held by a name in a paragraph on an election ("votes"), from its first vote word."""
    text = " ".join(dict.fromkeys(statistic.sentence.lower() for statistic in statistics))
    if not words.vote_words.search(text):
        return None  # no phrase anywhere; else the first phrase in the lexicon's order that the text holds
    return next((noun for phrase, noun in words.vote_measures.items()
                 if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)), None)


def _partitive(before: list[str], words: _Words) -> bool:
    """"Of those, some 700 stayed", "…, de los cuales 900": the figure counts a part of the one before."""
    tokens = [token.lower() for token in before]
    while tokens and tokens[-1] in words.gap - words.connectors:  # "an estimated", "unos"
        tokens.pop()
    if tokens[-1:] == [","]:
        tokens.pop()
    return any(tuple(tokens[-len(phrase):]) == phrase for phrase in words.partitives)


def _lead(statistic: Statistic) -> str:
    """"superarán los", "more than": the words of a figure's text before its number."""
    lead = re.match(r"\D*?(?=[$€£]|US\$|\d)", statistic.text)
    return lead.group(0) if lead else ""


def _governed(before: list[str], after: list[str], words: _Words, statistic: Statistic) -> _Found:
    """The noun phrase right after the figure: "880 homicides", "$2.05 billion current-account gap"."""
    if statistic.unit == "currency" and len(after) > 1 and after[0].lower() in words.price_links \
            and after[1].lower() in words.priced_units:
        return _Found(words.price)  # "about $120 a barrel", "US$ 80 el barril": a unit's price
    tokens = after
    if tokens[:1] == ["("] and ")" in tokens[:8]:  # "12 trillion rupee ($144 billion) budget"
        tokens = tokens[tokens.index(")") + 1:]
    elif tokens[:1] == [")"]:
        tokens = tokens[1:]
    joins = words.connectors | words.worth
    if statistic.unit != "count" and any(token.lower() in words.connectors for token in after[:4]):
        while tokens[:1] and tokens[0].lower() not in joins and tokens[0].lower() in words.units:
            tokens = tokens[1:]  # the unit's own words: "barrels (of oil)", "metric tons (of the grain)"
    scaled = statistic.text.split()[-1].lower() in words.scales  # "3 millones (de personas)"
    if statistic.unit == "count" and scaled and tokens[:1] and tokens[0].lower() in words.connectors:
        tokens = tokens[1:]
    base = False  # "6,8% del PIB": the share's base, a measure only when no clause names one
    if statistic.unit != "count":  # "tons of coffee", "62.5 percent of all the shipments", "€600m worth of cork"
        while tokens[:1] and tokens[0].lower() in joins:
            base = base or statistic.unit == "percent" and tokens[0].lower() in words.connectors
            tokens = tokens[1:]
        if len(tokens) > 1 and tokens[0].lower() in words.units and tokens[1].lower() in words.connectors:
            tokens = tokens[2:]  # "5.000 millones de pesos de un mayor gasto": the currency, then what it is
    while tokens[:1] and tokens[0].lower() in words.determiners | words.frames:
        framed = tokens[0].lower() in words.frames and tokens[1:2] and tokens[1].lower() in words.connectors
        if tokens[0].lower() not in words.determiners and not framed:
            break
        tokens = tokens[2:] if framed else tokens[1:]  # "el 30% del total de los socios": the total is a frame
    if tokens[:1] and tokens[0].lower() in words.extra and statistic.unit in ("count", "currency"):
        tokens = tokens[1:]  # "30,000 more nurses", "5.000 millones de un mayor gasto"
    if tokens[:1] and tokens[0].lower() in words.copulas:  # "21% are children"
        tokens = tokens[1:]
    named = tokens[1:2] if tokens[:1] and tokens[0].lower() in words.stops else tokens[:1]  # "(dólares) invertidos"
    if named and named[0].lower() in words.participle_measures:  # "los 15 mil millones de dólares exportados"
        return _Found(words.participle_measures[named[0].lower()])
    if tokens[:1] and _is_participle(tokens[0].lower(), words) and statistic.unit == "count":
        return _Found(tokens[0])  # "950 kidnapped": the people counted are named before (see ``measured``)
    if base and tokens[:1] and _is_participle(tokens[0], words):
        return _Found(_participle_noun(tokens, words), base=True)  # "15 % de agraviados", "30% of registered voters"
    phrase, rest = _phrase_forward(tokens, words)
    if not phrase or phrase[0].lower() in words.changes:
        return _Found()
    if statistic.unit == "count" and statistic.value != "1":
        phrase = _to_plural(phrase, words)  # "800 police stay in town": the count's noun is plural, "stay" a verb
        if not phrase:
            return _Found()
    subject = _place_after(rest, words)
    if phrase[-1].lower() in words.bare_heads:
        participle = _participle(rest, words)
        if participle:
            phrase.append(participle)
    return _Found(" ".join(phrase), subject, base=base)


def _participle_noun(tokens: list[str], words: _Words) -> str | None:
    """A participle that names people ("encuestados"), or the plural noun it qualifies ("registered voters")."""
    if tokens[0].lower().endswith(words.plural_endings):
        return tokens[0]
    following = tokens[1] if len(tokens) > 1 and _content(tokens[1], words) else ""
    return f"{tokens[0]} {following}" if _to_plural([following], words) else None


def _to_plural(phrase: list[str], words: _Words) -> list[str]:
    """The phrase up to its last plural word, a name or a people ("Venezuelans"); kept whole from "of" on."""
    head = next((i for i, token in enumerate(phrase) if i and token.lower() in words.connectors), len(phrase))
    plural = [i for i, token in enumerate(phrase[:head]) if token[:1].isupper() or token.lower() in words.plurals
              or token.lower().endswith(words.plural_endings)]
    return [] if not plural else phrase if plural[-1] == head - 1 else phrase[:plural[-1] + 1]


def _phrase_forward(tokens: list[str], words: _Words) -> tuple[list[str], list[str]]:
    """Content words from the start of ``tokens`` (a connector only between two of them)."""
    phrase: list[str] = []
    index = 0
    while index < len(tokens) and len(phrase) < MAX_WORDS:
        token, lowered = tokens[index], tokens[index].lower()
        if lowered in words.connectors and phrase and index + 1 < len(tokens) and lowered not in words.stops - words.connectors:
            following = tokens[index + 1].lower()
            if _content(tokens[index + 1], words) and following not in words.months:
                phrase += [token, tokens[index + 1]]
                index += 2
                continue
            break
        if not _content(token, words) or _is_participle(token, words):
            break
        phrase.append(token)
        index += 1
    return phrase, tokens[index:]


def _content(token: str, words: _Words) -> bool:
    """A word a measure may hold: not a function word, verb, unit, qualifier, month or participle."""
    lowered = token.lower()
    named = token[:1].isupper() and lowered in words.verbs  # "the United States has": "States" is no verb here
    return token[:1].isalpha() and (named or lowered not in words.stops) and lowered not in words.months \
        and not _POSSESSIVE.search(token) and not _is_participle(token, words) \
        and not (token[:1].islower() and len(token) > 4 and token.endswith(words.verb_endings))


def _is_participle(word: str, words: _Words) -> bool:
    """A participle ("killed", "registrados"); a capitalized word ("United") never is one."""
    if word[:1].isupper() or word in words.not_participles:
        return False
    return word in words.participles or any(word.endswith(ending) and len(word) > len(ending) + 2
                                             for ending in words.participle_endings)


def _participle(rest: list[str], words: _Words) -> str | None:
    """"(in Ecuador) were reported injured" → injured: what happened to the people counted."""
    tokens = [token.lower() for token in rest[:8]]
    index = 0
    if tokens[:1] and tokens[0] in words.adjuncts:  # "in Haiti"
        index = 1
        while index < len(tokens) and rest[index][:1].isupper():
            index += 1
    for link in sorted(words.participle_links, key=len, reverse=True) + [()]:
        if tuple(tokens[index:index + len(link)]) == link:
            candidate = tokens[index + len(link)] if index + len(link) < len(tokens) else ""
            if _is_participle(candidate, words):
                return rest[index + len(link)]
    return None


def _place_after(rest: list[str], words: _Words) -> str | None:
    """"people in Haiti": the place right after a measure."""
    if len(rest) >= 2 and rest[0].lower() in words.adjuncts:
        return _leading_place(rest[1:])
    return None


def _leading_place(tokens: list[str]) -> str | None:
    for size in (3, 2, 1):
        candidate = " ".join(tokens[:size])
        if len(tokens) >= size and is_place(candidate):
            return candidate
    return None


def _parenthesis(before: list[str], after: list[str], words: _Words, statistic: Statistic) -> _Found:
    """"los turistas (unos 7.200)": a figure in brackets right after the noun it counts."""
    while before and before[-1].lower() in words.gap:  # "(unos 7.200)", "(más de 400)": the figure's qualifier
        before = before[:-1]
    if len(before) < 2 or before[-1] != "(" or not after[:1] == [")"]:
        return _Found()
    phrase: list[str] = []
    index = len(before) - 2
    while index >= 0 and len(phrase) < MAX_WORDS and _content(before[index], words):
        phrase.insert(0, before[index])
        index -= 1
    return _Found(" ".join(phrase)) if phrase else _Found()


def _object(before: list[str], after: list[str], words: _Words, statistic: Statistic) -> _Found:
    """"raising its school budget by almost 8%": the object of a verb of change."""
    while before and before[-1].lower() in words.determiners | words.gap - words.by_words:  # "by nearly"
        before = before[:-1]
    if not before or before[-1].lower() not in words.by_words:
        return _Found()
    phrase: list[str] = []
    index = len(before) - 2
    while index >= 0 and before[index].lower() in words.gap - words.determiners:  # "(hundió X) por debajo de"
        index -= 1
    while index >= 0 and len(phrase) < MAX_WORDS and before[index].lower() not in words.transitive:
        if not (_content(before[index], words) or before[index].lower() in words.determiners | words.connectors):
            return _Found()  # "hundió las cosechas de trigo por debajo de"
        phrase.insert(0, before[index])
        index -= 1
    if index < 0:
        return _Found()
    return _Found(*_trim(phrase, words, None))


def _of_figure(before: list[str], after: list[str], words: _Words, statistic: Statistic) -> _Found:
    """"a water supply rate of 3 million", "un valor de…" is a frame and says nothing."""
    while before and before[-1].lower() in words.determiners:  # "un aumento de un 17%"
        before = before[:-1]
    if len(before) < 2 or before[-1].lower() not in words.figure_links:
        return _Found()
    index = len(before) - 2
    if index >= 2 and before[index].lower() in words.companions and before[index - 1] == ",":
        index -= 2  # "la cosecha de uva, actualmente de 80 mil toneladas": the noun before the aside
    acronym = None
    if before[index] == ")" and "(" in before[:index]:  # "Producto Bruto Regional (PBR) de 84 mil"
        opening = len(before) - 1 - before[::-1].index("(")
        acronym = before[opening + 1] if opening + 2 == index and _acronym(before[opening + 1]) else None
        index = opening - 1
    phrase: list[str] = []
    while index >= 0 and len(phrase) < MAX_WORDS and _content(before[index], words):
        phrase.insert(0, before[index])
        index -= 1
    if not phrase or phrase[-1].lower() in words.frames | (words.change_nouns - words.alone):
        return _Found()
    if acronym and all(token[:1].isupper() for token in phrase):  # a name in capitals: its abbreviation says it
        return _Found(acronym)
    return _Found(*_trim(phrase, words, None))


def _valued(before: list[str], after: list[str], words: _Words, statistic: Statistic) -> _Found:
    """"ventas por un valor de 7 millones", "a contract worth $5 billion": the nearest noun before the link."""
    qualifier = len(_TOKEN.findall(_lead(statistic)))
    if statistic.unit != "currency" or qualifier >= len(before):
        return _Found()
    before = before[:len(before) - qualifier]  # "por encima de": the figure's qualifier, not its link
    while before and before[-1].lower() in words.determiners | words.frames | words.connectors:
        before = before[:-1]
    if not before or before[-1].lower() not in words.value_links:
        return _Found()
    phrase: list[str] = []
    for index in range(len(before) - 2, -1, -1):
        token, lowered = before[index], before[index].lower()
        if lowered in words.connectors and not all(word[:1].isupper() for word in phrase):
            break  # "el costo de la obra por…": the nearest noun, unless a name ("venta de Grupo Sur")
        if lowered in words.adjuncts and phrase and phrase[0].islower() \
                and phrase[0].endswith(words.infinitive_endings):
            return _Found()  # "proyectos a desarrollar por 50 millones": what is valued is not said
        joined = lowered in words.determiners and index > 0 \
            and before[index - 1].lower() in words.adjuncts | words.connectors
        if not (_content(token, words) or joined or lowered in words.adjuncts | words.connectors):
            break  # "sold the crop for $80": a determiner opens the phrase unless a preposition comes before it
        phrase.insert(0, token)
    return _Found(*_trim(phrase, words, None))


def _changed(before: list[str], after: list[str], words: _Words, statistic: Statistic) -> _Found:
    """"a 9% cut in shipments", "una reducción del 8 % en los accidentes": what the change is in."""
    if after[:1] and after[0].lower() in words.change_nouns:
        tokens = after[1:]  # "a 9% cut in shipments"
    else:  # "a steep fall in output to 0.4 million bpd"
        nouns = [i for i in range(max(0, len(before) - _GAP), len(before)) if before[i].lower() in words.change_nouns]
        if not nouns:
            return _Found()
        tokens = before[nouns[-1] + 1:]
        if tokens[:1] and tokens[0].lower() in words.connectors:  # "an increase of 14%": the change of what, after
            tokens = after
    if tokens[:1] and tokens[0].lower() in words.adjuncts | words.connectors:
        tokens = tokens[1:]
        while tokens[:1] and tokens[0].lower() in words.determiners:
            tokens = tokens[1:]
        phrase, rest = _phrase_forward(tokens, words)
        if phrase:
            return _Found(" ".join(phrase), _place_after(rest, words))
    return _Found()


def _change_alone(before: list[str], after: list[str], words: _Words, statistic: Statistic) -> _Found:
    """"se espera una expansión del 2,7%": a change noun that is a measure by itself, when nothing says more."""
    tokens = before[:len(before) - len(_TOKEN.findall(_lead(statistic)))]  # "por debajo del": the qualifier
    while tokens and (tokens[-1].lower().endswith(words.adverb_endings) or _time_adjunct(tokens, words)):
        adverb = tokens[-1].lower().endswith(words.adverb_endings)  # "ligeramente", then "en el tercer trimestre"
        tokens = tokens[:-1] if adverb else tokens[:_time_adjunct(tokens, words)]
    near = [token for token in tokens[-_GAP:] + after[:1] if token.lower() in words.alone]
    return _Found(near[-1]) if near else _Found()


def _time_adjunct(tokens: list[str], words: _Words) -> int:
    """Where a closing "en el cuarto trimestre" / "in the fourth quarter" starts in ``tokens``, else 0."""
    if not tokens or tokens[-1].lower() not in words.when | words.period_words:
        return 0
    opening = next((i for i in range(len(tokens) - 2, max(-1, len(tokens) - 5), -1)
                    if tokens[i].lower() in words.adjuncts), None)
    return opening if opening and all(_content(t, words) or t.lower() in words.determiners | words.when
                                      for t in tokens[opening + 1:]) else 0


def _clause(before: list[str], after: list[str], words: _Words, statistic: Statistic) -> _Found:
    """The subject of the verb that leads to the figure: "Mexico's exports reached $53.6 billion"."""
    own = len(_TOKEN.findall(_lead(statistic)))
    if own and before[-own - 1:-own] == [","]:  # "7,000 go home, up to 800 stay": a list's item, no verb
        return _Found()
    verb = None
    for index in range(len(before) - 1, max(-1, len(before) - 1 - _GAP), -1):
        lowered = before[index].lower()
        if lowered == ":":  # "el pago llegó a tiempo: US$ 3.000 millones"
            verb = next((i for i in range(index - 1, max(-1, index - 4), -1)
                         if before[i].lower() in words.clause_verbs and before[i][:1].islower()), None)
            break
        noun = lowered in words.change_nouns and index and before[index - 1].lower() in words.determiners
        if lowered in words.clause_verbs and not noun and not (index and before[index][:1].isupper()
                                                               and _content(before[index], words)):
            verb = index
            break
        if not noun and lowered not in words.gap | words.companions and not lowered[:1].isdigit() \
                and before[index] not in ("$", "€", "£", "US$"):  # "This is a rise of 4%": on to the verb
            verb = _far_verb(before[:len(before) - own], words)
            break
    return _Found() if verb is None else _subject_of(before, verb, words)


def _far_verb(before: list[str], words: _Words) -> int | None:
    """"rents climbed for the sixth straight month in a row to $1,850": a verb a longer phrase away,
    when the figure follows "to"/"hasta" and only nouns and prepositions stand between."""
    if not before or before[-1].lower() not in words.by_words:
        return None
    for index in range(len(before) - 2, max(-1, len(before) - 2 - 2 * _GAP), -1):
        token, lowered = before[index], before[index].lower()
        if lowered in words.clause_verbs - words.change_nouns and token[:1].islower():
            return index
        if not (_content(token, words) or lowered in words.determiners | words.adjuncts | words.connectors
                | words.gap | words.when):
            return None
    return None


def _subject_of(before: list[str], verb: int, words: _Words) -> _Found:
    """What the subject of ``before[verb]`` names: a measure, a relative's antecedent, a pronoun."""
    index = verb - 1
    while index >= 0 and (before[index].lower() in words.companions | {","} or before[index].lower() in words.gap
                          and before[index].lower() not in words.determiners | words.frames):
        index -= 1
    impersonal = any(token.lower() in words.impersonal for token in before[index + 1:verb])  # "se espera crecer"
    if index >= 0 and before[index].lower() in words.list_joiners:  # "la pesca mantuvo … y se situó en"
        earlier = next((i for i in range(index - 1, max(-1, index - 1 - 2 * _GAP), -1)
                        if before[i].lower() in words.clause_verbs - words.change_nouns and before[i][:1].islower()
                        and not _is_participle(before[i], words)), None)  # "mantuvo el pasado mes … y se situó"
        return _subject_of(before, earlier, words) if earlier is not None else _Found()
    if index + 1 < verb and before[index + 1] == "," and index >= 0 and not _content(before[index], words):
        # "los reclamos, de 2020 a 2021, aumentaron": the subject is before the aside
        opening = [i for i in range(max(0, index - _GAP * 2), index) if before[i] == ","]
        index = opening[-1] - 1 if opening else index
    if index >= 0 and before[index].lower() in words.relatives:  # "sales, which hit $8.3 billion"
        return _antecedent(before, index, words)
    if index >= 0 and before[index].lower() in words.pronouns:
        return _Found(pronoun=True)
    if index >= 0 and _is_participle(before[index], words):  # "el gasto anual de salud registrado asciende"
        index -= 1
    if index >= 2 and before[index] == ")" and before[index - 2] == "(" and _acronym(before[index - 1]):
        index -= 3  # "el acuerdo con el Banco Mundial (BM) llegó": the abbreviation repeats the name
    phrase: list[str] = []
    subject = None
    while index >= 0 and len(phrase) < 3 * MAX_WORDS:
        token, lowered = before[index], before[index].lower()
        if _POSSESSIVE.search(token) and token[:1].isalpha():
            if index and before[index - 1].lower() in words.adjuncts | words.connectors:
                return _Found()  # "the share of farming in Chile's GDP is 9%": the subject is not "GDP"
            owner = _POSSESSIVE.sub("", token)
            subject = owner if is_place(owner) or owner[:1].isupper() else None
            break
        if lowered in words.connectors | words.adjuncts | words.when or (
                lowered in words.determiners and index > 0 and before[index - 1].lower() in words.connectors | words.adjuncts):
            phrase.insert(0, token)
            index -= 1
            continue
        opening = _name_list(before, index, words) if phrase and phrase[0][:1].isupper() else None
        if opening is not None:  # "migrants from Elbonia, Freedonia and Ruritania in Chile"
            phrase[:0] = before[opening:index + 1]
            index = opening - 1
            continue
        if not _content(token, words):
            break
        phrase.insert(0, token)
        index -= 1
    head = _elided_head(before, index, words) if phrase and phrase[0].lower() in words.connectors else None
    measure, subject = _trim([head, *phrase] if head else phrase, words, subject)
    if measure is None and (subject or impersonal) and before[verb].lower() in words.verb_measures:
        measure = words.verb_measures[before[verb].lower()]  # "Chile exported", "se espera crecer un 3%"
    if measure and measure.lower() in words.frame_subjects:  # "the figure was $5bn": the paragraph says which
        return _Found(subject=subject, pronoun=True)
    return _Found(measure, subject)


def _antecedent(before: list[str], index: int, words: _Words) -> _Found:
    """What the relative at ``before[index]`` stands for: "sales, which hit…", "las compras a Perú que llegan a"."""
    index -= 1
    if index >= 0 and before[index] == ",":
        index -= 1
        aside = next((i for i in range(index, max(-1, index - 2 * _GAP), -1) if before[i] == ","), None)
        if aside is not None and before[aside + 1].lower() in words.relatives:
            index = aside - 1  # "los temporeros, que van y vienen, que son 8.000": past the first relative
    phrase: list[str] = []
    while index >= 0 and len(phrase) < MAX_WORDS and (
            _content(before[index], words)
            or phrase and before[index].lower() in words.adjuncts and phrase[0][:1].isupper()):  # "a Perú"
        phrase.insert(0, before[index])
        index -= 1
    measure, subject = _trim(phrase, words, None)
    named = measure and measure.split()[-1].lower() not in words.frames  # "a record high, which…" says nothing
    return _Found(measure if named else None, subject, relative=True)


def _elided_head(before: list[str], index: int, words: _Words) -> str | None:
    """"La producción de cobre … y la de plata subirá": the noun "la de" leaves out, from "la producción de"."""
    if index < 0 or before[index].lower() not in words.determiners:
        return None
    for link in range(index - 1, 1, -1):
        if before[link].lower() in words.connectors and before[link - 2].lower() in words.determiners \
                and _content(before[link - 1], words):
            return before[link - 1]
    return None


def _name_list(before: list[str], index: int, words: _Words) -> int | None:
    """Where the adjunct opening a list of names stands, when ``before[index]`` joins that list, else None."""
    if before[index].lower() not in words.list_joiners:  # "A, B and C": the walk meets "and" first
        return None
    while index >= 0 and (before[index] == "," or before[index].lower() in words.list_joiners | words.determiners
                          or before[index][:1].isupper()):  # "to the United States, Canada and Mexico"
        index -= 1
    opener = index >= 0 and before[index].lower() in words.adjuncts | words.connectors
    return index if opener and before[index + 1].lower() not in words.list_joiners else None


def _listed(tokens: list[str], words: _Words) -> bool:
    """"Elbonia, Freedonia and Ruritania": names followed by a comma or a list's joining word."""
    names = next((i for i, token in enumerate(tokens) if not token[:1].isupper()), len(tokens))
    return names > 0 and names < len(tokens) and (tokens[names] == "," or tokens[names].lower() in words.list_joiners)


def _trim(phrase: list[str], words: _Words, subject: str | None) -> tuple[str | None, str | None]:
    """A walked-back phrase as (measure, subject): leading function words off, "in Nigeria" to the subject."""
    while phrase and (phrase[0].lower() in words.connectors | words.adjuncts | words.determiners | words.when):
        phrase = phrase[1:]
    for index, token in enumerate(phrase):
        listed = _listed(phrase[index + 1:], words)
        if index > 0 and (token.lower() in words.adjuncts or listed and token.lower() in words.connectors):
            subject = subject or (None if listed else _leading_place(phrase[index + 1:]))  # one of several: none
            phrase = phrase[:index]
            break
    while phrase and phrase[-1].lower() in words.connectors | words.determiners:
        phrase = phrase[:-1]
    if not phrase:
        return None, subject
    if len(phrase) > MAX_WORDS:  # "gasto corriente del total de los gobiernos regionales": the head alone
        cut = next((i for i, token in enumerate(phrase) if token.lower() in words.connectors), len(phrase))
        phrase = phrase[:cut]
    text = " ".join(phrase)
    if is_place(text):
        return None, subject or text
    if not phrase or len(phrase) > MAX_WORDS:
        return None, subject
    return text, subject


def _is_measure(text: str, language: str, sentence: str = "") -> bool:
    """A short noun phrase that is neither a place, a year, a name nor a word that names nothing."""
    words = _words(language)
    if _starts(sentence, text):  # "Rapes recorded…": capitalized only as the first word
        text = text[:1].lower() + text[1:]
    tokens = text.split()
    if not tokens or len(tokens) > MAX_WORDS or is_place(text) or text.lower() in words.not_measures:
        return False
    if any(_YEAR.fullmatch(token) or token.lower() in words.clause_verbs - words.changes - words.nouns for token in tokens):
        return False
    return any(token[:1].islower() or _acronym(token) or token.endswith(words.demonym_endings) for token in tokens)


def _starts(sentence: str, text: str) -> bool:
    return sentence.lstrip("“\"«¿¡ ").startswith(text)


def _acronym(token: str) -> bool:
    """"GDP", "PIB": an upper-case abbreviation names a measure; "Prabowo" names a person."""
    return token.isupper() and 2 <= len(token) <= 5
