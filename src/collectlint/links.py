"""Where collectlint lives on the web: the repository named in ``pyproject.toml`` ``[project.urls]``,
the install recipes in the README and the SARIF ``informationUri`` and per-rule ``helpUri`` all use it.

Links point at the release tag of this version, so a report made with 0.1.0 explains rules as 0.1.0
had them."""

from __future__ import annotations

from collectlint import __version__

REPOSITORY = "https://github.com/collectlint/collectlint"
TAG = f"v{__version__}"


def rule_help_uri(rule_id: str) -> str:
    """The rule's entry in ``docs/rules.md`` (headings are rule ids, anchored in lower case)."""
    return f"{REPOSITORY}/blob/{TAG}/docs/rules.md#{rule_id.lower()}"
