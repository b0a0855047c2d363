"""Generated extracts for the import tests: a small world written once per session."""

from pathlib import Path

import pytest

from reunify.synth import build_world, write_extracts

FAMILIES = 300
SEED = 11


@pytest.fixture(scope="session")
def extracts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out_dir = tmp_path_factory.mktemp("extracts")
    write_extracts(build_world(FAMILIES, SEED), out_dir, SEED)
    return out_dir
