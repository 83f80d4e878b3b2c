"""Language and jurisdiction profiles, loaded strictly from YAML (see ``profile.py``)."""

from __future__ import annotations

from collectlint.profiles.profile import (
    DEFAULT_PROFILE,
    ENGLISH_PROFILE,
    Negation,
    Profile,
    get_profile,
    load_profile,
    profile_names,
)

__all__ = ["DEFAULT_PROFILE", "ENGLISH_PROFILE", "Negation", "Profile", "get_profile", "load_profile", "profile_names"]
