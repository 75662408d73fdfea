"""Rankers by name: each picks ``k`` sentences and says how strongly it wanted each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module

from briefing.models import Sentence
from briefing.text import SumyTokenizer, words

Picks = list[tuple[int, float]]
"""(sentence index, score) for every sentence picked."""

Method = Callable[[Sequence[Sentence], int, str], Picks]


def lead(sentences: Sequence[Sentence], k: int, language: str) -> Picks:
    """The first ``k`` sentences: the baseline every news summary must beat."""
    return [(index, 1.0 - index / max(1, len(sentences))) for index in range(min(k, len(sentences)))]


_STIGMA = frozenset({"allegedly", "hardly", "maybe", "perhaps", "reportedly", "rumoured", "unconfirmed"})

_SUMY = {
    "edmundson": "sumy.summarizers.edmundson:EdmundsonSummarizer",
    "kl": "sumy.summarizers.kl:KLSummarizer",
    "lexrank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "lsa": "sumy.summarizers.lsa:LsaSummarizer",
    "luhn": "sumy.summarizers.luhn:LuhnSummarizer",
    "reduction": "sumy.summarizers.reduction:ReductionSummarizer",
    "sumbasic": "sumy.summarizers.sum_basic:SumBasicSummarizer",
    "textrank": "sumy.summarizers.text_rank:TextRankSummarizer",
}


def _sumy_method(target: str) -> Method:
    """sumy's summarizer, fed our sentences so that its picks map back to offsets."""

    def pick(sentences: Sequence[Sentence], k: int, language: str) -> Picks:
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence
        from sumy.nlp.stemmers import Stemmer
        from sumy.utils import get_stop_words

        module, name = target.split(":")
        summarizer = getattr(import_module(module), name)(Stemmer(language))
        stop_words = frozenset(get_stop_words(language))
        if name == "EdmundsonSummarizer":
            # Edmundson's cue words: the lead's content words count for a
            # sentence, hedges count against it.
            summarizer.null_words = stop_words
            summarizer.bonus_words = frozenset(w.lower() for w in words(sentences[0].text)) - stop_words
            summarizer.stigma_words = _STIGMA
        else:
            summarizer.stop_words = stop_words
        tokenizer = SumyTokenizer(language)
        wrapped = [SumySentence(s.text, tokenizer) for s in sentences]
        index_of = {id(sentence): index for index, sentence in enumerate(wrapped)}
        chosen = summarizer(ObjectDocumentModel([Paragraph(wrapped)]), k)
        return [(index_of[id(sentence)], 1.0) for sentence in chosen]

    pick.__doc__ = f"sumy's {target.rsplit(':', 1)[1]}."
    return pick


METHODS: dict[str, Method] = {"lead": lead} | {name: _sumy_method(target) for name, target in _SUMY.items()}
