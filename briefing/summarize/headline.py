"""A story's headline: its most representative title without the site's furniture, or its lead made short.

Titles from the web carry the site's name, section or date after a
separator ("… | DW | 19.01.2020", "… - Reuters", "… — The Guardian"). A part
after the last separator is cut when its shape says furniture: a date; the
document's ``source`` or web host; a part other titles of the story end with
too; a news agency's name; after a bar, a few capitalised words; after a
dash, two to four capitalised words. A title whose dash introduces a real
part ("Wales stars need a rest - Ruddock", "Brexit - what happens next")
keeps it.

Without a title, the headline is the lead sentence without its dateline
("MUNICH, Germany (AP) _", "ISLAMABAD:", "BERLIN (dpa) -"), cut at a clause
boundary (a comma, semicolon, colon or dash) to about :data:`HEADLINE_WORDS`
words, else before the last function word that starts a phrase ("on
Tuesday", "after record rain"; an article does not count, as it may start a
verb's object): never in the middle of one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from briefing.languages import known_language
from briefing.models import Document, HeadlineSource
from briefing.summarize.cluster import centrality_order
from briefing.summarize.terms import function_words
from briefing.text import dateline_end, split_sentences
from briefing.text.controls import one_line

HEADLINE_WORDS = 14
"""Most words of a headline made from a sentence (a clause boundary may allow two more)."""
SHORTEST_CLAUSE = 4
"""Fewest words before a clause boundary that the headline may end at."""
UNTITLED = "Untitled story"

_SEPARATOR = re.compile(r"\s+(?:[|·•]|::|//|[-–—]{1,2})\s+")
_BAR = re.compile(r"[|·•]|::|//")
_DATE_LIKE = re.compile(r"[\d\s./:-]+|\d{1,2}\.?\s+\w+\.?\s+\d{4}|\w+\.?\s+\d{1,2},?\s+\d{4}")
_DOMAIN = re.compile(r"\w+\.(?:com|org|net|co|de|fr|uk|it|es|pt|pl|cz|gr|se|eu|info|news)\b", re.I)
_AGENCIES = frozenset(
    {"reuters", "ap", "afp", "dpa", "ansa", "efe", "xinhua", "tass", "bloomberg", "upi", "pti", "ians", "anadolu"}
    | {"associated press", "agence france-presse", "press association", "kyodo", "yonhap", "ctk", "pap"}
)
_DASH = re.compile(r"[-–—_]+")
_ARTICLES = {
    language: frozenset(words.split())
    for language, words in {
        "english": "the a an this that these those",
        "french": "le la les l un une des du ce cet cette ces",
        "german": "der die das den dem des ein eine einen einem einer eines",
        "spanish": "el la los las un una unos unas",
        "italian": "il lo la i gli le un uno una",
        "portuguese": "o a os as um uma uns umas",
        "swedish": "en ett den det de",
        "greek": "ο η το οι τα ένας μια ένα",
    }.items()
}  # Czech and Polish have no articles
"""Words a noun phrase starts with: a headline never ends just before one (it would cut a verb from its object)."""
_TRIM = " ,;:.-–—_"


def story_headline(documents: Sequence[Document]) -> tuple[str, HeadlineSource | None]:
    """The story's headline and where it comes from (``None`` only for a story with no words)."""
    order = centrality_order(documents)
    last_parts = [_parts(doc.title)[-1] for doc in documents if doc.title and len(_parts(doc.title)) > 1]
    for index in order:
        doc = documents[index]
        if doc.title and (title := site_furniture_removed(doc.title, doc, last_parts)):
            return title, HeadlineSource(document=doc.id, kind="title")
    for index in order:
        if found := _lead_headline(documents[index]):
            return found
    return UNTITLED, None


def story_title(documents: Sequence[Document]) -> str:
    """The story's headline (see :func:`story_headline`), one clean line, never empty."""
    return story_headline(documents)[0]


def _parts(title: str) -> list[str]:
    return _SEPARATOR.split(one_line(title))


