"""Rule examples are tests: run them for the shipped packs or any user's ``rule-dirs``.

A fire example must produce its rule (on exactly the pinned span when it is written
``再不还钱就让你[[坐牢]]``); a silent example must not; a ``todo`` example records a known miss: it
is run and reported, never failed.  Examples run under the profile of the rule's pack, rules only.
"""

from __future__ import annotations

from collectlint.config import Config
from collectlint.lazyre import lazy_compile
from collectlint.packs.rule import Rule
from collectlint.record import field, record, replace
from collectlint.session import Options, Session

PIN = lazy_compile(r"\[\[(.+?)\]\]")


def unpin(example: str) -> tuple[str, tuple[int, int] | None]:
    """The example's text without the ``[[ ]]`` marks, and the pinned span if any."""
    m = PIN.search(example)
    if m is None:
        return example, None
    text = example[: m.start()] + m.group(1) + example[m.end():]
    return text, (m.start(), m.start() + len(m.group(1)))


class ExampleRunner:
    """One session per profile (rules only, or with the model for model rules), built on first need."""

    def __init__(self, config: Config | None = None, extra_dirs: tuple[str, ...] = ()) -> None:
        self.config = replace(config or Config(), select=(), ignore=(), severity={})
        self.extra_dirs = extra_dirs
        self._sessions: dict[tuple[str | None, bool], Session] = {}

    def session(self, profile: str | None, model: bool = False) -> Session:
        if (profile, model) not in self._sessions:
            self._sessions[(profile, model)] = Session(self.config, Options(
                extra_rule_dirs=self.extra_dirs, profile=profile, model=model, merge_overlapping=False))
        return self._sessions[(profile, model)]

    def failure(self, rule: Rule, example: str, kind: str) -> str | None:
        """Why the example fails (None when it behaves)."""
        text, pinned = unpin(example) if kind != "silent" else (example, None)
        from collectlint.checks.base import MODEL

        session = self.session(rule.profile, MODEL in rule.check.needs)
        found = session.lint_text(text, stage=rule.examples.stage, channel=rule.examples.channel,
                                  fmt=rule.examples.format)
        spans = [(s.start, s.end) for f in found if f.rule_id == rule.id for s in (f.span, *f.also)]
        if kind == "silent":
            return f"{rule.id} fired on silent example {text!r}" if spans else None
        if not spans:
            return f"{rule.id} did not fire on {text!r}"
        if pinned is not None and pinned not in spans:
            got = ", ".join(repr(text[a:b]) for a, b in spans)
            return f"{rule.id} fired on {got}, not on the pinned {text[pinned[0]:pinned[1]]!r} in {text!r}"
        return None


@record
class Outcome:
    passed: int = 0
    failed: int = 0
    todo: int = 0
    lines: list[str] = field(default_factory=list)


def run_pack_examples(config: Config, directories: tuple[str, ...]) -> Outcome:
    runner = ExampleRunner(config, directories or tuple(config.rule_dirs))
    session = runner.session(None)
    rules = [r for r in session.rules if not directories or any(_under(r.path, d) for d in directories)]
    out = Outcome()
    for rule in rules:
        for kind in ("fire", "silent", "todo"):
            for example in getattr(rule.examples, kind):
                problem = runner.failure(rule, example, "fire" if kind == "todo" else kind)
                if kind == "todo":
                    out.todo += 1
                    out.lines.append(f"todo {rule.id}: {'still missed' if problem else 'now fires'}: {example!r}")
                elif problem:
                    out.failed += 1
                    out.lines.append(f"FAIL {rule.path}:{rule.line}: {problem}")
                else:
                    out.passed += 1
    return out


def _under(path: str, directory: str) -> bool:
    from pathlib import Path

    try:
        Path(path).resolve().relative_to(Path(directory).resolve())
        return True
    except ValueError:
        return False
