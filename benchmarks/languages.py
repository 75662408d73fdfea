"""How well, and how fast, the cleaning stage tells a document's language.

    PYTHONPATH=. python benchmarks/languages.py [--bbc PATH] [--lingua]

Texts: for every supported language, the short reports below (written for
this benchmark, on other news than the tests' fixtures), read whole and
sentence by sentence; with ``--bbc`` (a JSON Lines file with ``article``), the
BBC articles whole, their headline lines, and their sentences of 8 words or
more. A text is right when :func:`detect_language` names its language; "not
told" counts separately (such a document gets the run's default). With
``--lingua`` the same texts go to lingua-language-detector (if it is
installed) for comparison.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from briefing.languages import language_name
from briefing.text import split_sentences
from briefing.text.clean import _identifier, detect_language

REPORTS = {
    "czech": [
        "Povodeň zaplavila v noci dolní část města a hasiči evakuovali přes dvě stě obyvatel. "
        "Hladina řeky stoupla o tři metry během šesti hodin. Starosta vyhlásil třetí stupeň povodňové aktivity.",
        "Vláda ve středu schválila zvýšení minimální mzdy od ledna příštího roku. "
        "Odbory návrh uvítaly, zaměstnavatelé varují před propouštěním v malých firmách.",
    ],
    "english": [
        "Floodwater swept through the lower town overnight and firefighters evacuated more than two hundred people. "
        "The river rose by three metres in six hours. The mayor declared the highest flood alert.",
        "The government on Wednesday approved a rise in the minimum wage from January. "
        "Unions welcomed the plan, while employers warned of job losses at small firms.",
    ],
    "french": [
        "La crue a envahi la ville basse pendant la nuit et les pompiers ont évacué plus de deux cents habitants. "
        "Le niveau de la rivière est monté de trois mètres en six heures. Le maire a déclenché l'alerte maximale.",
        "Le gouvernement a approuvé mercredi une hausse du salaire minimum à partir de janvier. "
        "Les syndicats ont salué la mesure, tandis que les employeurs craignent des suppressions d'emplois.",
    ],
    "german": [
        "Das Hochwasser hat in der Nacht die Unterstadt überflutet, die Feuerwehr brachte mehr als zweihundert "
        "Menschen in Sicherheit. Der Fluss stieg binnen sechs Stunden um drei Meter. Der Bürgermeister rief die "
        "höchste Warnstufe aus.",
        "Die Regierung hat am Mittwoch eine Erhöhung des Mindestlohns ab Januar beschlossen. "
        "Die Gewerkschaften begrüßten den Plan, die Arbeitgeber warnen vor Stellenabbau in kleinen Betrieben.",
    ],
    "greek": [
        "Η πλημμύρα κατέκλυσε τη νύχτα την κάτω πόλη και οι πυροσβέστες απομάκρυναν περισσότερους από διακόσιους "
        "κατοίκους. Η στάθμη του ποταμού ανέβηκε τρία μέτρα μέσα σε έξι ώρες. Ο δήμαρχος κήρυξε τον υψηλότερο "
        "βαθμό συναγερμού.",
        "Η κυβέρνηση ενέκρινε την Τετάρτη αύξηση του κατώτατου μισθού από τον Ιανουάριο. "
        "Τα συνδικάτα χαιρέτισαν το σχέδιο, ενώ οι εργοδότες προειδοποιούν για απολύσεις σε μικρές επιχειρήσεις.",
    ],
    "italian": [
        "L'alluvione ha invaso nella notte la città bassa e i vigili del fuoco hanno evacuato più di duecento "
        "abitanti. Il livello del fiume è salito di tre metri in sei ore. Il sindaco ha dichiarato l'allerta massima.",
        "Il governo ha approvato mercoledì un aumento del salario minimo a partire da gennaio. "
        "I sindacati hanno accolto il piano, mentre le imprese temono licenziamenti nelle piccole aziende.",
    ],
    "polish": [
        "Powódź zalała w nocy dolną część miasta, a strażacy ewakuowali ponad dwieście osób. "
        "Poziom rzeki podniósł się o trzy metry w ciągu sześciu godzin. Burmistrz ogłosił najwyższy stopień alarmu.",
        "Rząd zatwierdził w środę podwyżkę płacy minimalnej od stycznia przyszłego roku. "
        "Związki zawodowe przyjęły plan z zadowoleniem, pracodawcy ostrzegają przed zwolnieniami w małych firmach.",
    ],
    "portuguese": [
        "As cheias invadiram durante a noite a parte baixa da cidade e os bombeiros retiraram mais de duzentos "
        "moradores. O nível do rio subiu três metros em seis horas. O presidente da câmara declarou o alerta máximo.",
        "O governo aprovou na quarta-feira um aumento do salário mínimo a partir de janeiro. "
        "Os sindicatos saudaram a medida, enquanto os patrões receiam despedimentos nas pequenas empresas.",
    ],
    "spanish": [
        "La riada inundó durante la noche la parte baja de la ciudad y los bomberos evacuaron a más de doscientos "
        "vecinos. El nivel del río subió tres metros en seis horas. El alcalde declaró la alerta máxima.",
        "El Gobierno aprobó el miércoles una subida del salario mínimo a partir de enero. "
        "Los sindicatos celebraron la medida, mientras que los empresarios temen despidos en las pequeñas empresas.",
    ],
    "swedish": [
        "Översvämningen dränkte under natten den nedre delen av staden och räddningstjänsten evakuerade mer än "
        "tvåhundra invånare. Vattennivån i älven steg tre meter på sex timmar. Kommunen utlyste den högsta "
        "beredskapsnivån.",
        "Regeringen godkände på onsdagen en höjning av minimilönen från januari. "
        "Facken välkomnade förslaget, medan arbetsgivarna varnar för uppsägningar i små företag.",
    ],
}


def score(name: str, cases: Iterable[tuple[str, str]], detect: Callable[[str], str | None]) -> None:
    """Print how many of ``cases`` (text, language) ``detect`` tells right, wrong and not at all."""
    right = wrong = untold = 0
    mistakes: Counter[str] = Counter()
    started = time.perf_counter()
    for text, expected in cases:
        found = detect(text)
        if found is None:
            untold += 1
        elif found == expected:
            right += 1
        else:
            wrong += 1
            mistakes[f"{expected}->{found}"] += 1
    seconds = time.perf_counter() - started
    total = right + wrong + untold
    print(
        f"{name:<34} {total:6d} texts  right {100 * right / max(1, total):6.2f}%  wrong {wrong:4d}  "
        f"not told {untold:4d}  {1000 * seconds / max(1, total):6.2f} ms each  {dict(mistakes.most_common(5))}"
    )


def own_texts() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    whole = [(text, language) for language, texts in REPORTS.items() for text in texts]
    sentences = [(s.text, language) for text, language in whole for s in split_sentences(text, language=language)]
    return whole, sentences


def bbc_texts(path: Path) -> tuple[list[str], list[str], list[str]]:
    articles = [json.loads(line)["article"] for line in path.open(encoding="utf-8")]
    headlines = [article.strip().splitlines()[0] for article in articles]
    sentences = [s.text for article in articles[:300] for s in split_sentences(article) if len(s.text.split()) >= 8]
    return articles, headlines, sentences


def lingua_detector() -> Callable[[str], str | None]:
    from lingua import LanguageDetectorBuilder

    started = time.perf_counter()
    detector = LanguageDetectorBuilder.from_all_languages().build()
    print(f"lingua: built in {time.perf_counter() - started:.2f} s")

    def detect(text: str) -> str | None:
        found = detector.detect_language_of(text)
        return language_name(found.iso_code_639_1.name.lower()) if found else None

    return detect


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bbc", type=Path, help="bbc-news-dev.jsonl")
    parser.add_argument("--lingua", action="store_true", help="compare with lingua-language-detector")
    arguments = parser.parse_args()
    print(f"load average: {Path('/proc/loadavg').read_text().strip()}")
    started = time.perf_counter()
    _identifier()
    print(f"py3langid: model loaded in {time.perf_counter() - started:.2f} s")
    detectors = {"py3langid": detect_language}
    if arguments.lingua:
        detectors["lingua"] = lingua_detector()
    whole, sentences = own_texts()
    bbc = bbc_texts(arguments.bbc) if arguments.bbc else None
    for label, detect in detectors.items():
        score(f"{label}: own reports, whole", whole, detect)
        score(f"{label}: own reports, sentences", sentences, detect)
        for language in REPORTS:
            score(f"{label}:   {language} sentences", [c for c in sentences if c[1] == language], detect)
        if bbc:
            articles, headlines, bbc_sentences = bbc
            score(f"{label}: BBC articles", ((a, "english") for a in articles), detect)
            score(f"{label}: BBC headlines", ((h, "english") for h in headlines), detect)
            score(f"{label}: BBC sentences (300 articles)", ((s, "english") for s in bbc_sentences), detect)


if __name__ == "__main__":
    main()
