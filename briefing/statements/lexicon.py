"""The words that mark who said what, kept as data so that rules stay readable.

Everything here is plain English vocabulary of news reporting, lower-case unless
it is matched as written (titles and honorifics). Add words here, not in the
patterns that use them.
"""

from __future__ import annotations

REPORTING_VERBS: dict[str, tuple[str, ...]] = {
    # lemma: (third person, past, participle "-ing"); the past form also serves as past participle.
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing"),
    "add": ("adds", "added", "adding"),
    "warn": ("warns", "warned", "warning"),
    "state": ("states", "stated", "stating"),
    "explain": ("explains", "explained", "explaining"),
    "note": ("notes", "noted", "noting"),
    "claim": ("claims", "claimed", "claiming"),
    "argue": ("argues", "argued", "arguing"),
    "insist": ("insists", "insisted", "insisting"),
    "declare": ("declares", "declared", "declaring"),
    "announce": ("announces", "announced", "announcing"),
    "observe": ("observes", "observed", "observing"),
    "stress": ("stresses", "stressed", "stressing"),
    "emphasise": ("emphasises", "emphasised", "emphasising"),
    "emphasize": ("emphasizes", "emphasized", "emphasizing"),
    "suggest": ("suggests", "suggested", "suggesting"),
    "acknowledge": ("acknowledges", "acknowledged", "acknowledging"),
    "admit": ("admits", "admitted", "admitting"),
    "reply": ("replies", "replied", "replying"),
    "respond": ("responds", "responded", "responding"),
    "answer": ("answers", "answered", "answering"),
    "ask": ("asks", "asked", "asking"),
    "continue": ("continues", "continued", "continuing"),
    "recall": ("recalls", "recalled", "recalling"),
    "remark": ("remarks", "remarked", "remarking"),
    "comment": ("comments", "commented", "commenting"),
    "tweet": ("tweets", "tweeted", "tweeting"),
    "post": ("posts", "posted", "posting"),
    "predict": ("predicts", "predicted", "predicting"),
    "promise": ("promises", "promised", "promising"),
    "vow": ("vows", "vowed", "vowing"),
    "pledge": ("pledges", "pledged", "pledging"),
    "urge": ("urges", "urged", "urging"),
    "accuse": ("accuses", "accused", "accusing"),
    "allege": ("alleges", "alleged", "alleging"),
    "complain": ("complains", "complained", "complaining"),
    "concede": ("concedes", "conceded", "conceding"),
    "confirm": ("confirms", "confirmed", "confirming"),
    "deny": ("denies", "denied", "denying"),
    "contend": ("contends", "contended", "contending"),
    "maintain": ("maintains", "maintained", "maintaining"),
    "assert": ("asserts", "asserted", "asserting"),
    "report": ("reports", "reported", "reporting"),
    "reiterate": ("reiterates", "reiterated", "reiterating"),
    "testify": ("testifies", "testified", "testifying"),
    "caution": ("cautions", "cautioned", "cautioning"),
    "counter": ("counters", "countered", "countering"),
    "joke": ("jokes", "joked", "joking"),
    "quip": ("quips", "quipped", "quipping"),
    "boast": ("boasts", "boasted", "boasting"),
    "lament": ("laments", "lamented", "lamenting"),
    "concur": ("concurs", "concurred", "concurring"),
    "agree": ("agrees", "agreed", "agreeing"),
    "shout": ("shouts", "shouted", "shouting"),
    "yell": ("yells", "yelled", "yelling"),
    "exclaim": ("exclaims", "exclaimed", "exclaiming"),
    "wonder": ("wonders", "wondered", "wondering"),
    "muse": ("muses", "mused", "musing"),
    "recount": ("recounts", "recounted", "recounting"),
    "describe": ("describes", "described", "describing"),
    "reveal": ("reveals", "revealed", "revealing"),
    "blast": ("blasts", "blasted", "blasting"),
    "criticise": ("criticises", "criticised", "criticising"),
    "criticize": ("criticizes", "criticized", "criticizing"),
    "demand": ("demands", "demanded", "demanding"),
    "speak": ("speaks", "spoke", "speaking"),
    "threaten": ("threatens", "threatened", "threatening"),
    "believe": ("believes", "believed", "believing"),
}
"""Verbs that introduce speech; the cue reported is the form found in the text."""

CUE_TAILS = (
    "on X",
    "on Twitter",
    "on Facebook",
    "on Instagram",
    "on Telegram",
    "on Truth Social",
    "on social media",
    "in a post on X",
    "in a post on Twitter",
    "in a post",
    "in a tweet",
    "in a statement",
    "in an interview",
    "in a speech",
    "in a letter",
    "in an email",
    "in a blog post",
    "in a television interview",
    "in a radio interview",
    "on television",
    "to reporters",
    "reporters",
    "journalists",
    "to journalists",
    "at a news conference",
    "at a press conference",
    "at a briefing",
    "in the statement",
)
"""Phrases that complete a cue: "wrote on X", "said in a statement", "told reporters"."""

