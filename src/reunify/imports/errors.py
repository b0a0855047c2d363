"""Why a whole extract file is refused (nothing is written when it is)."""


class ExtractRefused(Exception):
    """The file as a whole cannot be imported: wrong columns, not UTF-8, empty, unreadable."""
