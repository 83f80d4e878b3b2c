"""English inflections of rule phrases, so that a pack lists a word once and its forms match
("arrest" finds arrests, arrested, arresting; "find you" finds found you, finding you).

A lookup table of irregular verbs plus the regular spelling rules of English (-s/-es/-ies, -ed/-ied,
-ing with e-dropping and consonant doubling).  Phrases are expanded once, when a pack is compiled in a
profile that asks for it (``normalise: inflections: true``), so matching itself stays a plain
multi-pattern pass.  Only the first word of a phrase (the verb of "lock you up", "tell your boss") and
the last word of a phrase of two or more words ending in a noun-like word are inflected (the first only
when an object follows it: "criminal charge" is not a verb phrase); function
words and words already inflected are left alone, so expansion stays small and predictable.
"""

from __future__ import annotations

from collectlint.lazyre import lazy_compile

# Past tense and past participle of the irregular verbs collection messages use.
IRREGULAR: dict[str, tuple[str, ...]] = {
    "be": ("was", "were", "been", "being", "is", "are"),
    "beat": ("beat", "beaten", "beats", "beating"),
    "break": ("broke", "broken", "breaks", "breaking"),
    "bring": ("brought", "brings", "bringing"),
    "burn": ("burned", "burnt", "burns", "burning"),
    "buy": ("bought", "buys", "buying"),
    "catch": ("caught", "catches", "catching"),
    "come": ("came", "comes", "coming"),
    "cut": ("cuts", "cutting"),
    "dig": ("dug", "digs", "digging"),
    "do": ("did", "done", "does", "doing"),
    "find": ("found", "finds", "finding"),
    "get": ("got", "gotten", "gets", "getting"),
    "give": ("gave", "given", "gives", "giving"),
    "go": ("went", "gone", "goes", "going"),
    "hang": ("hung", "hangs", "hanging"),
    "have": ("had", "has", "having"),
    "hear": ("heard", "hears", "hearing"),
    "hide": ("hid", "hidden", "hides", "hiding"),
    "hit": ("hits", "hitting"),
    "hold": ("held", "holds", "holding"),
    "hurt": ("hurts", "hurting"),
    "keep": ("kept", "keeps", "keeping"),
    "know": ("knew", "known", "knows", "knowing"),
    "lay": ("laid", "lays", "laying"),
    "leave": ("left", "leaves", "leaving"),
    "let": ("lets", "letting"),
    "lose": ("loses", "losing"),  # not "lost": "you lost your job" is hardship, not a threatened outcome
    "make": ("made", "makes", "making"),
    "pay": ("paid", "pays", "paying"),
    "put": ("puts", "putting"),
    "run": ("ran", "runs", "running"),
    "say": ("said", "says", "saying"),
    "see": ("saw", "seen", "sees", "seeing"),
    "seek": ("sought", "seeks", "seeking"),
    "sell": ("sold", "sells", "selling"),
    "send": ("sent", "sends", "sending"),
    "shoot": ("shot", "shoots", "shooting"),
    "shut": ("shuts", "shutting"),
    "speak": ("spoke", "spoken", "speaks", "speaking"),
    "spend": ("spent", "spends", "spending"),
    "steal": ("stole", "stolen", "steals", "stealing"),
    "take": ("took", "taken", "takes", "taking"),
    "teach": ("taught", "teaches", "teaching"),
    "tell": ("told", "tells", "telling"),
    "think": ("thought", "thinks", "thinking"),
    "throw": ("threw", "thrown", "throws", "throwing"),
    "understand": ("understood", "understands", "understanding"),
    "wake": ("woke", "woken", "wakes", "waking"),
    "write": ("wrote", "written", "writes", "writing"),
}

# English function words: a word next to one of these is in an English sentence (``pinyin`` reads no
# evasion there), and none of them is inflected here.
_FUNCTION = ("a an the to of in on at by for from with and or is are was were be been being will would "
             "can could should may might must please we our us i my me your you it its this that these those "
             "has have had do does did not no if as so than then there their they them he she his her per via")
