"""A longer fuzz run: the property tests of tests/fuzz with the `long` hypothesis profile.

    python benchmarks/fuzz.py [--examples N]

Prints, per property, the examples tried and the failures found (0 when done).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAT = re.compile(r"(\d+) passing, (\d+) failing, and (\d+) invalid")
TEST = re.compile(r"^(tests/\S+::\S+):$")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=500)
    args = parser.parse_args()
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/fuzz",
            "--hypothesis-show-statistics",
            "--hypothesis-seed=0",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "TRIPWIRE_FUZZ_EXAMPLES": str(args.examples)},
    )
    tried = failures = 0
    current = None
    for line in run.stdout.splitlines():
        if match := TEST.match(line.strip()):
            current = match.group(1)
        elif (match := STAT.search(line)) and current:
            passing, failing, _ = (int(g) for g in match.groups())
            tried += passing + failing
            failures += failing
            print(f"{current}: {passing + failing} examples, {failing} failing")
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr[-500:]
    print(f"total: {tried} examples tried, {failures} failures found; pytest: {summary}")
    sys.exit(run.returncode)


if __name__ == "__main__":
    main()
