"""Recognisers for the elements a collection message must contain.

Each element is satisfied by a literal value (a recognised amount, date, reference, contact or
creditor name) or by a placeholder whose name is in the element's alias table.  The elements, their
patterns and aliases are profile data (``profiles/*.yaml``); patterns run over the normalised text.
"""

from __future__ import annotations

import functools
import re

from collectlint.lazyre import lazy_compile
from collectlint.leadset import with_lead
from collectlint.normalize import BASIC_HAN
from collectlint.placeholders import Placeholder
from collectlint.record import record


def _parts(name: str) -> list[str]:
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", name)
    return [p.lower() for p in re.split(r"[\s_\-.]+", spaced) if p]


@record(frozen=True)
class Element:
    """One required element of a profile: its recogniser and the placeholder names that stand for it.

    ``name_parts`` tie a placeholder to the element when its full name is not in the alias table:
    ``{{ card_last4 }}`` and ``{{ contract_no }}`` are references, ``{{ contact_email }}`` a contact.
    ASCII parts match whole name parts (split at _ - . and case changes); Chinese parts match anywhere.
    """

    name: str
    label_zh: str
    label_en: str
    placeholder: str  # what the suggestion tells the author to add
    aliases: frozenset[str]
    name_parts: tuple[str, ...]
    pattern: re.Pattern[str]
    expanded_length: int  # rough length of a value, for the SMS segment count

    def names_placeholder(self, name: str, extra_aliases: frozenset[str] = frozenset()) -> bool:
        key = _alias_key(name)
        if key in extra_aliases or key in self.aliases:
            return True
        return _has_part(self.name_parts, name)

    def present(self, normalised: str, placeholders: list[Placeholder],
                extra_aliases: frozenset[str] = frozenset()) -> bool:
        if any(self.names_placeholder(p.name, extra_aliases) for p in placeholders):
            return True
        return self.pattern.search(normalised) is not None


@functools.lru_cache(maxsize=8192)
def _has_part(fragments: tuple[str, ...], name: str) -> bool:
    parts = _parts(name)
    for fragment in fragments:
        if fragment.isascii():
            if fragment in parts or (len(fragment) > 3 and any(p.startswith(fragment) for p in parts)):
                return True
        elif fragment in name:
            return True
    return False


_ALIAS_DROPPED = lazy_compile(r"[\s_\-.]")


@functools.lru_cache(maxsize=8192)
def _alias_key(name: str) -> str:
    """A placeholder name as the alias tables hold it (cached: every required rule asks it of every
    placeholder of every message, and a catalogue repeats the same few names)."""
    return _ALIAS_DROPPED.sub("", name).lower()


def alias_keys(names: list[str] | tuple[str, ...]) -> frozenset[str]:
    return frozenset(_alias_key(n) for n in names)


def build_element(name: str, zh: str, en: str, placeholder: str, aliases: list[str], name_parts: list[str],
                  patterns: list[str], expanded_length: int) -> Element:
    return Element(name, zh, en, placeholder, alias_keys(aliases), tuple(name_parts),
                   with_lead("|".join(f"(?:{bounded(p)})" for p in patterns)), expanded_length)


# Recognisers are searched at every position of a message, so an unbounded repeat that scans a long
# run and then fails (``\d[\d,]*...元`` over 100,000 digits, ``[\w.+-]+@`` over a line of letters or
# Han) makes the search quadratic.  Every repeat is therefore capped: a value (amount, reference,
# e-mail part) is never longer than RUN_CAP, and a repeat that can match whitespace gets the larger
# SPACE_CAP, because blanked HTML markup between two words of a phrase is whitespace as long as the tag.
RUN_CAP = 64
SPACE_CAP = 4096
_WHITESPACE_PROBES = (" ", "\t", "\n", "\u3000", "\xa0")
_ESCAPE_LENGTHS = {"x": 2, "u": 4, "U": 8}
# A counted repeat at the start of the text: {m}, {m,n}, {,n} or the unbounded {m,}.
_COUNTED = lazy_compile(r"\{(\d*)(,?)(\d*)\}")


def _cap_for(atom: str) -> int:
    """SPACE_CAP when the repeated atom can match whitespace (or cannot be told apart), else RUN_CAP."""
    if atom.startswith("("):
        return SPACE_CAP
    try:
        probe = re.compile(atom)
    except re.error:
        return SPACE_CAP
    return SPACE_CAP if any(probe.fullmatch(c) for c in _WHITESPACE_PROBES) else RUN_CAP


