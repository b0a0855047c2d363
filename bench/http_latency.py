"""Measure a running Reunify over HTTP on loopback: sign in, then time page requests."""

import re
import statistics
import time
from collections.abc import Iterable
from dataclasses import dataclass

import httpx


@dataclass(frozen=True)
class Latency:
    label: str
    requests: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float


def signed_in_client(base_url: str, username: str, password: str) -> httpx.Client:
    client = httpx.Client(base_url=base_url, timeout=30, follow_redirects=False)
    form = client.get("/accounts/sign-in/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    if token is None:
        raise RuntimeError("the sign-in page carries no CSRF token")
    answer = client.post(
        "/accounts/sign-in/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": token.group(1)},
        headers={"Referer": f"{base_url}/accounts/sign-in/"},
    )
    if answer.status_code != 302:
        raise RuntimeError(f"sign-in failed with HTTP {answer.status_code}")
    return client


def percentile(sorted_values: list[float], share: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(share * (len(sorted_values) - 1))))
    return sorted_values[index]


def time_requests(
    client: httpx.Client, label: str, paths: Iterable[str], *, warmup: int = 20
) -> Latency:
    paths = list(paths)
    for path in paths[:warmup]:
        client.get(path)
    timings: list[float] = []
    for path in paths:
        started = time.perf_counter()
        answer = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        if answer.status_code != 200:
            raise RuntimeError(f"{label}: HTTP {answer.status_code} for a request")
    timings.sort()
    return Latency(
        label=label,
        requests=len(timings),
        p50_ms=statistics.median(timings),
        p95_ms=percentile(timings, 0.95),
        p99_ms=percentile(timings, 0.99),
        max_ms=timings[-1],
    )
