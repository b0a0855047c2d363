"""The three agency extracts. Kept apart from the models so that reading a file (for a
dry run, a benchmark, or linkage straight from files) needs no database."""

from django.db import models


class Source(models.TextChoices):
    CBP = "cbp", "CBP border apprehensions"
    ICE = "ice", "ICE detention and removals"
    ORR = "orr", "ORR child shelter referrals"
