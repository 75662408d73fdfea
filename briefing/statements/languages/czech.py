"""Czech: „…“ and »…«; „…“, řekl X / uvedla ministryně / podle X, and cues with no subject („…“, dodal.)."""

from __future__ import annotations

from briefing.statements.lexicon import Lexicon, phrases, verb_forms, words

LEXICON = Lexicon(
    verbs=verb_forms(
        "říct řekl řekla řekli říká říkají, uvést uvedl uvedla uvedli uvádí, dodat dodal dodala dodali dodává,",
        "prohlásit prohlásil prohlásila prohlašuje, napsat napsal napsala píše, sdělit sdělil sdělila sděluje,",
        "upozornit upozornil upozornila upozorňuje, zdůraznit zdůraznil zdůraznila zdůrazňuje,",
        "vysvětlit vysvětlil vysvětlila vysvětluje, poznamenat poznamenal poznamenala, tvrdit tvrdil tvrdila tvrdí,",
        "mínit mínil mínila míní, konstatovat konstatoval konstatovala konstatuje, varovat varoval varovala varuje,",
        "potvrdit potvrdil potvrdila potvrzuje, odpovědět odpověděl odpověděla odpovídá, zeptat zeptal zeptala,",
        "ocenit ocenil ocenila, kritizovat kritizoval kritizovala, oznámit oznámil oznámila oznamuje,",
        "doplnit doplnil doplnila, uzavřít uzavřel uzavřela, podotknout podotkl podotkla,",
        "komentovat komentoval komentovala",
    ),
    weak=words("ocenit kritizovat zeptat"),
    not_indirect=words("odpovědět zeptat komentovat"),
    cue_tails=phrases("novinářům, serveru, pro ČTK, v rozhovoru, na síti X, na twitteru"),
    according_to=phrases("podle, dle"),
    auxiliaries=phrases("také, už, již, ještě, dnes, včera, to, se, ale"),
    complementisers=phrases("že"),
    pronouns={"on": "m", "ona": "f", "oni": "p", "ony": "p", "já": "", "my": "p"},
    null_subject=True,
    determiners=words("ten ta to ti ty tento tato toto jeho její jejich svůj své"),
    definite=words("ten ta to tento tato toto"),
    person_nouns=words(
        "ministr ministryně ministra premiér premiérka premiéra prezident prezidentka prezidenta mluvčí mluvčího",
        "předseda předsedkyně předsedy ředitel ředitelka ředitele poslanec poslankyně senátor senátorka starosta",
        "starostka hejtman hejtmanka tajemník expert expertka odborník odbornice odborníka odborníků analytik",
        "analytička analytika ekonom ekonomka ekonoma vědec vědkyně advokát advokátka soudce soudkyně žalobce",
        "diplomat velvyslanec generál velitel policista policistka svědek svědkyně obyvatel obyvatelé",
        "demonstrant aktivista aktivistka zakladatel kandidát kandidátka profesor profesorka lékař lékařka",
        "učitel učitelka student studentka podnikatel podnikatelka šéf šéfka lídr zdroj zdroje žena muž",
    ),
    body_nouns=words(
        "vláda vlády ministerstvo ministerstva policie úřad úřadu soud soudu strana strany komise rada odbory firma",
        "společnost banka armáda agentura sněmovna senát zpráva studie průzkum",
    ),
    feminine=words(
        "ona paní ministryně premiérka prezidentka předsedkyně ředitelka poslankyně senátorka starostka",
        "hejtmanka expertka odbornice analytička ekonomka vědkyně advokátka soudkyně policistka kandidátka",
        "profesorka lékařka učitelka studentka podnikatelka šéfka žena řekla uvedla dodala prohlásila napsala",
    ),
    masculine=words("on pan muž řekl uvedl dodal prohlásil napsal"),
    sentence_starters=words(
        "Ten Ta To Ti Ty A I Ale Nebo Však Když Pokud Protože Že Aby V Ve Na Do Z Ze S Se Od Po Pro Při Před Za",
        "Podle O U K Ke Jeho Její Jejich On Ona Oni My Já Tento Tato Toto Také Už Již Ještě Dnes Včera Zítra Jak",
        "Kdo Co Kde Proč Který Která Které Všechny Někteří Mnoho Není",
    ),
    prepositions=words("v ve na do z ze s se od po pro při před za o u k ke podle"),
    stop_words=words("a i ale nebo že aby když je jsou byl byla bylo byli má mají"),
    relatives=words("který která které kteří jenž"),
    time_words=words("v pondělí úterý středu čtvrtek pátek sobotu neděli včera dnes ráno večer týden"),
    claim_verbs=words(
        "schválil schválila schválila zamítl zamítla podepsal podepsala oznámil oznámila zvýšil snížil zavřel",
        "otevřel zatkla odsoudil zvolen rezignoval zakázal",
    ),
    months=words(
        "ledna února března dubna května června července srpna září října listopadu prosince leden únor březen",
        "duben květen červen červenec srpen říjen listopad prosinec",
    ),
    weekdays=words("pondělí úterý středa čtvrtek pátek sobota neděle"),
    number_words=words("milion milionů miliarda miliard tisíc sto procent procenta polovina třetina čtvrtina"),
    quote_marks=("„“", "»«", "“”", '""'),
)
