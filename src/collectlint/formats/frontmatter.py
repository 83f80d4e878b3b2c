"""Front matter keys shared by Markdown and HTML: channel, stage, lang, profile, ignore."""

from __future__ import annotations

from typing import Any

from collectlint.errors import InputError
from collectlint.formats.base import Message, Suppression
from collectlint.models import CHANNELS, COMMUNICATIONS, STAGES

KEYS = {"channel", "stage", "lang", "profile", "ignore", "title", "name", "description", "id", "tags", "communication",
        "state"}


def apply_front_matter(message: Message, data: Any, path: str) -> None:
    if not isinstance(data, dict):
        raise InputError("front matter must be a mapping", path=path, line=1)
    for key in data:
        if key not in KEYS:
            raise InputError(f"front matter: unknown key '{key}' (allowed: {', '.join(sorted(KEYS))})",
                             path=path, line=1)
    channel, stage, lang = data.get("channel"), data.get("stage"), data.get("lang")
    if channel is not None and channel not in CHANNELS:
        raise InputError(f"front matter: channel '{channel}' is not one of {', '.join(CHANNELS)}", path=path, line=1)
    if stage is not None and str(stage).upper() not in STAGES:
        raise InputError(f"front matter: stage '{stage}' is not one of {', '.join(STAGES)}", path=path, line=1)
    if lang is not None and lang not in ("zh", "en"):
        raise InputError(f"front matter: lang '{lang}' is not zh or en", path=path, line=1)
    communication = data.get("communication")
    if communication is not None and communication not in COMMUNICATIONS:
        raise InputError(f"front matter: communication '{communication}' is not one of {', '.join(COMMUNICATIONS)}",
                         path=path, line=1)
    message.communication = communication
    profile = data.get("profile")
    if profile is not None:
        from collectlint.errors import CollectlintError
        from collectlint.profiles import get_profile

        try:
            message.profile = get_profile(str(profile)).name
        except CollectlintError as exc:
            raise InputError(f"front matter: {exc.detail}", path=path, line=1) from None
    message.channel = channel
    message.stage = str(stage).upper() if stage is not None else None
    message.lang = lang
    ignore = data.get("ignore")
    if ignore is None:
        return
    if not isinstance(ignore, dict):
        raise InputError("front matter: 'ignore' must map rule ids to reasons, e.g. {CN104: reason}",
                         path=path, line=1)
    for rule, reason in ignore.items():
        message.suppressions.append(Suppression((str(rule),), str(reason or "").strip(), 1, None))
