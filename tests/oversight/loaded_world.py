"""A generated world loaded with its elections as extract rows, and the way back from the
generator's person keys to the loaded rows' ids."""

from uuid import UUID

from reunify.audit.models import HistoryEntry
from reunify.demo.load_world import load_world
from reunify.synth import World


def load_as_extracts(world: World) -> dict[str, UUID]:
    """Load `world` with historical-extract elections; person key → loaded person id.

    Each family's history entry lists its members' ids in the world's member order.
    """
    load_world(world, elections_as_extract=True)
    families = {family.key: family for family in world.families}
    ids: dict[str, UUID] = {}
    for entry in HistoryEntry.objects.filter(action="family.loaded"):
        members = families[entry.changes["family"]].members
        ids.update(
            (key, UUID(person_id))
            for (key, _), person_id in zip(members, entry.person_ids, strict=True)
        )
    return ids
