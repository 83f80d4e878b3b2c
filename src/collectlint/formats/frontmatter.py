"""Front matter keys shared by Markdown and HTML: channel, stage, lang, profile, communication, state, ignore."""

from __future__ import annotations

from typing import Any

from collectlint.errors import CollectlintError, InputError
from collectlint.formats.base import Message, Suppression
from collectlint.models import CHANNELS, COMMUNICATIONS, STAGES
from collectlint.suggest import did_you_mean

# Postal codes of the states, DC and the territories.  ``state:`` is recorded metadata: no shipped rule reads it
# yet (state collection law is out of scope: README, "US profile"), but a misspelt one is still an error.
US_STATES = frozenset({
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
    "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI",
    "AS", "MP",
})

KEYS = {"channel", "stage", "lang", "profile", "ignore", "title", "name", "description", "id", "tags", "communication",
        "state"}


def apply_front_matter(message: Message, data: Any, path: str, lines: dict[str, int] | None = None) -> None:
    """Set the message's metadata from front matter; an error names the line of the key at fault
    (``lines``: key -> line; line 1, the opening ``---``, when unknown)."""
    at = lines or {}

    def fail(key: str, problem: str) -> InputError:
        return InputError(f"front matter: {problem}", path=path, line=at.get(key, 1))

    if not isinstance(data, dict):
        raise InputError("front matter must be a mapping", path=path, line=1)
    for key in data:
        if key not in KEYS:
            raise fail(str(key), f"unknown key '{key}' (allowed: {', '.join(sorted(KEYS))})")
    channel, stage, lang = data.get("channel"), data.get("stage"), data.get("lang")
    if channel is not None and channel not in CHANNELS:
        raise fail("channel", f"channel '{channel}' is not one of {', '.join(CHANNELS)}")
    if stage is not None and str(stage).upper() not in STAGES:
        raise fail("stage", f"stage '{stage}' is not one of {', '.join(STAGES)}")
    if lang is not None and lang not in ("zh", "en"):
        raise fail("lang", f"lang '{lang}' is not zh or en")
    communication = data.get("communication")
    if communication is not None and communication not in COMMUNICATIONS:
        # The same wording as a catalogue's ``communication:`` key (formats.catalogue._communication).
        raise fail("communication", f"communication '{communication}' is not one of {', '.join(COMMUNICATIONS)}"
                                    f"{did_you_mean(str(communication), COMMUNICATIONS)}")
    message.communication = communication
    state = data.get("state")
    if state is not None and str(state).upper() not in US_STATES:
        raise fail("state", f"state '{state}' is not a two-letter US state or territory code (CA, NY, DC, PR)")
    profile = data.get("profile")
    if profile is not None:
        from collectlint.profiles import get_profile

        try:
            message.profile = get_profile(str(profile)).name
        except CollectlintError as exc:
            raise fail("profile", exc.detail) from None
    message.channel = channel
    message.stage = str(stage).upper() if stage is not None else None
    message.lang = lang
    ignore = data.get("ignore")
    if ignore is None:
        return
    if not isinstance(ignore, dict):
        raise fail("ignore", "'ignore' must map rule ids to reasons, e.g. {CN104: reason}")
    for rule, reason in ignore.items():
        message.suppressions.append(Suppression((str(rule),), str(reason or "").strip(), 1, None))
