"""Call scripts: lines alternate speakers.  Conduct rules check what the agent says; customer lines are
context only (a script may quote 客户：你们再打我就报警)."""

from __future__ import annotations

import re

AGENT = re.compile(r"^\s*(?:坐席|催收员|催收专员|客服|业务员|专员|话务员|agent|collector|rep)\s*[:：]", re.I | re.M)
CUSTOMER = re.compile(
    r"^\s*(?:客户|顾客|借款人|债务人|用户|customer|debtor|consumer|client)\s*[:：]", re.I | re.M
)


def is_script(text: str) -> bool:
    return AGENT.search(text) is not None


def customer_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of customer lines (after the speaker label); call only on a script."""
    masks = []
    for m in CUSTOMER.finditer(text):
        end = text.find("\n", m.end())
        masks.append((m.end(), len(text) if end == -1 else end))
    return masks


def opening_end(text: str) -> int:
    """End of the opening: the first agent line of a script, else the first non-empty line."""
    m = AGENT.search(text)
    start = m.start() if m else len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return len(text) if end == -1 else end
