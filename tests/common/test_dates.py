"""Times are shown in ICT with one set of formats, whatever zone the process runs in."""

from datetime import UTC, date, datetime

from django.utils import timezone

from common.dates import format_date, format_datetime, format_span, format_time, local


def test_times_are_shown_in_ict_even_when_another_zone_is_active():
    moment = datetime(2026, 2, 3, 3, 0, tzinfo=UTC)

    with timezone.override("Europe/Paris"):
        assert local(moment).hour == 10
        assert format_datetime(moment) == "03/02/2026 10:00"
        assert format_time(moment, seconds=True) == "10:00:00"


def test_dates_read_day_first_in_vietnamese_and_spelled_out_in_english():
    assert format_date(date(2026, 2, 3)) == "03/02/2026"
    assert format_date(date(2026, 2, 3), "en") == "3 February 2026"
    # 23:30 UTC is already the next morning in Hanoi.
    assert format_date(datetime(2026, 2, 2, 23, 30, tzinfo=UTC)) == "03/02/2026"


def test_a_span_within_a_day_names_the_date_once():
    start = datetime(2026, 2, 3, 2, 0, tzinfo=UTC)

    assert format_span(start, datetime(2026, 2, 3, 4, 0, tzinfo=UTC)) == "03/02/2026 09:00–11:00"
    assert format_span(start, datetime(2026, 2, 4, 10, 0, tzinfo=UTC)) == (
        "03/02/2026 09:00 – 04/02/2026 17:00"
    )
