"""Recognisers for the elements a collection message must contain.

Each element is satisfied by a literal value (a recognised amount, date, reference, contact or
creditor name) or by a placeholder whose name is in the element's alias table.  The elements, their
patterns and aliases are profile data (``profiles/*.yaml``); patterns run over the normalised text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from collectlint.placeholders import Placeholder


def _parts(name: str) -> list[str]:
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", name)
    return [p.lower() for p in re.split(r"[\s_\-.]+", spaced) if p]


@dataclass(frozen=True)
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


def _alias_key(name: str) -> str:
    return re.sub(r"[\s_\-.]", "", name).lower()


def alias_keys(names: list[str] | tuple[str, ...]) -> frozenset[str]:
    return frozenset(_alias_key(n) for n in names)


def build_element(name: str, zh: str, en: str, placeholder: str, aliases: list[str], name_parts: list[str],
                  patterns: list[str], expanded_length: int) -> Element:
    return Element(name, zh, en, placeholder, alias_keys(aliases), tuple(name_parts),
                   re.compile("|".join(f"(?:{p})" for p in patterns)), expanded_length)


DEFAULT_EXPANDED_LENGTH = 4


def expanded_length(elements: tuple[Element, ...], name: str) -> int:
    """Rough length of what placeholder ``name`` expands to."""
    for element in elements:
        if element.names_placeholder(name):
            return element.expanded_length
    return DEFAULT_EXPANDED_LENGTH


_PLACEHOLDER_FREE = re.compile(r"\{\{.*?\}\}|\$\{.*?\}|%\(.*?\)[sdf]|\{[^{}]*\}|【[^】]*】|\[[^\]]*\]")


_HAN = re.compile(r"[\u4e00-\u9fff]")


@functools.lru_cache(maxsize=8192)
def looks_like_message(text: str) -> bool:
    """A catalogue string long enough to be a message rather than a label, name or URL."""
    bare = _PLACEHOLDER_FREE.sub("", text).strip()
    if re.fullmatch(r"\S+://\S+|[\w.+-]+@[\w.-]+", bare):
        return False
    return len(_HAN.findall(bare, 0, 400)) >= 8 or len(bare.split(None, 6)) >= 6
