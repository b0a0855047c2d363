"""`generate`: build a world and write its extracts, in one call (`reunify synth`)."""

from pathlib import Path

from reunify.synth.build import build_world
from reunify.synth.extracts import ExtractSummary, write_extracts


def generate(families: int, seed: int, out_dir: Path) -> ExtractSummary:
    """Same arguments, byte-identical files."""
    return write_extracts(build_world(families, seed), out_dir, seed)
