"""The event list API with 10,000 events: time per page and queries, against 100 events.

Same request (`GET /api/v1/events/?page=N`, 50 per page, anonymous) on the same machine in the
same run: once with 100 public events, once with 10,000. A list whose cost does not grow with
the data answers both in about the same time with the same number of queries; the ratio is
the proof. The public iCalendar feed at 10,000 events is timed by bench.calendar_feed.
"""

from bench import best_of, temporary_database
from bench.calendar_feed import _populate


def _measure(client, pages) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def fetch():
        for page in pages:
            response = client.get(f"/api/v1/events/?page={page}")
            assert response.status_code == 200, response.status_code

    seconds = best_of(fetch, repeat=5) / len(pages)
    with CaptureQueriesContext(connection) as queries:
        client.get(f"/api/v1/events/?page={pages[-1]}")
    return seconds, len(queries)


def main() -> None:
    from rest_framework.test import APIClient

    with temporary_database():
        client = APIClient()
        _populate(100)
        small_time, small_queries = _measure(client, [1])
        _populate(10_000)
        first_time, first_queries = _measure(client, [1])
        deep_time, deep_queries = _measure(client, [200])
    print("GET /api/v1/events/ (50 per page, anonymous)")
    print(f"{'events':>8}{'page':>6}{'ms per page':>13}{'queries':>9}")
    print(f"{100:>8}{1:>6}{small_time * 1000:>13.1f}{small_queries:>9}")
    print(f"{10_000:>8}{1:>6}{first_time * 1000:>13.1f}{first_queries:>9}")
    print(f"{10_000:>8}{200:>6}{deep_time * 1000:>13.1f}{deep_queries:>9}")
    print(f"first page, 10,000 events against 100: {first_time / small_time:.2f}x")
    print(f"last page (OFFSET 9,950), 10,000 events against 100: {deep_time / small_time:.2f}x")
    assert first_queries == small_queries == deep_queries, "queries grow with the events"