FUNCTION_WORDS = frozenset(_FUNCTION.split())
# Never inflected either: other pronouns, particles, contractions and time words.
_NOT_INFLECTED = ("but nor into onto up down out off over under about yours yourself you're i'm i'll mine we'll "
                  "him who whom what which when where why how all any some never shall am don't won't can't "
                  "isn't aren't too very just also again now today tomorrow soon here")
NOT_INFLECTED = FUNCTION_WORDS | frozenset(_NOT_INFLECTED.split())

_OBJECTS = ("you your yourself him her them their his it its the a an this that my our us me everyone everybody "
            "up down out off back")
OBJECT_STARTS = frozenset(_OBJECTS.split())
_WORD = lazy_compile(r"[a-z]+")
_VOWELS = "aeiou"


def _doubles(word: str) -> bool:
    """A one-syllable word ending consonant-vowel-consonant doubles its last letter (stop, stopped)."""
    if len(word) < 3 or word[-1] in _VOWELS + "wxy" or word[-2] not in _VOWELS or word[-3] in _VOWELS:
        return False
    return sum(1 for i, c in enumerate(word) if c in _VOWELS and (i == 0 or word[i - 1] not in _VOWELS)) == 1


def inflections(word: str) -> set[str]:
    """The -s, -ed and -ing forms of a base word (irregular forms from the table)."""
    if word in IRREGULAR:
        return set(IRREGULAR[word])
    out: set[str] = set()
    if word.endswith(("s", "x", "z", "ch", "sh")):
        out.add(word + "es")
    elif word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        out.add(word[:-1] + "ies")
    else:
        out.add(word + "s")
    stem = word + word[-1] if _doubles(word) else word
    if word.endswith("e"):
        out.add(word + "d")
        out.add((word if word.endswith(("ee", "ye", "oe")) else word[:-1]) + "ing")
    elif word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        out.add(word[:-1] + "ied")
        out.add(word + "ing")
    else:
        out.add(stem + "ed")
        out.add(stem + "ing")
    return out


def _inflectable(word: str) -> bool:
    return (len(word) >= 3 and _WORD.fullmatch(word) is not None and word not in NOT_INFLECTED
            and not word.endswith(("ed", "ing")) and not (word.endswith("s") and not word.endswith("ss")))


def phrase_inflections(phrase: str) -> set[str]:
    """Inflected spellings of a (lower-case) phrase: its first word's forms, and for a phrase of several
    words its last word's -s form; never the phrase itself."""
    words = phrase.split(" ")
    out: set[str] = set()
    # The first word is a verb when an object follows it ("find you", "call your employer", "lock the
    # door"), not when a noun does ("criminal charge").
    verb_first = len(words) == 1 or words[1] in OBJECT_STARTS
    if verb_first and _inflectable(words[0]):
        out.update(" ".join([form, *words[1:]]) for form in inflections(words[0]))
    if len(words) > 1 and _inflectable(words[-1]):
        plural = sorted(f for f in inflections(words[-1]) if f.endswith("s"))
        out.update(" ".join([*words[:-1], form]) for form in plural)
    out.discard(phrase)
    return out


# Text-message spellings of the second person ("we will take ur house", "u will see") and of "have" ("we
# hv ur gallery"): a phrase naming the reader also matches with them, so SMS shorthand is not a way around a rule.
_TXT = {"you": "u", "your": "ur", "you're": "ur", "yourself": "urself", "you'll": "u'll", "have": "hv"}


def txt_spellings(phrase: str) -> set[str]:
    """The phrase with every second-person word (and "have") in its text-message spelling (none when it has none)."""
    words = phrase.split(" ")
    if not any(w in _TXT for w in words):
        return set()
    return {" ".join(_TXT.get(w, w) for w in words)}
