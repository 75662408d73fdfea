"""Rankers by name: ``lead``, every sumy method, and our own (the default)."""

from __future__ import annotations

from importlib import import_module

from briefing.errors import ConfigError
from briefing.summarize import news
from briefing.summarize.lexrank import lexrank, sumy_stemmer
from briefing.summarize.pool import Method, Picks, Pool
from briefing.text import SumyTokenizer, words


def lead(pool: Pool, k: int) -> Picks:
    """The first ``k`` sentences: the baseline every news summary must beat."""
    count = len(pool.sentences)
    return [(index, 1.0 - index / max(1, count)) for index in range(min(k, count))]


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


_SUMY_LIMITS = {"kl": 200, "lexrank": 1_000, "lsa": 1_000, "reduction": 1_000, "textrank": 1_000}
"""Most sentences each sumy method is given: its pure-Python loops grow with the square (KL: the
cube) of the count; LexRank takes about 14 s for 1,000 sentences and 2 minutes for 3,000."""
_SUMY_LIMIT = 10_000


def sumy_method(name: str, *, limited: bool = True) -> Method:
    """sumy's summarizer ``name``, fed our sentences so that its picks map back to offsets.

    ``limited``: refuse more sentences than the method can rank in reasonable time.
    """
    module, class_name = _SUMY[name].split(":")
    limit = _SUMY_LIMITS.get(name, _SUMY_LIMIT)

    def pick(pool: Pool, k: int) -> Picks:
        if limited and len(pool.sentences) > limit:
            raise ConfigError(
                f"method {name!r} takes at most {limit:,} sentences (this text has {len(pool.sentences):,}); "
                f"the default method 'news' has no such limit"
            )
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence
        from sumy.utils import get_stop_words

        stop_words = frozenset(get_stop_words(pool.language))
        if not any({w.lower() for w in words(s.text)} - stop_words for s in pool.sentences):
            # Nothing but stop words: sumy's graph methods divide by zero; there is nothing to rank.
            return lead(pool, k)
        summarizer = getattr(import_module(module), class_name)(sumy_stemmer(pool.language))
        if class_name == "EdmundsonSummarizer":
            # Edmundson's cue words: the lead's content words count for a
            # sentence, hedges count against it.
            summarizer.null_words = stop_words
            # sumy refuses an empty set: a lead of stop words only keeps them.
            lead_words = frozenset(w.lower() for w in words(pool.sentences[0].text))
            summarizer.bonus_words = (lead_words - stop_words) or lead_words
            summarizer.stigma_words = _STIGMA
        else:
            summarizer.stop_words = stop_words
        tokenizer = SumyTokenizer(pool.language)
        wrapped = [SumySentence(s.text, tokenizer) for s in pool.sentences]
        index_of = {id(sentence): index for index, sentence in enumerate(wrapped)}
        chosen = summarizer(ObjectDocumentModel([Paragraph(wrapped)]), k)
        return [(index_of[id(sentence)], 1.0) for sentence in chosen]

    pick.__doc__ = f"sumy's {class_name}."
    return pick


METHODS: dict[str, Method] = (
    {"news": news.rank, "lead": lead}
    | {name: sumy_method(name) for name in _SUMY}
    | {"lexrank": lexrank}  # the same picks as sumy's, in a fraction of the time
)
"""Every ranker by the name ``--method`` takes."""
