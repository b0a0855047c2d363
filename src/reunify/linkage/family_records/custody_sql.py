"""`custody` set-wise: every person's custody timeline selected in PostgreSQL from the
linked rows' table (`linked_table`), by the rules of `custody`: events of one day ordered
by their kind's hour, then as the Python rules meet them (`seq`, and within an extract row
its first event before its second); an event repeating the stay before it dropped; each
episode lasting until the next begins."""

from reunify.families.models import CustodyEpisode
from reunify.linkage.family_records.custody import DISCHARGED_TO, HOUR_OF
from reunify.linkage.family_records.linked_table import LINKED
from reunify.linkage.family_records.record_keys import moment_sql, record_uuid_sql
from reunify.linkage.family_records.writing import Selected, select_list
from reunify.sql_literal import case_of, literal
from reunify.vocabulary import CustodyKind


def _events() -> str:
    """Each dated event: person, day, kind, place, country, source record, order."""
    discharged_to = case_of(
        "discharge_type",
        {kind: literal(to) for kind, to in DISCHARGED_TO.items()},
        default=literal(CustodyKind.RELEASED),
    )
    kinds = {kind: literal(kind) for kind in CustodyKind}
    said = [
        ("apprehended_on", kinds[CustodyKind.BORDER_STATION], "station", "''", "", "cbp",
         "true"),
        ("book_in_on", kinds[CustodyKind.DETENTION_FACILITY], "facility", "''", "", "ice",
         "book_in_on IS NOT NULL"),
        ("removed_on", kinds[CustodyKind.REMOVED], "''", "removal_country", ":removal", "ice",
         "removed_on IS NOT NULL AND removal_country <> ''"),
        ("referred_on", kinds[CustodyKind.SHELTER], "shelter", "''", "", "orr",
         "referred_on IS NOT NULL"),
        ("discharged_on", discharged_to, "''", "''", ":discharge", "orr",
         "discharged_on IS NOT NULL"),
    ]  # fmt: skip
    return " UNION ALL ".join(
        f"SELECT person_id, {day} AS on_day, {kind} AS kind, {place} AS place, "  # noqa: S608
        f"{country} AS country, source_record || {literal(suffix)} AS source_record, "
        f"seq, {int(bool(suffix))} AS second FROM {LINKED} WHERE source = '{source}' AND {where}"
        for day, kind, place, country, suffix, source, where in said
    )


def episodes_selected() -> Selected:
    hour = case_of("kind", {kind: str(h) for kind, h in HOUR_OF.items()})
    order = "PARTITION BY person_id ORDER BY on_day, hour, seq, second"
    ordered = (
        f"SELECT *, lag(ROW(kind, place, country)) OVER ({order}) AS before "  # noqa: S608
        f"FROM (SELECT *, {hour} AS hour FROM ({_events()}) events) timed"
    )
    kept = (
        "SELECT *, lead(on_day) OVER w AS next_day, lead(hour) OVER w AS next_hour "  # noqa: S608
        f"FROM ({ordered}) ordered "
        "WHERE before IS NULL OR before IS DISTINCT FROM ROW(kind, place, country) "
        f"WINDOW w AS ({order})"
    )
    columns = select_list(
        CustodyEpisode,
        {
            "id": record_uuid_sql("kept.source_record"),
            "person_id": "kept.person_id",
            "kind": "kept.kind",
            "facility_id": "facility.id",
            "detail": "CASE WHEN facility.id IS NULL THEN kept.place ELSE '' END",
            "country": "kept.country",
            "started_at": moment_sql("kept.on_day", hour="kept.hour"),
            "ended_at": (
                "CASE WHEN kept.next_day IS NULL THEN NULL ELSE "
                f"{moment_sql('kept.next_day', hour='kept.next_hour')} END"
            ),
            "recorded_by_id": "NULL::uuid",
            "source_record": "kept.source_record",
        },
    )
    return Selected(
        f"SELECT {columns} FROM ({kept}) kept "  # noqa: S608
        "LEFT JOIN families_facility facility ON facility.kind = kept.kind "
        "AND facility.name = kept.place AND kept.place <> ''"
    )
