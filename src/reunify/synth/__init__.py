"""Synthetic separated families and the messy agency extracts describing them.

`build_world(families, seed)` makes the ground truth: a `World` of persons, families,
custody episodes, separations, elections and removals. `write_extracts(world, out_dir,
seed)` renders it as the cbp, ice and orr extracts of DESIGN.md, with the answer keys
truth_persons.csv, truth_malformed.csv, truth_relationships.csv and truth_removals.json.
`generate(families, seed, out_dir)` does both. The same arguments always give the
same world and byte-identical files. Pure standard library, no database.

Loading a `World` elsewhere (the demo loader): every record refers to others by key
only, so persons can be loaded first, then families and their members, then custody
episodes (contiguous per person: one ends the day the next begins; the last may be
open), separations (with their reunion, if any), elections (grouped by parent, oldest
first; the last governs) and removals (one per removed person; an adult's lists the
children on the same flight). `removals_truth(world)` is the oversight report the
truth implies, for checking the real one.
"""

from reunify.synth.build import build_world
from reunify.synth.extracts import ExtractSummary, write_extracts
from reunify.synth.generate import generate
from reunify.synth.truth_removals import RemovalsTruth, classify_removed_parents, removals_truth
from reunify.synth.world import (
    SynthCustodyEpisode,
    SynthElection,
    SynthFamily,
    SynthPerson,
    SynthRemoval,
    SynthSeparation,
    World,
)

__all__ = [
    "ExtractSummary",
    "RemovalsTruth",
    "SynthCustodyEpisode",
    "SynthElection",
    "SynthFamily",
    "SynthPerson",
    "SynthRemoval",
    "SynthSeparation",
    "World",
    "build_world",
    "classify_removed_parents",
    "generate",
    "removals_truth",
    "write_extracts",
]