def _atom_end(source: str, i: int) -> int:
    """End of the atom (escape, class or single character) that starts at ``source[i]``."""
    if source[i] == "\\":
        kind = source[i + 1: i + 2]
        if kind == "N" and source[i + 2: i + 3] == "{":
            close = source.find("}", i)
            return len(source) if close == -1 else close + 1
        return min(len(source), i + 2 + _ESCAPE_LENGTHS.get(kind, 0))
    if source[i] == "[":
        j = i + 1
        if source[j: j + 1] == "^":
            j += 1
        if source[j: j + 1] == "]":
            j += 1
        while j < len(source) and source[j] != "]":
            j += 2 if source[j] == "\\" else 1
        return min(len(source), j + 1)
    return i + 1


def _repeat_at(source: str, i: int) -> tuple[int, int | None, int]:
    """The repeat starting at ``source[i]`` as (least count, most count or None for unbounded,
    length in the source); length 0 when ``source[i]`` is not a repeat."""
    c = source[i]
    if c in "*+":
        return (0 if c == "*" else 1), None, 1
    if c == "?":
        return 0, 1, 1
    counted = _COUNTED.match(source, i) if c == "{" else None
    if counted is None:
        return 0, None, 0  # a "{" that is not a repeat is a literal brace
    least = int(counted.group(1) or 0)
    if not counted.group(2):
        return least, least, counted.end() - i
    return least, (int(counted.group(3)) if counted.group(3) else None), counted.end() - i


@functools.lru_cache(maxsize=1024)
def bounded(source: str) -> str:
    """``source`` with every unbounded repeat (``*``, ``+``, ``{m,}``) capped, so that one match
    attempt reads a bounded stretch of text and a search is linear in the text.  Matches no longer
    than the caps are unchanged; a pattern the rewrite cannot handle is returned as it is."""
    out: list[str] = []
    group_starts: list[int] = []  # index in ``out`` where each open group begins
    atom = ""  # the last complete atom: what a repeat applies to
    i = 0
    while i < len(source):
        least, most, size = _repeat_at(source, i)
        if size:
            if most is None:
                out.append(f"{{{least},{max(least, _cap_for(atom))}}}")
            else:
                out.append(source[i:i + size])
            i += size
            # A lazy (?) or possessive (+) mark belongs to the repeat; it is no repeat of its own.
            if i < len(source) and source[i] in "?+":
                out.append(source[i])
                i += 1
            continue
        end = i + 1 if source[i] in "()|" else _atom_end(source, i)
        out.append(source[i:end])
        if source[i] == "(":
            group_starts.append(len(out) - 1)
            atom = ""
        elif source[i] == ")":
            atom = "".join(out[group_starts.pop() if group_starts else 0:])
        else:
            atom = "" if source[i] == "|" else source[i:end]
        i = end
    rewritten = "".join(out)
    try:
        re.compile(rewritten)
    except re.error:
        return source
    return rewritten


DEFAULT_EXPANDED_LENGTH = 4


def expanded_length(elements: tuple[Element, ...], name: str) -> int:
    """Rough length of what placeholder ``name`` expands to."""
    for element in elements:
        if element.names_placeholder(name):
            return element.expanded_length
    return DEFAULT_EXPANDED_LENGTH


# Scans for a closing mark are capped (a placeholder or bracketed label is short), so a long run of
# unclosed "{{", "${", "%(", "【" or "[" stays linear.
_PLACEHOLDER_FREE = lazy_compile(r"\{\{.{0,256}?\}\}|\$\{.{0,256}?\}|%\(.{0,256}?\)[sdf]|\{[^{}]*\}"
                               r"|【[^】]{0,256}】|\[[^\]]{0,256}\]")


@functools.lru_cache(maxsize=8192)
def looks_like_message(text: str) -> bool:
    """A catalogue string long enough to be a message rather than a label, name or URL."""
    bare = _PLACEHOLDER_FREE.sub("", text).strip()
    if re.fullmatch(r"\S+://\S+|[\w.+-]+@[\w.-]+", bare):
        return False
    return len(BASIC_HAN.findall(bare, 0, 400)) >= 8 or len(bare.split(None, 6)) >= 6