ACCORDING_TO = ("according to",)
"""Prepositional cues: "according to X, ..." and "..., according to X"."""

ACCUSATION_VERBS = frozenset({"accuse", "accuses", "accused", "accusing", "blame", "blamed", "blames"})
"""Verbs whose object clause ("accused Y of ...") is the statement."""

AUXILIARIES = (
    "also", "earlier", "later", "previously", "then", "further", "once", "again", "repeatedly",
    "recently", "today", "yesterday", "tonight", "has", "had", "have", "will", "would", "did", "does",
    "do", "could", "may", "might", "went on to", "has also", "had also", "flatly",
    "publicly", "privately", "reportedly", "separately", "first", "subsequently", "finally",
)  # fmt: skip
"""Words allowed between a speaker and the reporting verb ("Tarar earlier said")."""

SPEAKER_NOUNS = (
    "official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson",
    "spokespeople", "minister", "ministers", "president", "senator", "governor", "mayor", "secretary",
    "lawmaker", "lawmakers", "aide", "aides", "adviser", "advisers", "advisor", "advisors", "analyst",
    "analysts", "expert", "experts", "chairman", "chairwoman", "director", "diplomat", "diplomats",
    "leader", "leaders", "campaign", "candidate", "nominee", "police", "prosecutor", "prosecutors",
    "judge", "lawyer", "lawyers", "attorney", "attorneys", "statement", "report", "ministry", "embassy",
    "government", "administration", "commander", "general", "economist", "economists", "researcher",
    "researchers", "witness", "witnesses", "residents", "resident", "officer", "officers", "member",
    "members", "representative", "representatives", "critic", "critics", "supporter", "supporters",
    "founder", "chief", "executive", "professor", "activist", "activists", "organizer", "organisers",
    "organizers", "newspaper", "agency", "study", "survey", "poll", "people", "congressman",
    "congresswoman", "businessman", "businesswoman", "billionaire", "strategist", "strategists",
    "pollster", "pollsters", "ambassador", "envoy", "speaker", "justice", "sheriff", "manager",
)  # fmt: skip
"""Heads of the noun phrases that speak without a name ("a senior official", "the minister")."""

DETERMINERS = (
    "the", "a", "an", "another", "one", "two", "three", "several", "some", "many", "other", "his", "her",
    "their", "its", "our", "this", "that", "these", "those",
)  # fmt: skip

PRONOUNS = ("he", "she", "they", "it", "i", "we")
PERSON_PRONOUNS = frozenset({"he", "she"})
"""Pronouns that point back to the last person named."""

HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady", "Rev"})
"""Courtesy titles: they mark a person but are not part of the name."""

ROLE_WORDS = frozenset(
    {
        "Minister", "President", "Premier", "Secretary", "Senator", "Sen", "Rep", "Representative",
        "Gov", "Governor", "Mayor", "Chairman", "Chairwoman", "Chair", "Speaker", "Director",
        "Spokesman", "Spokeswoman", "Spokesperson", "Ambassador", "Judge", "Justice", "Attorney",
        "General", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Commissioner", "Chancellor",
        "King", "Queen", "Prince", "Princess", "Pope", "Sheriff", "Chief", "Leader", "Congressman",
        "Congresswoman", "Councilman", "Councilwoman", "Professor", "CEO", "Officer", "Commander",
        "Candidate", "Nominee", "Envoy", "Adviser", "Advisor", "Analyst", "Emir", "Sheikh", "Cardinal",
        "Bishop", "Archbishop", "Coach", "Captain", "Inspector", "Superintendent", "Detective",
        "Lawmaker", "Delegate", "Assemblyman", "Assemblywoman", "Treasurer", "Auditor", "Comptroller",
        "Host", "Anchor", "Moderator", "Correspondent", "Reporter", "Editor", "Columnist", "Economist",
    }
)  # fmt: skip
"""Capitalised words that head a title ("Information Minister", "Sen.")."""

ROLE_MODIFIERS = frozenset(
    {
        "Prime", "Vice", "Deputy", "Assistant", "Acting", "Interim", "Former", "Foreign", "Defence",
        "Defense", "Interior", "Information", "Finance", "Home", "Health", "Energy", "Labor", "Labour",
        "Treasury", "Homeland", "Security", "Education", "State", "House", "Senate", "Majority",
        "Minority", "Executive", "Press", "Federal", "National", "Supreme", "Senior", "Special",
        "Commerce", "Trade", "Agriculture", "Transport", "Transportation", "Justice", "Economy",
        "Environment", "Culture", "Sports", "Affairs", "External", "Internal", "Army", "Navy", "Police",
        "Fire", "Oversight", "Intelligence", "Judiciary", "Budget", "Appropriations", "Armed", "Services",
        "Relations", "Chief", "General", "Principal", "Parliamentary", "Party", "Opposition", "Republican",
        "Democratic", "Whip", "Lieutenant", "Attorney", "Surgeon", "Solicitor", "District",
        "County", "City", "Town", "Regional", "Provincial", "Governing", "Ruling", "Elect", "Designate",
    }
)  # fmt: skip
"""Capitalised words that may stand in a title before its head ("Defence", "Prime")."""

