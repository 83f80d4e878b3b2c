"""Which language a message is written in when no profile reads it (never a silent pass).

collectlint reads Chinese (Simplified and Traditional) and English.  A Japanese, Korean, Russian or
French message would otherwise run under one of those profiles, find nothing its rules know, and pass
clean.  ``unread_language`` names the language of such a message from its script (kana, Hangul,
Cyrillic, Arabic, ...) or, for Latin script, from the function words it uses; None when the message is
Chinese or English (or too short to tell).  It errs towards None: a Taglish or Pidgin reminder full of
English words stays English.
"""

from __future__ import annotations

from collectlint.lazyre import lazy_compile
from collectlint.normalize import has_han, has_latin

# Scripts no profile reads: (name, character class).  Kana is tested against Han, the rest against
# Latin and Han together.
_KANA = lazy_compile("[\u3041-\u3096\u30a1-\u30fa\u31f0-\u31ff\uff66-\uff9d]")
_HAN = lazy_compile("[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = lazy_compile("[A-Za-z\u00c0-\u024f]")
_SCRIPTS = (
    ("Korean", lazy_compile("[\uac00-\ud7af\u1100-\u11ff\u3131-\u318e]")),
    ("Russian or another Cyrillic-script language", lazy_compile("[\u0400-\u04ff]")),
    ("Arabic-script text", lazy_compile("[\u0600-\u06ff\u0750-\u077f]")),
    ("Hebrew", lazy_compile("[\u0590-\u05ff]")),
    ("Greek", lazy_compile("[\u0370-\u03ff]")),
    ("Thai", lazy_compile("[\u0e00-\u0e7f]")),
    ("Hindi or another Indic-script language", lazy_compile("[\u0900-\u0dff]")),
    ("Vietnamese", lazy_compile("[\u1ea0-\u1ef9\u01a0\u01a1\u01af\u01b0\u0110\u0111]")),
)
# Any character of those scripts: most messages hold none, and skip counting each script.
_ANY_SCRIPT = lazy_compile("[" + "".join(pattern.pattern[1:-1] for _, pattern in _SCRIPTS) + "]")
# Function words of Latin-script languages, none of them an English word.
_FUNCTION_WORDS = {
    "French": "le la les des du une est sont vous nous votre vos notre nos pas pour avec dans sur cette ce ces qui "
              "que mais ou donc être avez avons sera êtes paiement merci madame monsieur votre leur aux très",
    "Spanish": "el la los las del una es son usted ustedes nuestro nuestra su sus para con por que pero está "
               "están muy señor señora pago deuda gracias también cuando donde hasta desde sin sobre",
    "Portuguese": "os as da do das dos uma é são você vocês nosso nossa seu sua para com por que mas está estão "
                  "muito senhor senhora pagamento dívida obrigado não também quando onde até sem sobre",
    "German": "der die das den dem des ein eine einen und ist sind sie wir ihr ihre unser unsere nicht mit für "
              "auf bei von zu zum zur auch aber oder sehr zahlung bitte herr frau schulden wird werden",
    "Italian": "il lo la gli le della del dei delle una è sono lei noi vostro nostro suo sua per con che ma "
               "molto signor signora pagamento debito grazie anche quando dove fino senza sul nella",
    "Dutch": "de het een en is zijn u wij uw ons onze niet met voor op bij van te ook maar of zeer betaling "
             "alstublieft meneer mevrouw schuld wordt worden",
    "Indonesian or Malay": "yang dan di ke dari ini itu untuk dengan tidak anda kami kita akan sudah belum "
                           "bayar hutang utang pinjaman segera harap terima kasih bapak ibu tuan puan",
    "Tagalog": "ang mga ng sa po na ay ko mo niyo kayo naman lang hindi wala ninyo inyong aming bayad utang "
               "salamat ito iyan niya sila kami tayo",
}
_ENGLISH = frozenset({
    "the", "a", "an", "and", "is", "are", "you", "your", "we", "our", "us", "to", "of", "for", "with", "on", "in",
    "at", "by", "from", "this", "that", "be", "will", "have", "has", "not", "no", "please", "pay", "payment", "debt",
    "account", "balance", "due", "call", "contact", "if", "or", "it", "they", "them",
})


def _languages_of() -> dict[str, tuple[str, ...]]:
    """Each function word and the languages it belongs to (one look-up per word of a message)."""
    table: dict[str, list[str]] = {}
    for name, words in _FUNCTION_WORDS.items():
        for word in sorted(set(words.split()) - _ENGLISH):
            table.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in table.items()}


