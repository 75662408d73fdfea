"""The cleaning stage, between loading and splitting: what is prose, what is furniture, and which language.

A loaded page still carries lines that look like prose and are not: "Submit
your letter to the editor via this form.", "Photo: AP", a shop's "(jetzt am
Kiosk oder hier zu bestellen)", an editor's "Update July 3rd, 8:05AM ET: …",
share and cookie lines, bullets and stray markup, a download page's
"Разработчик:". :func:`clean_document` finds them as whole lines and records
them as :attr:`Document.furniture` spans; the text itself is never changed,
so every offset still points into the text as loaded, and the later stages
read :attr:`Document.prose`, the text with those lines blanked.

It also settles each document's language (the one its input declares, else
the one py3langid sees, else the run's default) and tells a document that is
not an article at all (template placeholders, markup served as text, a caption,
a text with no common word of its language) so that it becomes one warning,
not a story. Stop words come from jusText's lists, which cover every supported
language; ``benchmarks/clean.py`` measures how much of clean news is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from briefing.languages import SUPPORTED_LANGUAGES, check_language, language_name
from briefing.models import Document

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

MIN_PROSE_WORDS = 6
"""Fewer words of prose than this is a stub or a menu, not an article (one short sentence is news)."""
CAPTION_WORDS = 30
"""A text with a picture credit and fewer words of prose than this is a caption, not an article."""
MIN_COMMON_SHARE = 0.05
"""A text of many words of which fewer than this share are common words of its language is not prose."""
COMMON_SHARE_WORDS = 30
"""Words a text needs before its share of common words is taken to say anything."""
DETECT_SAMPLE = 2_000
"""Characters of prose the language detector reads: enough to be sure, cheap on a long text."""
DETECT_MIN_LETTERS = 40
"""Fewer letters than this, and a document's language cannot be told: it gets the run's default."""
DETECT_CONFIDENCE = 0.6
"""Probability the detector must give its first language for the document to be read in it."""

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’»)]\s*$")
_FULL_STOP = re.compile(r"[.!?…]\s*$")
_TAG = re.compile(r"<[/!?]?[A-Za-z][^<>]*>|<[/!?]?[A-Za-z][^<>]*$")
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\$\{[^}]*\}|\{\{.*$")
_NOT_WORDS = re.compile(r"^[\W_\d]*$")
"""A line of bullets, rules, figures and punctuation only: "•", "* * *", "|", "1 / 12"."""
_UNITS = re.compile(r"(?i)\b(?:[kmg]i?b|bytes?|k?px|pixels?|ko|mo|go|x|dpi|[кмг]б|(?:кило|мега|гига)?байт\w*)\b")

_WHOLE_LINES = {
    # The line is nothing but one of these (case and punctuation aside): buttons, labels, slots.
    "english": "advertisement|advert|sponsored|sponsored content|share|share this|share this article|share this story"
    "|share on facebook|share on twitter|print|print this page|email|e-mail|facebook|twitter|whatsapp|linkedin"
    "|pinterest|reddit|comments|comment|show comments|related|related articles|related stories|related content"
    "|more on this story|top stories|most read|most popular|read more|read next|skip to content|skip to main content"
    "|back to top|menu|home|listen|watch|play|close|next|previous|loading|copy link|link copied|follow",
    "german": "anzeige|werbung|teilen|artikel teilen|drucken|kommentare|kommentieren|mehr zum thema|lesen sie auch"
    "|zur startseite|weiterlesen|mehr lesen|schließen|nach oben|link kopieren",
    "french": "publicité|partager|partager cet article|imprimer|commentaires|réagir|lire aussi|à lire aussi"
    "|lire la suite|fermer|retour en haut|copier le lien|sur le même sujet",
    "spanish": "publicidad|compartir|imprimir|comentarios|lee también|leer más|cerrar|volver arriba",
    "italian": "pubblicità|condividi|stampa|commenti|leggi anche|leggi di più|chiudi|torna su",
    "portuguese": "publicidade|partilhar|compartilhar|imprimir|comentários|leia também|leia mais|fechar",
    "polish": "reklama|udostępnij|drukuj|komentarze|czytaj też|czytaj także|czytaj więcej|zamknij",
    "czech": "reklama|sdílet|tisk|vytisknout|komentáře|diskuse|čtěte také|čtěte též|zavřít",
    "swedish": "annons|dela|skriv ut|kommentarer|läs också|läs mer|stäng",
    "greek": "διαφήμιση|κοινοποίηση|εκτύπωση|σχόλια|διαβάστε επίσης|διαβάστε περισσότερα|κλείσιμο",
}
_PROMPTS = {
    # Anywhere in a short line: calls to action, newsletter and shop prompts, cookie and rights notices.
    "english": r"\bletters? to the editor\b|\bsubmit (?:your|a) (?:letter|story|tip|photo|comment)"
    r"|\b(?:sign up|subscribe|register)\b.{0,40}\b(?:newsletter|inbox|alerts?|free|now|today|here)\b"
    r"|\bnewsletter\b.{0,40}\b(?:sign up|subscribe|inbox)\b|\bclick here\b|\bfollow us\b|\bdownload (?:our|the) app\b"
    r"|\bwe use cookies\b|\bcookie (?:policy|settings|preferences)\b|\baccept (?:all )?cookies\b"
    r"|\ball rights reserved\b|\bshare (?:this|on)\b.{0,20}\b(?:article|story|page|facebook|twitter|whatsapp|email)\b"
    r"|\b(?:buy|order|get) (?:it|your copy|a copy|tickets)\b.{0,20}\b(?:now|here|online|today)\b"
    r"|\bon newsstands\b|\bsupport (?:our|independent) journalism\b|\bthis form\b|\bterms of (?:use|service)\b"
    r"|\bprivacy policy\b",
    "german": r"\bnewsletter\b.{0,40}\b(?:abonnieren|anmelden|bestellen|registrieren)\b"
    r"|\b(?:abonnieren|anmelden)\b.{0,40}\bnewsletter\b|\bam kiosk\b|\bhier (?:zu )?(?:bestellen|abonnieren|kaufen)\b"
    r"|\bjetzt (?:abonnieren|bestellen|kaufen|testen|registrieren|anmelden)\b|\bleserbrief|\bcookies?\b.{0,40}"
    r"\b(?:verwenden|akzeptieren|einstellungen|zustimmen)\b|\balle rechte vorbehalten\b|\bfolgen sie uns\b",
    "french": r"\babonnez-vous\b|\binscrivez-vous\b|\bs'abonner\b|\bnewsletter\b|\blettre d'information\b"
    r"|\bcourrier des lecteurs\b|\bcookies?\b.{0,40}\b(?:utilisons|accepter|paramétrer|consentement)\b"
    r"|\btous droits réservés\b|\bsuivez-nous\b|\ben kiosque\b|\bcommander ici\b",
    "spanish": r"\bsuscríbete\b|\bsuscribirse\b|\bboletín\b.{0,30}\bsuscri|\btodos los derechos reservados\b"
    r"|\butilizamos cookies\b|\bsíguenos\b",
    "italian": r"\biscriviti\b|\bnewsletter\b.{0,30}\biscri|\btutti i diritti riservati\b|\butilizziamo (?:i )?cookie"
    r"|\bseguici\b",
    "portuguese": r"\binscreva-se\b|\bassine (?:já|a nossa|o nosso)\b|\btodos os direitos reservados\b"
    r"|\b(?:usamos|utilizamos) cookies\b|\bsiga-nos\b",
    "polish": r"\bzapisz się\b|\bsubskrybuj\b|\bwszelkie prawa zastrzeżone\b|\bużywamy (?:plików )?cookies\b",
    "czech": r"\bpřihlaste se k odběru\b|\bodebírejte\b|\bvšechna práva vyhrazena\b|\bpoužíváme (?:soubory )?cookies\b",
    "swedish": r"\bprenumerera\b|\balla rättigheter förbehållna\b|\bvi använder cookies\b",
    "greek": r"\bεγγραφείτε\b|\bόλα τα δικαιώματα\b|\bχρησιμοποιούμε cookies\b",
}
_LEADS = (
    # At the start of a short line: photo and image credits.
    r"(?:photo(?:graph)?s?|pictures?|images?|video|credits?|illustration|graphic|foto(?:s|grafie)?|bild(?:er)?"
    r"|quelle|crédits?(?: photo)?|fotografía|imagen|immagine|fotografia|zdjęcie|fot\.|snímek|bild|φωτογραφία)"
    r"\s*(?:credit)?\s*:\s*\S",
    # Editor's notes: "Update July 3rd, 8:05AM ET: …", "Aktualisierung, 12 Uhr: …".
    r"(?:\*\*|\[)?(?:update[ds]?|editor'?s note|correction|clarification|aktualisierung|aktualisiert|nachtrag"
    r"|korrektur|anmerkung der redaktion|mise à jour|rectificatif|note de la rédaction|actualización|aggiornamento"
    r"|atualização|aktualizacja|aktualizace|uppdatering|uppdaterad|ενημέρωση)\b[^:\n]{0,60}:",
)
_CREDIT = re.compile(r"(?i)(?:©|\(c\)\s*\d{4}|\b(?:photo|foto|bild|image|picture|crédit photo)\s*:\s*[\w©])")
"""A credit inside a caption line: the line is the caption of a picture."""
_MAX_FURNITURE_WORDS = 40
"""A prompt, credit or note is a short line; a longer one that mentions a newsletter is prose."""
_LABEL = re.compile(r"^\s*[^\W\d_][\w .'/-]{0,30}:\s*$")
_FIELD = re.compile(r"^\s*[^\W\d_][\w .'/()-]{0,30}:\s+\S.{0,60}$")


def _alternatives(patterns: dict[str, str]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns.values())


_WHOLE_LINE = re.compile(rf"(?i)^[\W_]*(?:{_alternatives(_WHOLE_LINES)})[\W_]*$")
_PROMPT = re.compile(rf"(?i){_alternatives(_PROMPTS)}")
_LEAD = re.compile(rf"(?i)^[\W_]*(?:{'|'.join(_LEADS)})")
_CREDIT_LINE = re.compile(rf"(?im)^[\W_]*(?:{_LEADS[0]})")


@dataclass(frozen=True)
class Cleaned:
    """A document with its furniture and language settled, or the reason it is not an article."""

    document: Document
    not_an_article: str | None = None
    """Why this document is left out (it is one warning, not a story); ``None`` for an article."""
    note: str | None = None
    """Something the reader should know though the document is kept (an unsupported language)."""


def lines(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every line of ``text``, without its line break."""
    start = 0
    for match in re.finditer(r"\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def furniture_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The lines of ``text`` that are page furniture, as spans (see the module docstring)."""
    spans = list(lines(text))
    found = []
    for index, (start, end) in enumerate(spans):
        line = text[start:end]
        if line.strip() and (_is_furniture(line) or _in_field_list(text, spans, index)):
            found.append((start, end))
    return tuple(found)


def _is_furniture(line: str) -> bool:
    words = len(line.split())
    if _NOT_WORDS.match(line) or _WHOLE_LINE.match(line):
        return True
    if _markup_share(line) >= 0.5:
        return True
    if words > _MAX_FURNITURE_WORDS:
        return False
    if _LEAD.match(line) or _PROMPT.search(line) or _CREDIT.search(line):
        return True
    # Sizes and dimensions: "360 x 640 (34,56 килобайт)", "2.4 MB".
    letters = sum(char.isalpha() for char in _UNITS.sub("", line))
    return words <= 8 and letters < 0.3 * len(line.replace(" ", "")) and not _FULL_STOP.search(line)


def _markup_share(line: str) -> float:
    """The share of a line's characters that are HTML tags or template placeholders."""
    marked = sum(len(m.group()) for m in _TAG.finditer(line)) + sum(len(m.group()) for m in _PLACEHOLDER.finditer(line))
    return marked / max(1, len(line.strip()))


def _in_field_list(text: str, spans: list[tuple[int, int]], index: int) -> bool:
    """A line of a download page's field list: "Developer:" over its value, or three "Label: value" lines in a row."""
    line = text[spans[index][0] : spans[index][1]]
    if _LABEL.match(line):
        following = next((text[s:e] for s, e in spans[index + 1 :] if text[s:e].strip()), "")
        return 0 < len(following.split()) <= 6 and not _SENTENCE_END.search(following)
    if not _FIELD.match(line) or _SENTENCE_END.search(line):
        return False
    run = [index]
    for step in (-1, 1):
        position = index + step
        while 0 <= position < len(spans) and _FIELD.match(text[spans[position][0] : spans[position][1]]):
            run.append(position)
            position += step
    return len(run) >= 3


@cache
def common_words(language: str) -> frozenset[str]:
    """jusText's stop words for a supported language, lower-cased."""
    import justext

    return frozenset(word.lower() for word in justext.get_stoplist(check_language(language).capitalize()))


@cache
def _identifier() -> LanguageIdentifier:
    """py3langid's model, which ships inside the package (about 1.5 s to load, once per process)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The language of ``text`` by name (supported or not), or ``None`` when it cannot be told.

    Too few letters, or a first guess below :data:`DETECT_CONFIDENCE`, cannot
    be told. Long texts are read in three samples (start, middle, end).
    """
    if len(text) > DETECT_SAMPLE:
        third = DETECT_SAMPLE // 3
        middle = len(text) // 2
        text = " ".join((text[:third], text[middle : middle + third], text[-third:]))
    if sum(char.isalpha() for char in text) < DETECT_MIN_LETTERS:
        return None
    code, probability = _identifier().classify(text)
    if probability < DETECT_CONFIDENCE:
        return None
    return language_name(code)


def clean_document(document: Document, default_language: str) -> Cleaned:
    """The document with its furniture found and its language settled, or why it is not an article."""
    furniture = furniture_spans(document.text)
    cleaned = replace(document, furniture=furniture)
    prose = cleaned.prose
    declared = document.language
    found = declared or detect_language(prose) or default_language
    if declared and _common_share(prose, declared) < MIN_COMMON_SHARE:
        found = detect_language(prose) or declared  # a page that says "en" over German text
    language = found if found in SUPPORTED_LANGUAGES else default_language
    note = None
    if found != language:
        note = f"its language is {found.capitalize()}, which briefing does not read; read as {language.capitalize()}"
    cleaned = replace(cleaned, language=language)
    return Cleaned(cleaned, _not_an_article(document.text, prose, language), note)


def _common_share(prose: str, language: str) -> float:
    """The share of the words of ``prose`` that are common words of ``language`` (1 for a short or unknown one)."""
    words = _WORD.findall(prose)
    if len(words) < COMMON_SHARE_WORDS or language not in SUPPORTED_LANGUAGES:
        return 1.0
    common = common_words(language)
    return sum(word.lower() in common for word in words) / len(words)


def _not_an_article(text: str, prose: str, language: str) -> str | None:
    """Why a text is not an article, or ``None``: placeholders, markup, a caption, too little prose, no common words."""
    words = [word.lower() for word in _WORD.findall(prose)]
    if len(words) < CAPTION_WORDS and (_CREDIT.search(text) or _CREDIT_LINE.search(text)):
        return "not an article: a picture's caption and credit"
    if len(words) >= MIN_PROSE_WORDS:
        if _common_share(prose, language) < MIN_COMMON_SHARE:
            name = language.capitalize()
            return f"not an article: hardly any of its {len(words):,} words is a common {name} word"
        return None
    if _PLACEHOLDER.search(text):
        return "not an article: its text is template placeholders"
    if sum(len(m.group()) for m in _TAG.finditer(text)) > len(text) / 4:
        return "not an article: its text is markup (an HTML page served as plain text?)"
    return f"not an article: too little prose ({len(words)} word{'s' if len(words) != 1 else ''})"
