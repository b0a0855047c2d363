"""An extract file read twice, streaming: once to judge it whole, once row by row.

The first pass refuses a file that cannot be imported at all (not UTF-8, empty, a broken
header) before anything is written, and learns what the second pass needs: the file's
SHA-256, its row count for the progress bar, and the order its slashed dates follow.
Memory stays constant whatever the file's size.
"""

import codecs
import csv
import hashlib
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter
from pathlib import Path

from reunify.imports.errors import ExtractRefused
from reunify.imports.extract_columns import DATE_COLUMNS, Header, read_header
from reunify.imports.parquet_rows import is_parquet, parquet_rows
from reunify.standardise import DateOrder, UnreadableDate, parse_extract_date

READ_BYTES = 1 << 20
# A file's dates follow one order only when nearly all unambiguous ones agree; a file that
# mixes orders gets no preferred order, and each ambiguous date is flagged instead.
ORDER_AGREEMENT = 0.95
ORDER_EVIDENCE = 20
VOTES_COUNTED_AT_ONCE = 100_000  # date texts held before counting

csv.field_size_limit(min(sys.maxsize, 1 << 24))


@dataclass(frozen=True)
class ExtractScan:
    path: Path
    source: str
    sha256: str
    size: int
    header: Header
    rows: int
    date_order: DateOrder | None


@dataclass(frozen=True)
class ExtractRow:
    number: int  # data rows counted from 1, the header not counted
    fields: list[str]  # every field, as written (`Header` says which column each is)
    problem: str | None = None  # a row the file's layout cannot read


def file_digest(path: Path, *, text: bool = True) -> tuple[str, int]:
    """The file's SHA-256 and size; refuses a text file that is not UTF-8, naming the
    line."""
    digest = hashlib.sha256()
    size = 0
    lines_before = 0
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as stream:
        while chunk := stream.read(READ_BYTES):
            try:
                if text:
                    decoder.decode(chunk)
            except UnicodeDecodeError as error:
                line = lines_before + chunk.count(b"\n", 0, error.start) + 1
                raise ExtractRefused(
                    f"the file is not UTF-8 text (line {line}: byte "
                    f"0x{chunk[error.start]:02x} cannot be read); "
                    "save it as UTF-8 and import it again"
                ) from None
            digest.update(chunk)
            size += len(chunk)
            lines_before += chunk.count(b"\n")
    return digest.hexdigest(), size


def csv_rows(path: Path) -> Iterator[list[str]]:
    """Rows of a UTF-8 CSV file (a byte-order mark allowed), as lists of fields.

    Blank lines are no rows and are skipped; a row of empty fields is a row."""
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream)
        try:
            yield from (fields for fields in reader if fields)
        except csv.Error as error:
            raise ExtractRefused(f"line {reader.line_num}: {error}") from None


def table_rows(path: Path) -> Iterator[list[str]]:
    """The header and rows of an extract, CSV or (where easy) Parquet."""
    return parquet_rows(path) if is_parquet(path) else csv_rows(path)


def scan_extract(source: str, path: Path) -> ExtractScan:
    if not path.is_file():
        raise ExtractRefused(f"no file at {path}")
    if path.stat().st_size == 0:
        raise ExtractRefused("the file is empty")
    parquet = is_parquet(path)
    sha256, size = file_digest(path, text=not parquet)
    if not parquet and size < READ_BYTES and not path.read_bytes().strip(b" \r\n\t\xef\xbb\xbf"):
        raise ExtractRefused("the file is empty")
    rows = table_rows(path)
    header = read_header(source, next(rows, []))
    date_positions = [
        header.positions[column] for column in DATE_COLUMNS[source] if column in header.positions
    ]
    # Dates repeat (a few thousand days of birth and of apprehension in a million rows):
    # each distinct text is read once and votes as often as it is written.
    dates: Counter[str] = Counter()
    said: list[str] = []  # counted a chunk at a time: memory stays flat
    # The date fields of a full row at once; a trailing 0 makes it a tuple however many.
    pick, widest = itemgetter(*date_positions, 0), max(date_positions, default=0)
    count = 0
    for count, fields in enumerate(rows, start=1):  # noqa: B007 - the count is the point
        if len(fields) > widest:
            said.extend(pick(fields)[:-1])
        else:
            said.extend(fields[position] for position in date_positions if position < len(fields))
        if len(said) >= VOTES_COUNTED_AT_ONCE:
            dates.update(said)
            said.clear()
    dates.update(said)
    votes = {DateOrder.MONTH_FIRST: 0, DateOrder.DAY_FIRST: 0}
    for text, times in dates.items():
        vote_for_order(text, votes, times)
    return ExtractScan(path, source, sha256, size, header, count, agreed_order(votes))


def vote_for_order(text: str, votes: dict[DateOrder, int], times: int = 1) -> None:
    """A slashed date only one order can read ("25/12/2017") votes for that order, once
    for each of the `times` it is written."""
    try:
        read = parse_extract_date(text)
    except UnreadableDate:
        return
    if read is not None and not read.ambiguous and read.order in votes:
        votes[read.order] += times


def agreed_order(votes: dict[DateOrder, int]) -> DateOrder | None:
    total = sum(votes.values())
    if total < ORDER_EVIDENCE:
        return None
    order, most = max(votes.items(), key=lambda vote: vote[1])
    return order if most / total >= ORDER_AGREEMENT else None


def chunked_fields(scan: ExtractScan, size: int) -> Iterator[tuple[int, list[list[str]]]]:
    """The file's data rows as lists of fields, `size` at a time, each chunk with the
    number of its first row: cheap to skip for a reader that reads only some chunks."""
    rows = table_rows(scan.path)
    next(rows, None)
    first = 1
    while chunk := list(islice(rows, size)):
        yield first, chunk
        first += len(chunk)


def extract_row(scan: ExtractScan, number: int, fields: list[str]) -> ExtractRow:
    width = len(scan.header.headings)
    problem = None
    if not any(field.strip() for field in fields):
        problem = "the row is empty"
    elif len(fields) != width:
        problem = f"the row has {len(fields)} fields; the header has {width}"
    return ExtractRow(number, fields, problem)
