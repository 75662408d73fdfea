"""French: « … » with (narrow) no-break spaces, “…”, ‹…›; « … », a déclaré X / a-t-il ajouté / dit-elle / selon X.

Titles are lower-case ("le ministre de l'Intérieur Gérald Darmanin"): the words
before a name make its title.
"""

from __future__ import annotations

from briefing.statements.lexicon import Lexicon, phrases, verb_forms, words

LEXICON = Lexicon(
    verbs=verb_forms(
        "féliciter félicite félicité, ironiser ironise ironisé, alerter alerte alerté, soupirer soupire soupiré,",
        "attaquer attaque attaqué, répliquer réplique répliqué,",
        "dire dit disent disait dira, déclarer déclare déclarent déclaré déclarait,",
        "affirmer affirme affirment affirmé affirmait, expliquer explique expliquent expliqué expliquait,",
        "ajouter ajoute ajoutent ajouté ajoutait, souligner souligne soulignent souligné,",
        "estimer estime estiment estimé, indiquer indique indiquent indiqué,",
        "préciser précise précisent précisé, assurer assure assurent assuré,",
        "annoncer annonce annoncent annoncé, confier confie confié, raconter raconte racontent raconté,",
        "rappeler rappelle rappellent rappelé, avertir avertit averti, prévenir prévient prévenu,",
        "lancer lance lancé, marteler martèle martelé, insister insiste insisté,",
        "reconnaître reconnaît reconnaissent reconnu, admettre admet admis, répondre répond répondu,",
        "demander demande demandé, écrire écrit écrivent écrivait, tweeter tweete tweeté,",
        "commenter commente commenté, réagir réagit réagi, poursuivre poursuit poursuivi,",
        "conclure conclut conclu, juger juge jugé, considérer considère considéré, dénoncer dénonce dénoncé,",
        "plaider plaide plaidé, exclamer exclame exclamé, témoigner témoigne témoigné, résumer résume résumé,",
        "relever relève relevé, noter note noté, observer observe observé, confirmer confirme confirmé,",
        "regretter regrette regretté, lâcher lâche lâché, glisser glisse glissé, promettre promet promis,",
        "prévoir prévoit prévu, déplorer déplore déploré, détailler détaille détaillé,",
        "argumenter argumente argumenté, interroger interroge interrogé, mettre met mis,",
        "renchérir renchérit renchéri, tonner tonne tonné",
    ),
    gerunds=words(
        "ajoutant affirmant expliquant estimant soulignant déclarant assurant précisant indiquant rappelant",
        "disant dénonçant jugeant promettant",
    ),
    weak=words(
        "estimer assurer lancer reconnaître demander réagir poursuivre juger considérer dénoncer relever",
        "noter observer confirmer regretter lâcher glisser promettre prévoir déplorer détailler interroger",
        "mettre confier plaider témoigner résumer",
    ),
    not_inverted=words("demander interroger"),
    not_indirect=words("réagir poursuivre répondre interroger mettre"),
    accusations=words("accuse accusé accusent"),
    cue_tails=phrases(
        "à l'AFP, à l’AFP, à la presse, aux journalistes, à des journalistes, dans un communiqué,",
        "dans un entretien, lors d'une conférence de presse, lors d’une conférence de presse, sur X,",
        "sur Twitter, sur les réseaux sociaux",
    ),
    according_to=phrases("pour", "selon, d'après, d’après, aux yeux de"),
    auxiliaries=phrases(
        "s’est, s'est, est, se, s’était, s'était",
        "a, ont, avait, avaient, aurait, auraient, également, aussi, encore, déjà, ensuite, enfin, alors, lui,",
        "leur, n'a, n’a, pas, y, en",
    ),
    adverb_endings=phrases("ment"),
    complementisers=phrases("que, qu', qu’"),
    pronouns={"il": "m", "elle": "f", "ils": "p", "elles": "p", "on": "p", "je": "", "nous": "p"},
    hyphen_pronouns=True,
    adjectives_after=True,
    determiners=words(
        "le la les l' l’ un une des du son sa ses leur leurs ce cet cette ces plusieurs certains certaines",
        "autre",
    ),
    definite=words("le la les l' l’ ce cet cette ces"),
    person_nouns=words(
        "ministre ministres président présidente porte-parole responsable responsables dirigeant dirigeante",
        "dirigeants directeur directrice député députée députés sénateur sénatrice maire élu élue élus",
        "secrétaire conseiller conseillère expert experte experts analyste analystes économiste économistes",
        "chercheur chercheuse chercheurs avocat avocate avocats juge procureur procureure magistrat",
        "magistrate diplomate diplomates ambassadeur ambassadrice général commandant officier policier",
        "policiers gendarme témoin témoins habitant habitante habitants manifestant manifestants syndicaliste",
        "militant militante militants fondateur fondatrice patron patronne pdg chef cheffe candidat candidate",
        "professeur professeure médecin médecins infirmière infirmier enseignant enseignante étudiant",
        "étudiante agriculteur agricultrice éleveur ouvrier salarié salariés source sources proche proches",
        "spécialiste spécialistes historien historienne sociologue politologue ingénieur homme femme",
        "commissaire préfet préfète délégué déléguée coordinateur coordinatrice représentant représentante",
        "représentants observateur observateurs vice-président vice-présidente",
    ),
    person_endings=phrases("iste, istes, eur, eurs, euse, rice, ienne, ologue"),
    body_nouns=words(
        "gouvernement ministère préfecture police gendarmerie parquet tribunal cour mairie commission conseil",
        "parti syndicat entreprise groupe société banque armée agence élysée matignon assemblée sénat rapport",
        "étude sondage communiqué document association fédération institut fondation ong collectif",
    ),
    feminine=words(
        "elle Mme Madame Mlle présidente directrice députée sénatrice ambassadrice avocate chercheuse femme",
        "conseillère cheffe candidate professeure patronne fondatrice militante habitante préfète",
    ),
    masculine=words("il M Monsieur homme"),
    honorifics=words("M Mme Mlle Me Dr Pr Mgr"),
    role_words=words(
        "Président Présidente Ministre Maire Général Sénateur Députée Député Juge Procureur Pape Roi Reine",
        "Prince Princesse Colonel Capitaine Commissaire",
    ),
    role_modifiers=words("Premier Première Vice Ancien Ancienne"),
    particles=phrases("de la, de, du, des, d', d’"),
    sentence_starters=words(
        "Le La Les L Un Une Des Du De Et Ou Mais Donc Or Ni Car En Dans Sur Sous Pour Par Avec Sans Selon",
        "Après Avant Depuis Pendant Lors Quand Lorsque Si Comme Ce Cet Cette Ces Il Elle Ils Elles On Nous",
        "Vous Je Tu Son Sa Ses Leur Leurs Mon Ma Mes Notre Nos Votre Vos Aucun Aucune Tout Toute Tous Toutes",
        "Chaque Plusieurs Certains Certaines Pourtant Cependant Toutefois Néanmoins Ainsi Alors Aussi Enfin",
        "Ensuite Puis Déjà Encore Aujourd Hier Demain Oui Non Pas Ne Voici Voilà Face Outre Malgré Parmi",
        "Entre Vers Chez Contre Dès Jusqu Là Ici Mieux Moins Plus Très Trop Seul Seule Qu Que Qui Quoi Où",
        "Pourquoi Comment Combien Quel Quelle Quels Quelles Désormais Finalement Visiblement Certes Bref",
    ),
    body_heads=words(
        "Ministère Gouvernement Parti Assemblée Sénat Conseil Commission Cour Tribunal Parquet Préfecture",
        "Mairie Police Gendarmerie Armée Banque Agence Institut Fondation Association Fédération Syndicat",
        "Union Groupe Élysée Matignon Monde Figaro Libération",
    ),
    non_person_heads=words(
        "Rue Avenue Boulevard Place Gare Aéroport Ville Région Département Pays Fleuve Mont Île Lac Accord",
        "Traité Loi Plan Projet Sommet Conférence Rapport",
    ),
    conjunctions=words("et &"),
    prepositions=words(
        "devant derrière après avant pendant lors durant",
        "de du des d' d’ à au aux en dans sur sous pour par avec sans chez vers contre entre",
    ),
    stop_words=words(
        "et ou mais donc car ni que qu' qu’ qui dont où quand comme si est sont était étaient été sera",
    ),
    relatives=words("qui que dont lequel laquelle lesquels"),
    time_words=words(
        "lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui aujourd’hui demain matin soir",
        "après-midi semaine dernier dernière ce cette encore",
    ),
    claim_verbs=words(
        "adopté approuvé rejeté signé annoncé voté augmenté baissé fermé ouvert arrêté interpellé condamné",
        "élu démissionné lancé suspendu interdit décidé supprimé relevé abaissé",
    ),
    months=words("janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
    weekdays=words("lundi mardi mercredi jeudi vendredi samedi dimanche"),
    number_words=words("million millions milliard milliards mille cent douzaine moitié tiers quart double"),
    person_relatives=phrases("qui"),
    quote_marks=("«»", "‹›", "“”", '""'),
)
