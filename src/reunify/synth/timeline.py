"""One person's custody, built move by move so that it cannot overlap or leave gaps.

An episode ends on the day the next one starts; the last one stays open.
"""

from datetime import date

from reunify.synth.world import SynthCustodyEpisode
from reunify.vocabulary import CustodyKind


class Timeline:
    __slots__ = ("_closed", "_country", "_kind", "_place", "_since", "person_key")

    def __init__(self, person_key: str, kind: CustodyKind, place: str | None, since: date) -> None:
        self.person_key = person_key
        self._closed: list[SynthCustodyEpisode] = []
        self._kind = kind
        self._place = place
        self._country: str | None = None
        self._since = since

    @property
    def kind(self) -> CustodyKind:
        return self._kind

    @property
    def since(self) -> date:
        return self._since

    def move(
        self, on: date, kind: CustodyKind, place: str | None, country: str | None = None
    ) -> None:
        """Close the current episode on `on` and open the next.

        Moves must go forward in time: a same-day or backward move is a bug in the
        story being told, and fails loudly rather than writing a zero-length stay.
        """
        if on <= self._since:
            raise ValueError(
                f"{self.person_key}: move to {kind} on {on} is not after"
                f" {self._kind} since {self._since}"
            )
        self._closed.append(
            SynthCustodyEpisode(
                self.person_key, self._kind, self._place, self._country, self._since, on
            )
        )
        self._kind, self._place, self._country, self._since = kind, place, country, on

    def episodes(self) -> list[SynthCustodyEpisode]:
        current = SynthCustodyEpisode(
            self.person_key, self._kind, self._place, self._country, self._since, None
        )
        return [*self._closed, current]
