"""Cold start of `collectlint check` on one SMS-sized file, clean and with findings.

Whole-process wall-clock figures (min / median / max over N runs) of the installed console script,
so imports, rule loading and segmenter start-up are all counted.  Run:

    python bench/coldstart.py [--runs 15]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLEAN = "【XX银行】尊敬的客户，您尾号1234的信用卡本期应还1,200.00元，请于2024年3月5日前还款。客服95555。\n"
DIRTY = "【XX银行】尾号1234，欠款1200元，3月5日前不还就让你坐牢，还要发到你朋友圈曝光。客服95555。\n"


def command() -> list[str]:
    exe = shutil.which("collectlint")
    return [exe] if exe else [sys.executable, "-m", "collectlint"]


def measure(path: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([*command(), "check", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
        times.append(time.perf_counter() - t0)
    return times


def fmt(times: list[float]) -> str:
    return f"min {min(times):.3f} s  median {statistics.median(times):.3f} s  max {max(times):.3f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        clean, dirty = Path(tmp) / "clean.txt", Path(tmp) / "dirty.txt"
        clean.write_text(CLEAN, encoding="utf-8")
        dirty.write_text(DIRTY, encoding="utf-8")
        measure(dirty, 1)  # first run writes the segmenter's dictionary cache; not counted
        print(f"cold start, clean SMS file   ({args.runs} runs): {fmt(measure(clean, args.runs))}")
        print(f"cold start, SMS with findings ({args.runs} runs): {fmt(measure(dirty, args.runs))}")


if __name__ == "__main__":
    main()
