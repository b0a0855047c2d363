"""Fixtures: one world of 2,000 families (seed 7), generated once per session."""

import pytest

from reunify.synth import World, build_world, write_extracts

from .support import FAMILIES, SEED, Generated


@pytest.fixture(scope="session")
def world() -> World:
    return build_world(FAMILIES, SEED)


@pytest.fixture(scope="session")
def generated(world: World, tmp_path_factory: pytest.TempPathFactory) -> Generated:
    out_dir = tmp_path_factory.mktemp("synth")
    return Generated(world, out_dir, write_extracts(world, out_dir, SEED))
