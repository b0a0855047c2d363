"""Why linkage could not run or its results cannot be read."""


class LinkageRefused(Exception):
    """Nothing to link, an engine not available, or results out of date; in words."""