_LANGUAGES_OF = _languages_of()
_WORD = lazy_compile(r"[a-zà-ɏ]+")
_READ = 400  # characters looked at: enough to tell, and cheap on a long letter


def reads_as_english(text: str) -> bool:
    """Whether a message no one named a profile for is read under the English profile: Latin letters and
    no Chinese character (any Chinese makes it a Chinese message, whose English stretches are read too)."""
    return not has_han(text) and has_latin(text)


def unread_language(text: str) -> str | None:
    """The language of ``text`` when it is one no profile reads (see the module's description)."""
    head = text[:_READ]
    if head.isascii():
        return _latin_language(head)
    han = len(_HAN.findall(head))
    kana = len(_KANA.findall(head))
    if kana >= 3 and kana * 5 >= han:
        return "Japanese"
    latin = len(_LATIN.findall(head))
    for name, script in _SCRIPTS if _ANY_SCRIPT.search(head) is not None else ():
        count = len(script.findall(head))
        # Vietnamese is written in Latin letters; its tone-marked vowels (ạ, ể, ử) belong to no other language.
        if (count >= 5 and count > han + latin) or (name == "Vietnamese" and count >= 4):
            return name
    return _latin_language(head) if latin > han else None


def _latin_language(text: str) -> str | None:
    """A Latin-script language other than English, from its function words: at least four of them, and
    at least twice as many as English ones."""
    words = _WORD.findall(text.lower())
    if len(words) < 5:
        return None
    english = 0
    counts: dict[str, int] = {}
    for word in words:
        if word in _ENGLISH:
            english += 1
        else:
            for name in _LANGUAGES_OF.get(word, ()):
                counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    best = max(sorted(counts), key=counts.__getitem__)  # ties: the first name in order
    count = counts[best]
    if count >= 4 and count >= 2 * english and count * 6 >= len(words):
        return best
    return None


# What ends an English stretch inside a Chinese message: Han characters and CJK or full-width punctuation.
_NOT_ENGLISH = lazy_compile("[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+")
_EN_WORD = lazy_compile(r"[A-Za-z]+(?:'[a-z]+)?")
_RUN_WORDS = 4  # a sentence, not a brand, a code or a placeholder name
_RUN_FUNCTION_WORDS = 2
# Most Chinese messages hold fewer than four Latin words in all: counted on the ASCII bytes (the
# cheapest pass), they are done before any stretch is looked at.
_ASCII_WORD = lazy_compile(rb"[A-Za-z]+")


def english_runs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each English stretch of a Chinese message (a bilingual Hong Kong notice, an
    English sentence in a Chinese letter): text between Chinese characters with at least four words, two
    of them distinct English function words, so ``${row.amount}``, ``OK`` or ``App ID`` are not one."""
    runs: list[tuple[int, int]] = []
    if len(_ASCII_WORD.findall(text.encode("ascii", "replace"))) < _RUN_WORDS:
        return runs
    at = 0
    for gap in [*_NOT_ENGLISH.finditer(text), None]:
        end = gap.start() if gap is not None else len(text)
        words = _EN_WORD.findall(text, at, end)
        if len(words) >= _RUN_WORDS and len({w.lower() for w in words} & _ENGLISH) >= _RUN_FUNCTION_WORDS:
            stretch = text[at:end]
            runs.append((at + len(stretch) - len(stretch.lstrip()), at + len(stretch.rstrip())))
        if gap is not None:
            at = gap.end()
    return runs
