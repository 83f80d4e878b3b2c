"""Template placeholders: never linted as prose, and mapped to required elements by name."""

from __future__ import annotations

from collectlint.lazyre import lazy_compile
from collectlint.record import record

# One alternation per syntax; group "name" holds the placeholder's name.
_PATTERNS = [
    r"\{\{-?\s*\.?(?P<n1>[^{}\n]{1,60}?)\s*-?\}\}",  # {{ amount }}, {{.Amount}}
    r"\$\{(?P<n2>[^{}\n]{1,60})\}",  # ${amount}
    r"%\((?P<n3>[^()\n]{1,60})\)[sdf]",  # %(amount)s
    r"\{(?P<n4>[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]{0,59})\}",  # {amount}
    r"\[(?P<n5>[^\[\]\n]{1,30})\]",  # [客户姓名]
    r"【(?P<n6>[^【】\n]{1,30})】",  # 【金额】 (an SMS signature 【XX银行】 is treated by the creditor check)
    r"<(?P<n7>[A-Za-z_][\w.]{0,59})>",  # <amount>
]
PLACEHOLDER = lazy_compile("|".join(_PATTERNS))


@record(frozen=True)
class Placeholder:
    start: int
    end: int
    name: str


def find_placeholders(text: str) -> list[Placeholder]:
    out: list[Placeholder] = []
    for m in PLACEHOLDER.finditer(text):
        name = next(g for g in m.groups() if g is not None).strip()
        out.append(Placeholder(m.start(), m.end(), name))
    return out
