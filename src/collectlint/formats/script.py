"""Call scripts: lines alternate speakers.  Conduct rules check what the agent says; customer lines are
context only (a script may quote 客户：你们再打我就报警)."""

from __future__ import annotations

import re

# Speaker labels are profile data (``speakers`` in profiles/*.yaml); callers pass the profile's patterns.


def is_script(text: str, agent: re.Pattern[str]) -> bool:
    return agent.search(text) is not None


def customer_lines(text: str, customer: re.Pattern[str]) -> list[tuple[int, int]]:
    """Character ranges of customer lines (after the speaker label); call only on a script."""
    masks = []
    for m in customer.finditer(text):
        end = text.find("\n", m.end())
        masks.append((m.end(), len(text) if end == -1 else end))
    return masks


def opening_end(text: str, agent: re.Pattern[str]) -> int:
    """End of the opening: the first agent line of a script, else the first non-empty line."""
    m = agent.search(text)
    start = m.start() if m else len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return len(text) if end == -1 else end
