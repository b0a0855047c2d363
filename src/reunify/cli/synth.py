"""`reunify synth`: generated agency extracts and the ground truth behind them."""

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from reunify.cli.errors import CommandFailed
from reunify.synth import generate


def synth(arguments: argparse.Namespace) -> int:
    out = Path(arguments.out)
    if out.exists() and not out.is_dir():
        raise CommandFailed(f"{out} exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandFailed(f"cannot create {out}: {error.strerror}") from None
    summary = generate(families=arguments.families, seed=arguments.seed, out_dir=out)
    print(json.dumps(asdict(summary), default=str, sort_keys=True))
    return 0