def site_furniture_removed(title: str, document: Document, other_endings: Sequence[str] = ()) -> str:
    """``title`` on one line without the site's name, section or date after its last separators.

    ``other_endings`` are the last parts of the story's other titles: a part
    several titles end with is the site's, whatever its shape.
    """
    text = one_line(title)
    while match := _last_separator(text):
        head, tail = text[: match.start()], text[match.end() :]
        if not head or not _is_furniture(tail, match.group().strip(), document, other_endings, head):
            break
        text = head
    return text


def _last_separator(text: str) -> re.Match[str] | None:
    separators = list(_SEPARATOR.finditer(text))
    return separators[-1] if separators else None


def _is_furniture(part: str, separator: str, document: Document, other_endings: Sequence[str], head: str) -> bool:
    words = part.split()
    name = _letters(part)
    if _DATE_LIKE.fullmatch(part) or part.lower() in _AGENCIES or _DOMAIN.search(part):
        return True
    if name and (name in _site_names(document) or sum(_letters(e) == name for e in other_endings) > 1):
        return True
    capitalised = all(w[0].isupper() or not w[0].isalpha() for w in words)
    if _BAR.fullmatch(separator):
        return capitalised and len(words) <= 5
    return capitalised and 2 <= len(words) <= 4 and len(head.split()) >= 3


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _site_names(document: Document) -> set[str]:
    """The document's outlet as letters only: its ``source`` and its web host's name ("dw", "theguardian")."""
    names = {_letters(document.source)} if document.source else set()
    if document.url and (host := urlsplit(document.url).hostname):
        labels = host.removeprefix("www.").split(".")
        names |= {_letters(labels[0]), _letters("".join(labels[:-1]))}
    return names - {""}


def _lead_headline(document: Document) -> tuple[str, HeadlineSource] | None:
    """A headline from the document's first sentence, or ``None`` when it has none with words."""
    language = known_language(document.language)
    text = document.prose
    first = split_sentences(text, document.id, language)[:1]
    if not first:
        return None
    sentence = first[0]
    start = sentence.start + dateline_end(sentence.text)
    end = start + _headline_length(text[start : sentence.end], language)
    while end > start and text[end - 1] in _TRIM + "\n\t":
        end -= 1
    headline = one_line(text[start:end])
    if not any(ch.isalnum() for ch in headline):
        return None
    return headline, HeadlineSource(document=document.id, kind="sentence", start=start, end=end)


def _headline_length(sentence: str, language: str) -> int:
    """How many characters of ``sentence`` make its headline: all of it when short, else up to
    a clause boundary, else up to the last phrase that starts within :data:`HEADLINE_WORDS` words.
    """
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", sentence)]
    if len(spans) <= HEADLINE_WORDS:
        return len(sentence)
    tokens = [sentence[a:b] for a, b in spans]
    clause_ends = [
        n for n in range(SHORTEST_CLAUSE, min(len(tokens), HEADLINE_WORDS + 2) + 1) if _ends_clause(tokens, n)
    ]
    within = [n for n in clause_ends if n <= HEADLINE_WORDS]
    if within or clause_ends:
        n = max(within) if within else min(clause_ends)
        return spans[n - 1][1]
    stops = function_words(language)
    phrase_starts = [
        n
        for n in range(SHORTEST_CLAUSE, HEADLINE_WORDS + 1)
        if _bare(tokens[n]) in stops and _bare(tokens[n - 1]) not in stops
    ]
    articles = _ARTICLES.get(language, frozenset())
    n = max([n for n in phrase_starts if _bare(tokens[n]) not in articles] or phrase_starts or [HEADLINE_WORDS])
    return spans[n - 1][1]


def _ends_clause(tokens: Sequence[str], count: int) -> bool:
    """Whether a clause ends after the first ``count`` tokens: on a comma, semicolon or colon, or before a dash."""
    return tokens[count - 1].endswith((",", ";", ":")) or (count < len(tokens) and bool(_DASH.fullmatch(tokens[count])))


def _bare(token: str) -> str:
    return token.strip("\"'“”‘’«»„()[],;:.!?").lower()
