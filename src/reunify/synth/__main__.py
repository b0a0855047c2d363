"""`python -m reunify.synth --families N --seed S --out DIR`: generate without Django.

Prints one JSON line of what was written. The project's `reunify synth` command does
the same through `generate`.
"""

import argparse
import json
import sys
from pathlib import Path

from reunify.synth.generate import generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reunify.synth", description=__doc__)
    parser.add_argument("--families", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.families < 0:
        parser.error("--families must be zero or more")
    summary = generate(args.families, args.seed, args.out)
    print(
        json.dumps(
            {
                "out": str(summary.out_dir),
                "families": summary.families,
                "persons": summary.persons,
                "rows": dict(summary.rows),
                "malformed": dict(summary.malformed),
                "removed_parents_with_separated_children": (
                    summary.removed_parents_with_separated_children
                ),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
