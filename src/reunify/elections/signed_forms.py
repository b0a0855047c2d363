"""What a signed election form may be: a PDF or a photo/scan, recognised by its bytes.

The file's name and the browser's claimed type are not trusted; the first bytes are.
"""

import hashlib
from typing import IO

MAX_SIGNED_FORM_BYTES = 20 * 1024 * 1024

# Leading bytes → (media type, file extension).
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"II*\x00", "image/tiff", "tif"),
    (b"MM\x00*", "image/tiff", "tif"),
)


def sniff_signed_form(head: bytes) -> tuple[str, str] | None:
    """(media type, extension) for a PDF or image, by its first bytes; None otherwise."""
    for magic, media_type, extension in _SIGNATURES:
        if head.startswith(magic):
            return media_type, extension
    return None


def sha256_of(stream: IO[bytes]) -> str:
    digest = hashlib.sha256()
    stream.seek(0)
    for block in iter(lambda: stream.read(1024 * 1024), b""):
        digest.update(block)
    stream.seek(0)
    return digest.hexdigest()
