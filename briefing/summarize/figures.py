"""Figures in a sentence: each number with what it counts, so that two reports' figures can be compared.

A figure is a number written in digits with its unit: a currency ("$4.2bn"),
a percentage, or the word that names what is counted ("23 dead", "122-seat",
"injuring 162" when no noun follows). A vote or a score ("voted 23 to 14",
"a 3-1 win") is one figure of two values. What the wording allows is kept as
a range: "at least 60" is 60 or more, "about 180" is within 15 % of 180, so
that "more than 200" and "more than 220" never disagree.

Left out, because two reports of one event may well give them differently
without either being wrong: dates ("Oct. 16", "1998"), times ("10:30",
"3 p.m."), ages and durations ("82-year-old", "Pinochet, 82,", "14-year war",
"two weeks ago": anything counted in years, days, hours…), ordinals
("16th"), names with a number ("Boeing 747", "Flight 800") and ranges that
say where a figure came from ("rose from 23 to 25").

The words this needs (decimal marks, currencies, hedges, time units) are
data per language below; a language without its own falls back to English's.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache

from briefing.models import Quantity
from briefing.summarize.terms import event_terms, stemmer, stop_words

APPROXIMATE = 0.15
"""How far from its number a figure said to be "about" that number may lie."""
WINDOW = 4
"""Content words on each side of a figure that say what it is about."""


@dataclass(frozen=True)
class Figure:
    """A figure of a sentence: what it says, what it counts and where it is.

    ``start``/``end`` are offsets into the text the sentence comes from;
    ``text`` is that span, from a hedge or a currency to the unit ("at least
    60 people", "$4.2bn", "voted 23 to 14").
    """

    quantity: Quantity
    unit: str
    """What it counts: a currency code, ``%``, or the stem of the word that names it."""
    text: str
    start: int
    end: int
    about: frozenset[str]
    """Stems of the content words around it (the unit and other figures aside): what it is about."""
    lead: str = ""
    """The stem of the word that governs it, right before it ("killed" in "killed 23 people"), if any."""
    step: float = 1.0
    """The value of one in its last digit as written: 0.1e9 for "$4.2bn", 1 for "60", 0.01 for "9.27"."""

    def rounds(self, other: Figure) -> bool:
        """Whether this figure is ``other`` written with fewer digits ("2 percent" for "2.3 percent",
        "$4bn" for "$4.2bn"; not "60" for "65", whose last digits are as fine)."""
        if len(self.quantity.values) > 1 or len(other.quantity.values) > 1 or self.step <= other.step:
            return False
        return math.floor(other.quantity.values[0] / self.step + 0.5) * self.step == self.quantity.values[0]

    def agrees(self, other: Figure) -> bool:
        """Whether both can be true of one thing."""
        return self.quantity.agrees(other.quantity)


def same_thing(one: Figure, other: Figure, names: frozenset[str] = frozenset()) -> bool:
    """Whether two figures of two sentences that say the same count the same thing, whatever their values.

    The same unit, the same kind of value, a word in common around them, and
    nothing that tells them apart: not two different words governing them
    ("killed 23" and "injured 25"), nor around each a name (one of ``names``)
    that the other lacks ("23 in Honduras" and "25 in Nicaragua").
    """
    if one.unit != other.unit or len(one.quantity.values) != len(other.quantity.values):
        return False
    if not one.about & other.about or (one.lead and other.lead and one.lead != other.lead):
        return False
    return not ((one.about - other.about) & names and (other.about - one.about) & names)


@dataclass(frozen=True)
class FigureWords:
    """One language's words around figures, lower-case; phrases of several words as written with spaces."""

    decimal: str = "."
    """The decimal mark; the other one of ``.`` and ``,`` groups thousands."""
    multipliers: Mapping[str, float] | None = None
    currencies: Mapping[str, str] | None = None
    percent: tuple[str, ...] = ()
    about: tuple[str, ...] = ()
    at_least: tuple[str, ...] = ()
    at_most: tuple[str, ...] = ()
    nearly: tuple[str, ...] = ()
    range_from: tuple[str, ...] = ()
    """Words before the first number of a range ("from 23 to 25", "between 10 and 15")."""
    to: tuple[str, ...] = ()
    """The word between the two numbers of a vote or score ("23 to 14")."""
    time_units: tuple[str, ...] = ()
    """Words of time and age: a figure counting these is a date, a time, an age or a duration."""
    ages: tuple[str, ...] = ()
    """Words right before an age ("aged 45")."""
    clock: tuple[str, ...] = ()
    """Words right after a time of day ("3 p.m.", "10 Uhr")."""
    ordinal_suffixes: tuple[str, ...] = ()
    ordinal_dot: bool = False
    conjunctions: tuple[str, ...] = ()
    """Words that join two things: the word before "and 10 others" is not what the 10 count."""
    """Whether "3." before a word is an ordinal ("am 3. Oktober", "der 3. Platz")."""


def _table(text: str) -> dict[str, str]:
    """``"a b: X, c: Y"`` as ``{"a": "X", "b": "X", "c": "Y"}``."""
    table: dict[str, str] = {}
    for entry in text.split(","):
        names, _, value = entry.rpartition(":")
        table.update((name, value.strip()) for name in names.split())
    return table


def _factors(text: str) -> dict[str, float]:
    return {word: float(value) for word, value in _table(text).items()}


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(phrase.strip() for phrase in text.split(",") if phrase.strip())


_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_COMMON_CURRENCIES = "usd us$ dollar dollars dlrs: USD, eur euro euros: EUR, gbp: GBP, chf: CHF, jpy yen: JPY"

FIGURE_WORDS: dict[str, FigureWords] = {
    "english": FigureWords(
        multipliers=_factors(
            "thousand k: 1e3, million millions m mn: 1e6, billion billions bn b: 1e9, trillion tn: 1e12"
        ),
        currencies=_table(_COMMON_CURRENCIES + ", pound pounds sterling: GBP, franc francs: CHF"),
        percent=_phrases("%, percent, per cent, percentage points, points"),
        about=_phrases("about, around, approximately, roughly, some, an estimated, estimated, circa, or so, close to"),
        at_least=_phrases("at least, more than, over, above, upwards of, in excess of, or more, plus, no fewer than"),
        at_most=_phrases("up to, less than, fewer than, under, below, as many as, as much as, at most, no more than"),
        nearly=_phrases("nearly, almost, just under, just short of"),
        range_from=_phrases("from, between"),
        to=("to",),
        time_units=_phrases("year, month, week, day, hour, minute, second, decade, century, night, old, yr, min, sec"),
        ages=("aged", "age", "ages"),
        clock=_phrases("a.m, p.m, am, pm, gmt, utc, est, edt, pst, pdt, bst, cet, o'clock"),
        ordinal_suffixes=("st", "nd", "rd", "th"),
        conjunctions=("and", "or", "but"),
    ),
    "german": FigureWords(
        decimal=",",
        multipliers=_factors("tsd tausend: 1e3, mio million millionen: 1e6, mrd milliarde milliarden: 1e9, bio: 1e12"),
        currencies=_table(_COMMON_CURRENCIES + ", franken: CHF, pfund: GBP"),
        percent=_phrases("%, prozent, prozentpunkte"),
        about=_phrases("etwa, rund, ungefähr, circa, ca, gut, schätzungsweise"),
        at_least=_phrases("mindestens, mehr als, über, wenigstens"),
        at_most=_phrases("bis zu, weniger als, unter, höchstens"),
        nearly=_phrases("fast, knapp, beinahe, nahezu"),
        range_from=_phrases("von, zwischen"),
        to=("zu",),
        time_units=_phrases("jahr, monat, woche, tag, stunde, minute, sekunde, jahrzehnt, alt, jährig, nacht"),
        ages=("alter",),
        clock=("uhr",),
        ordinal_dot=True,
        conjunctions=("und", "oder", "aber"),
    ),
    "french": FigureWords(
        decimal=",",
        multipliers=_factors("mille: 1e3, million millions: 1e6, milliard milliards md mds: 1e9"),
        currencies=_table(_COMMON_CURRENCIES + ", franc francs: CHF, livre livres: GBP"),
        percent=_phrases("%, pour cent, points"),
        about=_phrases("environ, quelque, quelques, près de, autour de, approximativement"),
        at_least=_phrases("au moins, plus de, plus d', au-delà de"),
        at_most=_phrases("jusqu'à, moins de, moins d'"),
        nearly=_phrases("presque, près de, quasiment"),
        range_from=_phrases("de, d', entre"),
        to=("à",),
        time_units=_phrases("an, année, mois, semaine, jour, heure, minute, seconde, décennie, siècle, nuit"),
        ages=("âgé", "âgée", "âgés"),
        clock=("h",),
        ordinal_suffixes=("e", "er", "re", "ème", "eme"),
        conjunctions=("et", "ou", "mais"),
    ),
    "spanish": FigureWords(
        decimal=",",
        multipliers=_factors("mil: 1e3, millón millones: 1e6, billón billones: 1e12"),
        currencies=_table(_COMMON_CURRENCIES + ", peso pesos: MXN"),
        percent=_phrases("%, por ciento, puntos"),
        about=_phrases("unos, unas, alrededor de, cerca de, aproximadamente, en torno a"),
        at_least=_phrases("al menos, más de, por lo menos, como mínimo"),
        at_most=_phrases("hasta, menos de, como máximo"),
        nearly=_phrases("casi"),
        range_from=_phrases("de, desde, entre"),
        to=("a",),
        time_units=_phrases("año, mes, semana, día, hora, minuto, segundo, década, siglo, noche"),
        ages=("edad",),
        clock=("h", "horas"),
        ordinal_suffixes=("º", "ª", "o", "a"),
        conjunctions=("y", "e", "o", "u", "pero"),
    ),
    "italian": FigureWords(
        decimal=",",
        multipliers=_factors("mila: 1e3, milione milioni mln: 1e6, miliardo miliardi mld: 1e9"),
        currencies=_table(_COMMON_CURRENCIES),
        percent=_phrases("%, per cento, punti"),
        about=_phrases("circa, intorno a, quasi, attorno a"),
        at_least=_phrases("almeno, più di, oltre"),
        at_most=_phrases("fino a, meno di"),
        nearly=_phrases("quasi"),
        range_from=_phrases("da, tra, fra"),
        to=("a",),
        time_units=_phrases("anno, anni, mese, settimana, giorno, ora, minuto, secondo, decennio, secolo, notte"),
        clock=("h",),
        ordinal_suffixes=("º", "ª"),
        conjunctions=("e", "ed", "o", "ma"),
    ),
    "portuguese": FigureWords(
        decimal=",",
        multipliers=_factors("mil: 1e3, milhão milhões mi: 1e6, bilhão bilhões bi: 1e9"),
        currencies=_table(_COMMON_CURRENCIES + ", real reais: BRL"),
        percent=_phrases("%, por cento, pontos"),
        about=_phrases("cerca de, aproximadamente, em torno de"),
        at_least=_phrases("pelo menos, mais de, ao menos"),
        at_most=_phrases("até, menos de"),
        nearly=_phrases("quase"),
        range_from=_phrases("de, entre"),
        to=("a",),
        time_units=_phrases("ano, mês, semana, dia, hora, minuto, segundo, década, século, noite"),
        clock=("h",),
        ordinal_suffixes=("º", "ª"),
        conjunctions=("e", "ou", "mas"),
    ),
    "swedish": FigureWords(
        decimal=",",
        multipliers=_factors("tusen: 1e3, miljon miljoner mn: 1e6, miljard miljarder md: 1e9"),
        currencies=_table(_COMMON_CURRENCIES + ", kronor kr sek: SEK"),
        percent=_phrases("%, procent, procentenheter"),
        about=_phrases("cirka, omkring, ungefär, runt"),
        at_least=_phrases("minst, över, mer än, drygt"),
        at_most=_phrases("upp till, mindre än, under, högst"),
        nearly=_phrases("nästan, knappt"),
        range_from=_phrases("från, mellan"),
        to=("mot",),
        time_units=_phrases("år, månad, vecka, dag, timme, minut, sekund, årig, natt"),
        ordinal_suffixes=("e", "a"),
        conjunctions=("och", "eller", "men"),
    ),
    "polish": FigureWords(
        decimal=",",
        multipliers=_factors("tys: 1e3, mln milion miliony milionów: 1e6, mld miliard miliardy miliardów: 1e9"),
        currencies=_table(_COMMON_CURRENCIES + ", zł złotych złote pln: PLN"),
        percent=_phrases("%, procent, proc"),
        about=_phrases("około, ok, blisko"),
        at_least=_phrases("co najmniej, ponad, przeszło, powyżej"),
        at_most=_phrases("do, mniej niż, poniżej"),
        nearly=_phrases("prawie, niemal"),
        range_from=_phrases("od, między"),
        time_units=_phrases("rok, lat, lata, miesiąc, tydzień, dzień, dni, godzina, godzin, minuta, minut, noc"),
        ordinal_dot=True,
        conjunctions=("i", "oraz", "lub", "albo", "ale"),
    ),
    "czech": FigureWords(
        decimal=",",
        multipliers=_factors("tis: 1e3, mil milion milionů miliony: 1e6, mld miliarda miliard miliardy: 1e9"),
        currencies=_table(_COMMON_CURRENCIES + ", kč korun koruny czk: CZK"),
        percent=_phrases("%, procent, procenta, procento"),
        about=_phrases("asi, přibližně, zhruba, kolem, okolo"),
        at_least=_phrases("nejméně, přes, více než, alespoň"),
        at_most=_phrases("až, méně než, nejvýše"),
        nearly=_phrases("téměř, skoro"),
        range_from=_phrases("od, mezi"),
        time_units=_phrases("rok, let, roky, měsíc, týden, den, dní, dny, hodina, hodin, minuta, minut, noc"),
        ordinal_dot=True,
        conjunctions=("a", "i", "nebo", "ale"),
    ),
    "greek": FigureWords(
        decimal=",",
        multipliers=_factors("χιλιάδες: 1e3, εκατ εκατομμύριο εκατομμύρια: 1e6, δισ δισεκατομμύρια: 1e9"),
        currencies=_table(_COMMON_CURRENCIES + ", ευρώ: EUR"),
        percent=_phrases("%, τοις εκατό"),
        about=_phrases("περίπου, γύρω στα, γύρω στους"),
        at_least=_phrases("τουλάχιστον, πάνω από, περισσότερα από, περισσότεροι από"),
        at_most=_phrases("έως, μέχρι, λιγότερα από, λιγότεροι από"),
        nearly=_phrases("σχεδόν"),
        range_from=_phrases("από, μεταξύ"),
        time_units=_phrases("έτος, έτη, χρόνια, χρονών, μήνας, μήνες, εβδομάδα, ημέρα, ημέρες, ώρα, ώρες, λεπτά"),
        conjunctions=("και", "ή", "αλλά"),
    ),
}

_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[^\W_]+(?:(?:[-'’.]|(?<=\d),(?=\d))[^\W_]+)*|[$€£¥%]")
_NUMBER = re.compile(r"(\d+(?:[.,\u00a0\u202f ]\d+)*)([^\W\d_]*)((?:-[^\W_]+)*)")
_SPACED_GROUP = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})*")
_THREE_DIGITS = re.compile(r"\d{3}(?:[.,]\d+)?[^\W\d_]*")
_ELIDED = re.compile(r"^(?:d|l|qu|dell|dall|nell|all)['’]")
_BOUNDARY = re.compile(r"[,;:()\[\]—–\"“”«»]|\s-\s")
_CLAUSE_END = re.compile(r"[;:()\[\]—–]|\.\s")


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def number(self) -> bool:
        return self.text[0].isdigit()


@cache
def _words_for(language: str) -> FigureWords:
    return FIGURE_WORDS.get(language, FIGURE_WORDS["english"])


@cache
def _months(language: str) -> frozenset[str]:
    """Month and weekday names, lower-case and without their dots, from the statements' lexicon."""
    from briefing.statements.lexicon import lexicon

    found = lexicon(language)
    return frozenset(word.lower().rstrip(".") for word in found.months | found.weekdays)


@cache
def _time_units(language: str) -> frozenset[str]:
    """The time words of ``language`` as written and as stems (units are stems)."""
    words = _words_for(language).time_units
    return frozenset(words) | frozenset(map(stemmer(language), words))


@cache
def _not_units(language: str) -> frozenset[str]:
    """Words that never name what a figure counts: stop words, and the words of hedges and ranges."""
    vocabulary = _words_for(language)
    phrases = (*vocabulary.about, *vocabulary.at_least, *vocabulary.at_most, *vocabulary.nearly, *vocabulary.range_from)
    return stop_words(language) | {word for phrase in phrases for word in phrase.split()}


def parse_number(text: str, decimal: str) -> float | None:
    """``1,500`` / ``1.500`` / ``4.2`` / ``4,2`` / ``1 500`` as a number, ``decimal`` being the decimal mark.

    A mark followed by groups of exactly three digits groups thousands unless it
    is the decimal mark; any other is a decimal mark ("1,5" is 1.5 anywhere).
    """
    text = re.sub(r"[ \u00a0\u202f]", "", text)
    marks = [char for char in text if char in ".,"]
    if not marks:
        return float(text)
    if len(set(marks)) == 2:  # "1,234.5" or "1.234,5": the last mark is the decimal one
        whole, _, fraction = text.rpartition(marks[-1])
        return float(re.sub(r"[.,]", "", whole) + "." + fraction)
    groups = re.split(r"[.,]", text)
    if all(len(group) == 3 for group in groups[1:]) and (marks[0] != decimal or len(marks) > 1):
        return float("".join(groups))
    return float(text.replace(",", ".")) if len(marks) == 1 else None


def sentence_figures(text: str, language: str, offset: int = 0) -> list[Figure]:
    """The figures of one sentence ``text``; offsets are ``offset`` plus positions in ``text``."""
    if not _DIGIT.search(text):
        return []
    reader = _Reader(text, language)
    found, taken = [], -1
    for index, token in enumerate(reader.tokens):
        if index > taken and token.number and (figure := reader.figure_at(index)) is not None:
            draft, figure_found = figure
            taken = draft.last
            found.append(replace(figure_found, start=figure_found.start + offset, end=figure_found.end + offset))
    return found


@dataclass
class _Draft:
    """A figure being read: its span, the last token it takes, its values, range and unit."""

    start: int
    end: int
    last: int
    values: tuple[float, ...]
    low: float
    high: float
    unit: str = ""
    parts: list[str] = field(default_factory=list)
    """The words joined to the number by hyphens ("year-old" in "45-year-old")."""
    step: float = 1.0
    """The value of one in the last digit written."""


class _Reader:
    """The figures of one sentence, read number by number."""

    def __init__(self, text: str, language: str) -> None:
        self.text, self.language = text, language
        self.words = _words_for(language)
        tokens = [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        self.tokens = self._spaced_thousands(tokens) if self.words.decimal == "," else tokens

    def _spaced_thousands(self, tokens: list[_Token]) -> list[_Token]:
        """Numbers grouped by spaces ("1 500", also with a no-break space) joined into one token."""
        joined: list[_Token] = []
        for token in tokens:
            last = joined[-1] if joined else None
            if (
                last is not None
                and _SPACED_GROUP.fullmatch(last.text)
                and _THREE_DIGITS.fullmatch(token.text)
                and self.text[last.end : token.start] in (" ", "\u00a0", "\u202f")
            ):
                joined[-1] = _Token(self.text[last.start : token.end], last.start, token.end)
            else:
                joined.append(token)
        return joined

    def token(self, index: int) -> _Token | None:
        return self.tokens[index] if 0 <= index < len(self.tokens) else None

    def apart(self, first: _Token, second: _Token) -> bool:
        """Whether punctuation stands between two tokens: they belong to different parts of the sentence."""
        return _BOUNDARY.search(self.text[first.end : second.start]) is not None

    def figure_at(self, index: int) -> tuple[_Draft, Figure] | None:
        """The figure whose number is token ``index`` (and the draft that says what it takes), if it is one."""
        token = self.tokens[index]
        match = _NUMBER.fullmatch(token.text)
        value = parse_number(match.group(1), self.words.decimal) if match else None
        if match is None or value is None:
            return None
        suffix = match.group(2).lower()
        if self._date_or_time(index, value, suffix) or self._name_or_age(index):
            return None
        draft = _Draft(token.start, token.end, index, (value,), value, value, parts=match.group(3).split("-")[1:])
        draft.step = 10.0 ** -_decimals(match.group(1), self.words.decimal)
        if not (self._pair(draft, index) and self._multiplier(draft, suffix)):
            return None
        self._currency_or_percent(draft, index)
        self._hedge(draft)
        if not draft.unit and not self._counted(draft, index):
            return None
        if draft.unit in _time_units(self.language):
            return None  # an age or a duration
        first = next(position for position, each in enumerate(self.tokens) if each.end > draft.start)
        quantity = Quantity(draft.values, draft.low, None if math.isinf(draft.high) else draft.high)
        figure = Figure(
            quantity,
            draft.unit,
            self.text[draft.start : draft.end],
            draft.start,
            draft.end,
            frozenset(self._about(first, draft.last) - {draft.unit}),
            self._lead(first),
            draft.step,
        )
        return draft, figure

    def _date_or_time(self, index: int, value: float, suffix: str) -> bool:
        """Whether the number is part of a date or a time, a year, an ordinal or a list's number."""
        token, following = self.tokens[index], self.token(index + 1)
        text, words = self.text, self.words
        if re.match(r"[:h]\d", text[token.end : token.end + 2]) or re.search(r"\d[:h]$", text[: token.start]):
            return True  # 10:30, 10h30
        clock = following is not None and following.lower.rstrip(".") in words.clock
        if clock and text[token.end : token.end + 1] == " ":
            return True  # 3 p.m., 10 Uhr
        if any(
            near and near.lower.rstrip(".") in _months(self.language) for near in (self.token(index - 1), following)
        ):
            return True  # Oct. 16, 16 October
        if suffix in words.ordinal_suffixes or (suffix == "s" and _year(value)):
            return True  # 16th, the 1990s
        year = re.fullmatch(r"\d{4}", token.text) is not None and _year(value)
        if year and not (following and following.text == "%"):
            return True  # 1998 (a figure in the thousands is written 1,998)
        ordinal = words.ordinal_dot and re.match(r"\.\s+[^\W\d_]", text[token.end : token.end + 4]) is not None
        return ordinal or (index == 0 and re.match(r"[.)]", text[token.end : token.end + 1]) is not None)

    def _name_or_age(self, index: int) -> bool:
        """Whether the number belongs to a name ("Boeing 747", "Flight 800") or is an age ("Pinochet, 82,")."""
        token, previous = self.tokens[index], self.token(index - 1)
        if previous is None:
            return False
        if previous.lower in self.words.ages:
            return True  # aged 45
        named = previous.text[:1].isupper() and previous.text not in _SYMBOLS
        gap = self.text[previous.end : token.start].strip()
        if named and gap in ("", "No.", "Nr.", "n.") and self.text[: previous.start].strip(" \"“‘'(«„"):
            return True
        return named and gap in (",", "(") and re.match(r"\s*[,)]", self.text[token.end :]) is not None

    def _pair(self, draft: _Draft, index: int) -> bool:
        """Read a vote or a score ("23-14", "23 to 14"), or a range when the pair rises; False when the two
        numbers say where a figure went from and to ("from 23 to 25"), or span years ("1973-90")."""
        second: float | None = None
        if draft.parts and draft.parts[0].isdigit():
            second = parse_number(draft.parts.pop(0), self.words.decimal)
            if second is None or _year(draft.values[0]):
                return False
        elif self._to_number(index):
            after = self.tokens[index + 2]
            second, draft.last, draft.end = float(after.text), index + 2, after.end
        if second is None:
            return True
        if _phrase_before(self.text, draft.start, self.words.range_from) is not None:
            return False
        first = draft.values[0]
        if second > first:
            draft.low, draft.high = first, second
        else:
            draft.values, draft.low, draft.high = (first, second), second, first
        return True

    def _to_number(self, index: int) -> bool:
        """Whether the number at ``index`` is followed by "to" and a second number in one part of the sentence."""
        to, after = self.token(index + 1), self.token(index + 2)
        if to is None or after is None or to.lower not in self.words.to or not after.text.isdigit():
            return False
        return not self.apart(self.tokens[index], to)

    def _multiplier(self, draft: _Draft, suffix: str) -> bool:
        """Apply "bn", "billion", "Mrd." (on the number, joined to it, or after it); a time suffix is no figure."""
        multipliers = self.words.multipliers or {}
        factor = 1.0
        if draft.parts and draft.parts[0].lower() in multipliers:  # "$500 billion-worth"
            factor = multipliers[draft.parts.pop(0).lower()]
        if suffix and len(draft.values) == 1:
            if suffix in self.words.time_units:
                return False
            if suffix in multipliers:
                factor = multipliers[suffix]
            else:
                draft.unit = (self.words.currencies or {}).get(suffix, suffix)  # "100m", "5kg", "30euros"
        elif factor == 1.0 and not draft.parts and (following := self.token(draft.last + 1)) is not None:
            found = multipliers.get(following.lower.rstrip(".").split("-")[0])
            if found:
                factor, draft.last, draft.end = found, draft.last + 1, following.end
        draft.values = tuple(value * factor for value in draft.values)
        draft.low, draft.high, draft.step = draft.low * factor, draft.high * factor, draft.step * factor
        return True

    def _currency_or_percent(self, draft: _Draft, index: int) -> None:
        """A currency before the number ("$4.2bn", "US$ 30", "dlrs 30") or after it ("30 euros"), or a percent."""
        if draft.unit:
            return
        currencies = self.words.currencies or {}
        token, previous, following = self.tokens[index], self.token(index - 1), self.token(draft.last + 1)
        symbol = self.text[token.start - 1 : token.start]
        if symbol in _SYMBOLS:
            draft.unit, draft.start = _SYMBOLS[symbol], token.start - 1
        elif previous is not None and previous.lower in currencies and not self.apart(previous, token):
            draft.unit, draft.start = currencies[previous.lower], previous.start
        elif previous is not None and previous.text in _SYMBOLS and self.text[previous.end : token.start].isspace():
            draft.unit, draft.start = _SYMBOLS[previous.text], previous.start
        elif following is not None and (_bare(following.text) in currencies or following.text in _SYMBOLS):
            draft.unit = currencies.get(_bare(following.text)) or _SYMBOLS[following.text]
            draft.last, draft.end = draft.last + 1, following.end
        elif following is not None and (end := self._percent_at(following)) is not None:
            draft.unit, draft.end = "%", end
            draft.last += sum(1 for each in self.tokens[draft.last + 1 :] if each.end <= end)

    def _percent_at(self, token: _Token) -> int | None:
        """Where a percent sign or word starting at ``token`` ends, or None."""
        rest = self.text[token.start : token.start + 30].lower()
        for phrase in sorted(self.words.percent, key=len, reverse=True):
            if rest.startswith(phrase) and (phrase == "%" or not rest[len(phrase) : len(phrase) + 1].isalnum()):
                return token.start + len(phrase)
        return None

    def _hedge(self, draft: _Draft) -> None:
        """Widen the range by the hedge right before the figure ("at least", "about"), taking it into the span."""
        words = self.words
        for kind, phrases in (
            ("at_least", words.at_least),
            ("at_most", words.at_most),
            ("nearly", words.nearly),
            ("about", words.about),
        ):
            start = _phrase_before(self.text, draft.start, phrases)
            if start is None:
                continue
            draft.start = start
            if len(draft.values) == 1:
                value = draft.values[0]
                draft.low, draft.high = {
                    "at_least": (value, math.inf),
                    "at_most": (0.0, value),
                    "nearly": (value * (1 - APPROXIMATE), value),
                    "about": (value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)),
                }[kind]
            return

    def _counted(self, draft: _Draft, index: int) -> bool:
        """Find what a bare number counts: the word joined to it ("122-seat"), the content word right
        after it ("23 dead"), else the content word right before it ("injuring 162"); False if none."""
        if draft.parts:
            draft.unit = self._content(draft.parts[0])
            return bool(draft.unit)
        following = self.token(draft.last + 1)
        if following is not None and not self.apart(self.tokens[draft.last], following):
            if unit := self._content(following.text):
                draft.unit, draft.end, draft.last = unit, following.end, draft.last + 1
                return True
            if not following.number and following.lower not in _not_units(self.language):
                return False  # a word that counts nothing: "3G", "B-52s"
        before = self._word_before(index, units=True)
        if before is not None:
            draft.unit, draft.start = self._content(before.text), min(draft.start, before.start)
        return before is not None

    def _word_before(self, index: int, *, units: bool) -> _Token | None:
        """The content word right before token ``index``, with at most two stop words between and nothing
        that ends the part of the sentence; with ``units``, any other word stops the search."""
        for position in range(index - 1, max(index - 4, -1), -1):
            previous = self.tokens[position]
            if previous.number or self.apart(previous, self.tokens[position + 1]):
                return None
            if self._content(previous.text):
                return previous
            if units and (previous.lower not in _not_units(self.language) or previous.lower in self.words.conjunctions):
                return None
        return None

    def _content(self, word: str) -> str:
        """The stem of ``word`` if it can name what a figure counts (letters, not a stop word), else ``""``."""
        lower = _bare(word)
        if not lower.replace("-", "").isalpha() or lower in _not_units(self.language):
            return ""
        return stemmer(self.language)(lower)

    def _about(self, first: int, last: int) -> set[str]:
        """Stems of the content words around tokens ``first`` to ``last``, up to :data:`WINDOW` on each
        side, within the clause and not past another number."""
        around: set[str] = set()
        for step, begin in ((-1, first), (1, last)):
            position, taken = begin, 0
            while taken < WINDOW and (near := self.token(position + step)) is not None and not near.number:
                here = self.tokens[position]
                between = self.text[near.end : here.start] if step < 0 else self.text[here.end : near.start]
                if _CLAUSE_END.search(between):
                    break
                term = next(iter(event_terms(near.text, self.language)), "")
                if term and not _DIGIT.search(term):
                    around.add(term)
                    taken += 1
                position += step
        return around

    def _lead(self, first: int) -> str:
        """The stem of the content word that governs a figure, right before it ("killed 23", "injured at
        least 41"), else ``""``."""
        before = self._word_before(first, units=False)
        return self._content(before.text) if before is not None else ""


def _decimals(number: str, decimal: str) -> int:
    """How many digits a number is written with after its decimal mark ("4.2" one, "1,500" none)."""
    value = parse_number(number, decimal)
    return 0 if value is None or value.is_integer() else len(re.split(r"[.,]", number)[-1])


def _year(value: float) -> bool:
    return value.is_integer() and 1800 <= value <= 2100


def _bare(word: str) -> str:
    """``word`` lower-case without an elided article or preposition ("d'euros" is "euros")."""
    return _ELIDED.sub("", word.lower())


def _phrase_before(text: str, start: int, phrases: tuple[str, ...]) -> int | None:
    """Where one of ``phrases`` starts when it ends right before ``start`` (only spaces between), or None."""
    window = text[max(0, start - 30) : start]
    before = window.lower().rstrip()
    for phrase in sorted(phrases, key=len, reverse=True):
        if before.endswith(phrase) and (len(before) == len(phrase) or not before[-len(phrase) - 1].isalnum()):
            return start - (len(window) - len(before)) - len(phrase)
    return None
