"""Weighted draws, the one primitive every table in the generator is built on."""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate
from random import Random
from typing import Generic, TypeVar

T = TypeVar("T")


class WeightedTable(Generic[T]):
    """Values with relative weights, drawn in O(log n).

    `Random.choices` rebuilds its cumulative weights on every call; the generator
    draws millions of times from the same few hundred tables, so they are built once.
    """

    __slots__ = ("_cumulative", "_total", "values")

    def __init__(self, pairs: Iterable[tuple[T, float]]) -> None:
        values: list[T] = []
        weights: list[float] = []
        for value, weight in pairs:
            if weight < 0:
                raise ValueError(f"negative weight for {value!r}")
            values.append(value)
            weights.append(weight)
        self.values: tuple[T, ...] = tuple(values)
        self._cumulative = tuple(accumulate(weights))
        if not self._cumulative or self._cumulative[-1] <= 0:
            raise ValueError("a weighted table needs a positive total weight")
        self._total = self._cumulative[-1]

    def pick(self, rng: Random) -> T:
        index = bisect_right(self._cumulative, rng.random() * self._total)
        if index == len(self.values):
            # random() < 1, but the product can round up to the total itself.
            index = bisect_left(self._cumulative, self._total)
        return self.values[index]

    def share_of(self, value: T) -> float:
        """The probability of drawing `value` (for tests and documentation)."""
        index = self.values.index(value)
        previous = self._cumulative[index - 1] if index else 0.0
        return (self._cumulative[index] - previous) / self._total


def uniform(values: Iterable[T]) -> WeightedTable[T]:
    return WeightedTable((value, 1.0) for value in values)