NAME_PARTICLES = ("de", "da", "van", "von", "bin", "bint", "al", "del", "della", "der", "la", "le", "ibn")
"""Lower-case words inside names ("Ursula von der Leyen")."""

SENTENCE_STARTERS = frozenset(
    {
        "The", "A", "An", "But", "And", "Or", "In", "On", "At", "For", "If", "When", "While", "After",
        "Before", "As", "So", "Yet", "Still", "Then", "This", "That", "These", "Those", "It", "He", "She",
        "They", "We", "I", "You", "His", "Her", "Their", "Our", "My", "Its", "There", "Here", "However",
        "Meanwhile", "Also", "Now", "Later", "Earlier", "Today", "Yesterday", "According", "Since",
        "Although", "Though", "Because", "With", "Without", "From", "To", "By", "Of", "Under", "Over",
        "During", "Despite", "Instead", "Even", "Only", "Just", "Why", "What", "Who", "How", "Where",
        "Which", "Not", "No", "Yes", "All", "Some", "Many", "Most", "Both", "Each", "Every", "Other",
        "Another", "Such", "Last", "Next", "First", "Asked", "Speaking", "Writing", "Mrs", "Monday",
        "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Dear", "Oh", "Well",
        "Like", "Unlike", "Among", "Amid", "About", "Against", "Between", "Through", "Until", "Unless",
        "Whether", "Whatever", "Whoever", "Let", "Do", "Did", "Does", "Is", "Are", "Was", "Were", "Be",
        "Has", "Have", "Had", "Will", "Would", "Can", "Could", "Should", "Might", "Must", "Shall",
        "Beyond", "Besides", "Outside", "Inside", "Within", "Across", "Along", "Around", "Behind", "Below",
        "Above", "Near", "Per", "Via", "Including", "Following", "Given", "Regarding", "Once", "Whenever",
    }
)  # fmt: skip
"""Capitalised words that begin sentences and are never part of a name."""

NON_PERSON_HEADS = frozenset(
    {
        "Party", "Service", "Services", "Center", "Centre", "Department", "House", "Court", "Council",
        "Committee", "University", "College", "School", "Times", "Post", "News", "Journal", "Street",
        "Agency", "Bank", "Fund", "Office", "Ministry", "Army", "Force", "Forces", "Group", "Institute",
        "Foundation", "Association", "Union", "Company", "Corporation", "Inc", "Ltd", "Network",
        "Administration", "Commission", "Board", "Organization", "Organisation", "Movement", "Front",
        "League", "Alliance", "Coalition", "Campaign", "Club", "Hospital", "Airport", "Station",
        "Province", "State", "States", "City", "County", "Republic", "Kingdom", "Islands", "River",
        "Square", "Avenue", "Road", "Bridge", "Hall", "Tower", "Plaza", "Park", "Review", "Magazine",
        "Press", "Media", "Television", "Radio", "Channel", "Senate", "Congress", "Parliament",
        "Assembly", "Cabinet", "Government", "Regime", "Taliban", "Police", "Guard", "Day", "Week",
        "Agreement", "Act", "Bill", "Law", "Treaty", "Accord", "Talks", "Summit", "Conference",
        "Project", "Program", "Programme", "Plan", "Initiative", "Report", "Index", "Market", "Exchange",
    }
)  # fmt: skip
"""Last words of capitalised phrases that name institutions, places or things, not people."""

CLAIM_VERBS = frozenset(
    {
        "announced", "approved", "agreed", "banned", "passed", "signed", "ordered", "rejected",
        "collapsed", "killed", "arrested", "launched", "suspended", "resigned", "elected", "voted",
        "raised", "cut", "closed", "opened", "fell", "rose", "failed", "ended", "began", "withdrew",
        "imposed", "lifted", "confirmed", "won", "lost", "filed", "charged", "sentenced", "fined",
        "acquired", "sold", "bought", "hired", "fired", "declared", "postponed", "cancelled", "canceled",
        "expanded", "reduced", "increased", "decreased", "doubled", "halved", "recorded", "reached",
    }
)  # fmt: skip
"""Verbs of decisions and events that make an unattributed sentence worth keeping."""

MONTHS = frozenset(
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
        "Sept", "Oct", "Nov", "Dec",
    }
)  # fmt: skip
WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
NUMBER_WORDS = frozenset(
    {
        "million", "billion", "trillion", "thousand", "hundred", "percent", "per cent", "dozen",
        "half", "third", "quarter", "twice", "doubled",
    }
)  # fmt: skip
"""Words that make a sentence carry a figure."""
