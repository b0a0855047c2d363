"""Django choices for tracing records; the codes are published (API, exports)."""

from django.db import models

from reunify.tracing.transitions import TracingState


class TracingStateChoices(models.TextChoices):
    NOT_STARTED = TracingState.NOT_STARTED, "Not started"
    SEARCHING = TracingState.SEARCHING, "Searching"
    LOCATED = TracingState.LOCATED, "Parent located"
    IN_CONTACT = TracingState.IN_CONTACT, "In contact"
    REUNIFICATION_PLANNED = TracingState.REUNIFICATION_PLANNED, "Reunification planned"
    REUNIFIED_IN_COUNTRY = TracingState.REUNIFIED_IN_COUNTRY, "Reunified in the country"
    REUNIFIED_ABROAD = TracingState.REUNIFIED_ABROAD, "Reunified abroad"
    DECLINED = TracingState.DECLINED, "Reunification declined"


class Channel(models.TextChoices):
    PHONE = "PHONE", "Phone call"
    MESSAGE = "MESSAGE", "Message (SMS, WhatsApp, e-mail)"
    PARTNER_VISIT = "PARTNER_VISIT", "Visit by a partner organisation"
    CONSULATE = "CONSULATE", "Consulate"
    OTHER = "OTHER", "Other"


# Channels that try a telephone number: the detail tried is normalised to E.164.
PHONE_CHANNELS = frozenset({Channel.PHONE, Channel.MESSAGE})


class Outcome(models.TextChoices):
    REACHED = "REACHED", "Reached the parent"
    LOCATED = "LOCATED", "Found where the parent is, not yet spoken to"
    NO_ANSWER = "NO_ANSWER", "No answer"
    LEFT_MESSAGE = "LEFT_MESSAGE", "Left a message"
    DETAIL_DEAD = "DETAIL_DEAD", "Number or address no longer works"
    WRONG_PERSON = "WRONG_PERSON", "Someone else answered: not the parent's"
    NOT_FOUND = "NOT_FOUND", "Parent not found there"


# Outcomes after which the detail tried must not be tried again unknowingly.
DEAD_OUTCOMES = frozenset({Outcome.DETAIL_DEAD, Outcome.WRONG_PERSON})
SUCCESS_OUTCOMES = frozenset({Outcome.REACHED, Outcome.LOCATED})


class DetailKind(models.TextChoices):
    PHONE = "PHONE", "Telephone"
    ADDRESS = "ADDRESS", "Address or village"
    OTHER = "OTHER", "Other (e-mail, messaging account)"


class ContactKind(models.TextChoices):
    CALL = "CALL", "Telephone call"
    VIDEO_CALL = "VIDEO_CALL", "Video call"
    VISIT = "VISIT", "Visit in person"


class ParoleMilestone(models.TextChoices):
    APPLICATION_PREPARED = "APPLICATION_PREPARED", "Application prepared"
    APPLICATION_FILED = "APPLICATION_FILED", "Application filed"
    BIOMETRICS = "BIOMETRICS", "Biometrics taken"
    INTERVIEWED = "INTERVIEWED", "Interviewed"
    GRANTED = "GRANTED", "Parole granted"
    DENIED = "DENIED", "Parole denied"
    TRAVEL_DOCUMENT_ISSUED = "TRAVEL_DOCUMENT_ISSUED", "Travel document issued"
    ARRIVED = "ARRIVED", "Parent arrived"


class ServiceKind(models.TextChoices):
    BEHAVIOURAL_HEALTH = "BEHAVIOURAL_HEALTH", "Behavioural health"
    HOUSING = "HOUSING", "Housing"
    MEDICAL = "MEDICAL", "Medical"
    LEGAL = "LEGAL", "Legal"
