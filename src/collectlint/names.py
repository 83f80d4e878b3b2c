"""Is a word, as the original text writes it, part of a person's name or a postal address?

English collection wording shares words with surnames and street names: Mr. Levy, Sarah Levy, Levy &
Associates (a levy on wages); 100 Maple Court, Court Street (a court); Orange County office (a county
court).  Normalisation lower-cases the text the rules read, so the test reads the original's capitals:

- after a personal title (Mr, Mrs, Ms, Miss, Mx, Dr), with or without a given name between;
- in an address: after a house number (100 Maple Court) or before a street type (Court Street);
- for the words a rule lists only (``unless_name``): inside a sentence, right after another capitalised
  word (Sarah Levy, our Orange County office) or right before an ampersand (Levy & Associates).

The third test needs the rule's list because the same shape names courts and agencies (the District
Court, the Harris County District Court): a rule lists the words whose proper-name sense is innocent
(levy, county), never the authority itself.  Capitals carry no evidence in a sentence written in
capitals or in Title Case (a heading), so none of the tests fires there.
"""

from __future__ import annotations

from collectlint.lazyre import lazy_compile

_CAPITALISED = lazy_compile(r"[A-Z][a-z]+(?:'s)?")
_TITLE_BEFORE = lazy_compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:[A-Z][a-z]+\s+)?$")
_HOUSE_NUMBER_BEFORE = lazy_compile(r"(?:^|\s)\d{1,6}[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){0,2}$")
_STREET_AFTER = lazy_compile(r"\s+(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Boulevard|Blvd|Highway|Hwy|Parkway|Pkwy|"
                             r"Terrace|Square|Plaza)\b")
_NAME_BEFORE = lazy_compile(r"[A-Za-z,;]\s+[A-Z][a-z]+\s+$")  # a capitalised word after another word
_AMPERSAND_AFTER = lazy_compile(r"\s*&\s*[A-Z]")
_SENTENCE_END = lazy_compile(r"[.!?:;\n]\s*$")
_WORDS = lazy_compile(r"[A-Za-z]+")
_REACH = 60  # characters read on each side


def written_as_name(original: str, start: int, listed: frozenset[str]) -> bool:
    """Whether the word beginning at ``start`` of ``original`` is written as part of a name or an address
    (module docstring); ``listed``: the lower-case words the neighbour tests apply to."""
    word = _CAPITALISED.match(original, start)
    if word is None or (start > 0 and original[start - 1].isalpha()):
        return False
    end = word.end()
    before = original[max(0, start - _REACH):start]
    after = original[end:end + _REACH]
    if _heading(before, word.group(), after):
        return False
    if _TITLE_BEFORE.search(before) or _HOUSE_NUMBER_BEFORE.search(before) or _STREET_AFTER.match(after):
        return True
    if word.group().lower().removesuffix("'s") not in listed:
        return False
    inside = bool(before.strip()) and _SENTENCE_END.search(before) is None
    return inside and (_NAME_BEFORE.search(before) is not None or _AMPERSAND_AFTER.match(after) is not None)


def _heading(before: str, word: str, after: str) -> bool:
    """Whether the stretch around the word is in capitals or Title Case: most of its words start with a
    capital (an address line counts its house number as no word)."""
    cut = _SENTENCE_END.search(before)
    lead = before[cut.end():] if cut else before
    words = [*_WORDS.findall(lead), word, *_WORDS.findall(after.split("\n", 1)[0])[:6]]
    if len(words) < 4:
        return False
    capitals = sum(1 for w in words if w[0].isupper())
    return capitals * 3 >= len(words) * 2
